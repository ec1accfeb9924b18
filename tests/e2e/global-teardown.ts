import type { Product } from './product';

export default async function globalTeardown() {
  await (globalThis as { __anqianProduct?: Product }).__anqianProduct?.stop();
}
