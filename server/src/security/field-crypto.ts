import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** What we store for a sensitive value: AES-256-GCM ciphertext plus a keyed hash for lookups. */
export type EncryptedField = { enc: string; hash: string };

export type FieldCrypto = ReturnType<typeof createFieldCrypto>;

const VERSION = 'v1';

export function createFieldCrypto(masterKey: Buffer) {
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), purpose, 32));
  const encryptionKey = derive('anqian/field-encryption');
  const hashKey = derive('anqian/field-lookup-hash');

  function hash(value: string): string {
    return createHmac('sha256', hashKey).update(value.trim().toUpperCase()).digest('hex');
  }

  function encrypt(value: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
  }

  function decrypt(stored: string): string {
    const [version, payload] = stored.split(':');
    if (version !== VERSION || !payload) throw new Error('unknown field encryption format');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  return {
    hash,
    encrypt,
    decrypt,
    seal: (value: string): EncryptedField => ({ enc: encrypt(value), hash: hash(value) }),
  };
}
