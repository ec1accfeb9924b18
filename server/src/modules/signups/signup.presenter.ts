import { formatTicketCode, maskPersonName, type ResidentSignup, type StaffSignup } from '@anqian/shared';
import type { TicketSigner } from './e-ticket';
import type { SettledSignupRecord } from './signup.model';

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

export function presentResidentSignup(signup: SettledSignupRecord, signer: TicketSigner, waitlistPosition: number | null): ResidentSignup {
  const eventId = signup.eventId.toString();
  const id = signup._id.toString();
  return {
    id,
    eventId,
    status: signup.status,
    name: signup.name,
    ticket: signup.status === 'confirmed' ? { qr: signer.qr(signup.kind, eventId, id), code: formatTicketCode(signup.code) } : null,
    waitlistPosition,
    checkedInAt: iso(signup.checkedInAt),
    createdAt: signup.createdAt.toISOString(),
    cancelledAt: iso(signup.cancelledAt),
    reason: signup.reason ?? null,
  };
}

export function presentStaffSignup(signup: SettledSignupRecord): StaffSignup {
  return {
    id: signup._id.toString(),
    eventId: signup.eventId.toString(),
    status: signup.status,
    nameMasked: maskPersonName(signup.name),
    phoneMasked: signup.phoneMasked ?? null,
    code: formatTicketCode(signup.code),
    createdAt: signup.createdAt.toISOString(),
    checkedInAt: iso(signup.checkedInAt),
    checkedInBy: signup.checkedInBy ?? null,
  };
}
