import { z } from 'zod';
import {
  householdHeadSchema,
  householdMemberSchema,
  householdSchema,
  wishesSchema,
  type ErrorDetail,
  type ResubmitRegistrationBody,
} from '@anqian/shared';
import { householdInput, memberInput, wishesInput, type MemberDraft, type RegistrationDraft } from './draft';

/** Field path (`head.idNumber`, `members.1.name`, `wishes.reasons`) → the first Chinese message for it. */
export type FieldErrors = Record<string, string>;

export const STEPS = [
  { key: 'head', title: '户主信息' },
  { key: 'members', title: '家庭成员' },
  { key: 'house', title: '房屋与隐患' },
  { key: 'wishes', title: '搬迁意愿' },
  { key: 'photos', title: '照片' },
  { key: 'review', title: '核对提交' },
] as const;
export type StepKey = (typeof STEPS)[number]['key'];

const DUPLICATE_ID_MESSAGE = '同一户内身份证号不能重复';

function collect(issues: z.ZodError['issues'], prefix: (string | number)[] = []): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = [...prefix, ...issue.path].map(String).join('.');
    errors[key] ??= issue.message;
  }
  return errors;
}

function check(schema: z.ZodType, value: unknown, prefix: (string | number)[] = []): FieldErrors {
  const result = schema.safeParse(value);
  return result.success ? {} : collect(result.error.issues, prefix);
}

const normalizedId = (value: string) => value.trim().toUpperCase();

/**
 * The whole-household schema only compares ID numbers once every other field is valid; the members
 * step needs the message while the later steps are still empty, so it compares them itself.
 */
function duplicateIdErrors(draft: RegistrationDraft): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Set([normalizedId(draft.head.idNumber)]);
  draft.members.forEach((member, index) => {
    const id = normalizedId(member.idNumber);
    if (id && seen.has(id)) errors[`members.${index}.idNumber`] = DUPLICATE_ID_MESSAGE;
    seen.add(id);
  });
  return errors;
}

const { villageCode, address, hazard, house, photoIds } = householdSchema.shape;
const placeSchema = z.object({ villageCode, address, hazard, house });

/** One member in the add/edit sheet before it joins the list (`index`: the member being edited, if any). */
export function validateMember(member: MemberDraft, draft: RegistrationDraft, index?: number): FieldErrors {
  const errors = check(householdMemberSchema, memberInput(member));
  const others = [draft.head, ...draft.members.filter((_, i) => i !== index)].map((person) => normalizedId(person.idNumber));
  if (!errors.idNumber && others.includes(normalizedId(member.idNumber))) errors.idNumber = DUPLICATE_ID_MESSAGE;
  return errors;
}

/** Messages for one step; an empty object means the resident may go on. */
export function validateStep(step: StepKey, draft: RegistrationDraft): FieldErrors {
  const household = householdInput(draft);
  switch (step) {
    case 'head':
      return check(householdHeadSchema, household.head, ['head']);
    case 'members':
      return {
        ...duplicateIdErrors(draft),
        ...household.members.reduce<FieldErrors>(
          (errors, member, index) => ({ ...errors, ...check(householdMemberSchema, member, ['members', index]) }),
          {},
        ),
      };
    case 'house':
      return check(placeSchema, household);
    case 'wishes':
      return check(wishesSchema, wishesInput(draft), ['wishes']);
    case 'photos':
      return check(photoIds, household.photoIds, ['photoIds']);
    case 'review':
      return {};
  }
}

export function stepOfField(field: string): StepKey {
  const [first] = field.split('.');
  if (first === 'head' || first === 'members' || first === 'wishes') return first;
  if (first === 'photoIds') return 'photos';
  return 'house';
}

type Checked = { ok: true; body: ResubmitRegistrationBody } | { ok: false; errors: FieldErrors; step: StepKey };

/** Everything at once before submitting: the parsed body, or the first step with a problem. */
export function validateDraft(draft: RegistrationDraft): Checked {
  for (const { key } of STEPS) {
    const errors = validateStep(key, draft);
    if (Object.keys(errors).length > 0) return { ok: false, errors, step: key };
  }
  const household = householdSchema.safeParse(householdInput(draft));
  const wishes = wishesSchema.safeParse(wishesInput(draft));
  if (!household.success) {
    const errors = collect(household.error.issues);
    return { ok: false, errors, step: stepOfField(Object.keys(errors)[0] ?? 'head') };
  }
  if (!wishes.success) return { ok: false, errors: collect(wishes.error.issues, ['wishes']), step: 'wishes' };
  return { ok: true, body: { household: household.data, wishes: wishes.data } };
}

/** The server's 400 details (`body.household.head.idNumber`) as form field paths (`head.idNumber`). */
export function fieldErrorsFromServer(details: readonly ErrorDetail[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, message } of details) {
    const key = field.replace(/^body\./, '').replace(/^household\./, '');
    errors[key] ??= message;
  }
  return errors;
}
