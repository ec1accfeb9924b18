const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const IDEMPOTENCY_KEY_LENGTH = 32;

/** Not a secret, only unique per draft: Math.random is enough where the platform has no crypto. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(IDEMPOTENCY_KEY_LENGTH);
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) cryptoApi.getRandomValues(bytes);
  else bytes.forEach((_, index) => (bytes[index] = Math.floor(Math.random() * 256)));
  return Array.from(bytes, (byte) => KEY_ALPHABET[byte % KEY_ALPHABET.length]).join('');
}
