import { z } from 'zod';
import { MOBILE_PATTERN } from '../masking';
import { divisionCodeSchema } from './staff';

/**
 * A township office's phone, as residents dial it: a mobile number or a landline with its area code
 * (0878-8712345 or 08788712345). Extensions are left out on purpose: a tap-to-call link cannot dial them.
 */
export const LANDLINE_PATTERN = /^0\d{2,3}-?\d{7,8}$/;

export const officePhoneSchema = z
  .string('请输入办公电话')
  .transform((value) => value.replace(/\s+/g, ''))
  .refine((value) => MOBILE_PATTERN.test(value) || LANDLINE_PATTERN.test(value), '请输入 11 位手机号，或带区号的座机号（如 0878-8712345）');

/** An empty value clears the phone. */
export const setTownshipContactBodySchema = z.object({
  officePhone: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), officePhoneSchema.nullable()),
});

export const townshipCodeParamsSchema = z.object({ code: divisionCodeSchema });

export const residentTownshipContactsQuerySchema = z.object({ villageCode: divisionCodeSchema.optional() });

export type SetTownshipContactBody = z.input<typeof setTownshipContactBodySchema>;

/** What a resident sees: whom to call about their registration or a notice. */
export type TownshipContact = { townshipCode: string; townshipName: string; officePhone: string | null };

/** What county staff keep: the phone and who set it last. */
export type StaffTownshipContact = TownshipContact & { updatedAt: string | null; updatedByName: string | null };

export type ResidentTownshipContacts = {
  items: TownshipContact[];
  /** True when the list is the townships of the resident's own registrations (or the village asked for). */
  own: boolean;
};

/** The number to dial: a landline's hyphen removed. */
export function dialNumber(phone: string): string {
  return phone.replace(/-/g, '');
}
