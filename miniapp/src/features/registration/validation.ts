import { z } from 'zod';
import {
  ID_NUMBER_MESSAGES,
  householdHeadSchema,
  householdMemberSchema,
  householdSchema,
  wishesSchema,
  type ErrorDetail,
  type IdNumberProblem,
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

const DUPLICATE_ID_MESSAGE = '这个身份证号码在这一户里已经填过了，每个人的号码都不一样，请对照身份证再看一遍';

/**
 * The shared schema speaks for staff too ("校验位"); the form tells a resident what to do in
 * everyday words, whatever the problem with the number was.
 */
const PLAIN_ID_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号码要填 18 位，最后一位可能是 X，请对照身份证再看一遍',
  birth_date: '身份证号码里的出生日期不对，请对照身份证再看一遍',
  check_digit: '身份证号码有一位不对，请对照身份证再看一遍',
};
const EMPTY_ID_MESSAGE = '请填写身份证号码';

/** The resident's wording for a message about `field` (`value`: what was typed, when known). */
function plain(field: string, message: string, value?: string): string {
  if (!field.endsWith('idNumber')) return message;
  if (value !== undefined && value.trim() === '') return EMPTY_ID_MESSAGE;
  const problem = (Object.keys(ID_NUMBER_MESSAGES) as IdNumberProblem[]).find((key) => ID_NUMBER_MESSAGES[key] === message);
  return problem ? PLAIN_ID_MESSAGES[problem] : message === '同一户内身份证号不能重复' ? DUPLICATE_ID_MESSAGE : message;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  const value = path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
  return typeof value === 'string' ? value : undefined;
}

function collect(issues: z.ZodError['issues'], prefix: (string | number)[] = [], input?: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = [...prefix, ...issue.path].map(String).join('.');
    errors[key] ??= plain(key, issue.message, valueAt(input, issue.path));
  }
  return errors;
}

function check(schema: z.ZodType, value: unknown, prefix: (string | number)[] = []): FieldErrors {
  const result = schema.safeParse(value);
  return result.success ? {} : collect(result.error.issues, prefix, value);
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

/**
 * Everything at once before submitting: the parsed body, or every problem on every step (so all of
 * them are marked together, not one step after another) and the first step that has one.
 */
export function validateDraft(draft: RegistrationDraft): Checked {
  const errors: FieldErrors = Object.assign({}, ...STEPS.map(({ key }) => validateStep(key, draft)));
  const first = STEPS.find(({ key }) => Object.keys(errors).some((field) => stepOfField(field) === key));
  if (first) return { ok: false, errors, step: first.key };
  const household = householdSchema.safeParse(householdInput(draft));
  const wishes = wishesSchema.safeParse(wishesInput(draft));
  if (!household.success) {
    const found = collect(household.error.issues, [], householdInput(draft));
    return { ok: false, errors: found, step: stepOfField(Object.keys(found)[0] ?? 'head') };
  }
  if (!wishes.success) return { ok: false, errors: collect(wishes.error.issues, ['wishes']), step: 'wishes' };
  return { ok: true, body: { household: household.data, wishes: wishes.data } };
}

/** The server's 400 details (`body.household.head.idNumber`) as form field paths (`head.idNumber`). */
export function fieldErrorsFromServer(details: readonly ErrorDetail[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, message } of details) {
    const key = field.replace(/^body\./, '').replace(/^household\./, '');
    errors[key] ??= plain(key, message);
  }
  return errors;
}
