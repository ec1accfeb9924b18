import { startProduct } from './product';

/** One running product (server, embedded database, built admin and H5) for all browser tests. */
export default async function globalSetup() {
  const product = await startProduct();
  process.env.E2E_BASE_URL = product.baseUrl;
  (globalThis as { __anqianProduct?: unknown }).__anqianProduct = product;
}
