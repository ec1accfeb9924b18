import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { normalizeTicketCode, type SignupEventKind, TICKET_CODE_ALPHABET, TICKET_CODE_LENGTH } from '@anqian/shared';

/** The QR payload: `AQT1:<kind letter>:<event id>:<sign-up id>:<signature>`. */
const QR_PREFIX = 'AQT1';
const KIND_LETTERS: Record<SignupEventKind, string> = { job_fair: 'F', training: 'T' };
const QR_PATTERN = /^AQT1:([FT]):([a-f\d]{24}):([a-f\d]{24}):([A-Za-z0-9_-]{22})$/;
const CODE_PATTERN = new RegExp(`^[${TICKET_CODE_ALPHABET}]{${TICKET_CODE_LENGTH}}$`);

export type TicketClaim = { kind: 'qr'; eventId: string; signupId: string } | { kind: 'code'; code: string };

function base32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += TICKET_CODE_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * E-tickets that only the server can make: the QR payload carries a 128-bit HMAC-SHA256 of the
 * event and the sign-up, and the short code is 40 bits of another HMAC of the same, so neither can
 * be made up or moved to another event or sign-up without the key. The key is derived from
 * SESSION_SECRET with HKDF under its own label, so it is never the session key itself.
 */
export function createTicketSigner(secret: Buffer) {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'anqian/e-ticket/v1', 32));
  const mac = (purpose: string, kind: SignupEventKind, eventId: string, signupId: string) =>
    createHmac('sha256', key).update(`${purpose}:${kind}:${eventId}:${signupId}`).digest();

  const signature = (kind: SignupEventKind, eventId: string, signupId: string) => mac('qr', kind, eventId, signupId).subarray(0, 16).toString('base64url');

  return {
    qr: (kind: SignupEventKind, eventId: string, signupId: string): string =>
      `${QR_PREFIX}:${KIND_LETTERS[kind]}:${eventId}:${signupId}:${signature(kind, eventId, signupId)}`,

    code: (kind: SignupEventKind, eventId: string, signupId: string): string => base32(mac('code', kind, eventId, signupId), TICKET_CODE_LENGTH),

    /** True when `code` is the one this sign-up was given. */
    codeMatches(kind: SignupEventKind, eventId: string, signupId: string, code: string): boolean {
      return same(this.code(kind, eventId, signupId), code);
    },

    /**
     * What staff scanned or typed: a QR payload whose signature holds for `kind`, or something
     * shaped like a short code (checked against the stored sign-up by the caller); null otherwise.
     */
    read(kind: SignupEventKind, input: string): TicketClaim | null {
      const qr = QR_PATTERN.exec(input.trim());
      if (qr) {
        const [, letter, eventId, signupId, sig] = qr;
        if (letter !== KIND_LETTERS[kind] || !same(signature(kind, eventId, signupId), sig)) return null;
        return { kind: 'qr', eventId, signupId };
      }
      const code = normalizeTicketCode(input);
      return CODE_PATTERN.test(code) ? { kind: 'code', code } : null;
    },
  };
}

export type TicketSigner = ReturnType<typeof createTicketSigner>;
