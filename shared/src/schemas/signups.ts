import { z } from 'zod';

/**
 * Sign-ups (报名) for events with a capacity: job fairs now, training courses next. One engine
 * counts the places, issues the e-tickets and checks them in; each event kind decides whether a
 * full event takes a waitlist.
 */

export const SIGNUP_EVENT_KINDS = ['job_fair', 'training'] as const;
export type SignupEventKind = (typeof SIGNUP_EVENT_KINDS)[number];

/**
 * `pending` waits for staff review before it takes a place (training); `rejected` and `removed`
 * are staff decisions with a reason. Job fairs use only the first three.
 */
export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'pending', 'rejected', 'removed'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
  pending: '待审核',
  rejected: '未通过',
  removed: '已移出',
};

/**
 * The short code's alphabet (Crockford base32): no I, L, O or U, so what staff read off a phone
 * and type cannot be mistaken; `normalizeTicketCode` reads I and L as 1 and O as 0.
 */
export const TICKET_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TICKET_CODE_LENGTH = 8;

/** What a typed short code stands for: upper case, no spaces or dashes, look-alikes mapped. */
export function normalizeTicketCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

/** 8 characters shown as two groups of four: 7KQ2-M9XD. */
export const formatTicketCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/** The attendee's name on the ticket, as the resident types it. */
export const attendeeNameSchema = z
  .string('请填写姓名')
  .trim()
  .min(2, '姓名至少 2 个字')
  .max(20, '姓名最多 20 个字')
  .regex(/^[\p{Script=Han}A-Za-z·• ]+$/u, '姓名只能包含汉字、字母和间隔号');

export const signUpBodySchema = z.object({ name: attendeeNameSchema });
export type SignUpBody = z.input<typeof signUpBodySchema>;

/** Check-in takes what the scanner read from the QR code, or the short code typed by hand. */
export const checkInBodySchema = z.object({
  ticket: z.string('请扫描二维码或输入电子票号').trim().min(4, '电子票号不完整').max(200, '电子票内容不正确'),
});
export type CheckInBody = z.input<typeof checkInBodySchema>;

/** The resident's e-ticket: the QR code carries `qr`; `code` is for typing when there is no camera. */
export type EventTicket = { qr: string; code: string };

export type ResidentSignup = {
  id: string;
  eventId: string;
  status: SignupStatus;
  name: string;
  /** Only for a confirmed place; a waitlisted or cancelled sign-up has no ticket. */
  ticket: EventTicket | null;
  /** 1 for the first in the queue, while waitlisted. */
  waitlistPosition: number | null;
  checkedInAt: string | null;
  createdAt: string;
  cancelledAt: string | null;
  /** Why staff rejected or removed it; null otherwise. */
  reason: string | null;
};

/** What staff at the door see: names and phones masked. */
export type StaffSignup = {
  id: string;
  eventId: string;
  status: SignupStatus;
  nameMasked: string;
  phoneMasked: string | null;
  code: string;
  createdAt: string;
  checkedInAt: string | null;
  checkedInBy: string | null;
};

export type CheckInResult = { signup: StaffSignup };

export type SignupCounts = { capacity: number; taken: number; remaining: number; waitlisted: number };

/** 张三 → 张*, 李建国 → 李*国, 欧阳小明 → 欧**明. */
export function maskPersonName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length <= 1) return characters.join('');
  if (characters.length === 2) return `${characters[0]}*`;
  return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters.at(-1)}`;
}
