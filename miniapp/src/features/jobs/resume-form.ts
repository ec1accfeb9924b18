import { resumeBodySchema, type Resume, type ResumeBody } from '@anqian/shared';

export type ResumeValues = {
  name: string;
  /** Typed in full each time: the server only ever shows it back masked. */
  phone: string;
  skills: string[];
  experience: string;
  wantedPay: string;
  wantedPlace: string;
  availableFrom: string;
  freeText: string;
  memberKey: string | null;
};

export type ResumeField = Exclude<keyof ResumeValues, 'memberKey'>;
export type ResumeErrors = Partial<Record<ResumeField, string>>;

/** Skills most postings of the county ask for, one tap each; others can be typed. */
export const COMMON_SKILLS = ['保洁', '做饭', '照顾老人', '带孩子', '电工', '焊工', '砌墙', '开车', '缝纫', '种植', '养殖', '网上卖货', '搬运'];

/** Places as residents say them; the server keeps the words. */
export const WANTED_PLACES = ['本乡镇', '县城', '县内都可以', '外出务工也可以'];

export const MAX_SKILLS = 10;

export function valuesFrom(resume: Resume | null): ResumeValues {
  return {
    name: resume?.name ?? '',
    phone: '',
    skills: resume?.skills ?? [],
    experience: resume?.experience ?? '',
    wantedPay: resume?.wantedPayYuan ? String(resume.wantedPayYuan) : '',
    wantedPlace: resume?.wantedPlace ?? '',
    availableFrom: resume?.availableFrom ?? '',
    freeText: resume?.freeText ?? '',
    memberKey: resume?.member?.key ?? null,
  };
}

const FIELD_OF: Record<string, ResumeField> = {
  name: 'name',
  phone: 'phone',
  skills: 'skills',
  experience: 'experience',
  wantedPayYuan: 'wantedPay',
  wantedPlace: 'wantedPlace',
  availableFrom: 'availableFrom',
  freeText: 'freeText',
};

/** The server's refusal (`body.phone`, …) as problems under the fields the resident typed in. */
export function errorsFromServer(details: readonly { field: string; message: string }[]): ResumeErrors {
  const errors: ResumeErrors = {};
  for (const detail of details) {
    const field = FIELD_OF[detail.field.replace(/^body\./, '').split('.')[0]];
    if (field && !errors[field]) errors[field] = detail.message;
  }
  return errors;
}

/** The body to save, or each field's problem in the shared schema's words. */
export function checkResume(values: ResumeValues): { body: ResumeBody } | { errors: ResumeErrors } {
  const pay = values.wantedPay.trim();
  const parsed = resumeBodySchema.safeParse({
    name: values.name,
    phone: values.phone.replace(/\s+/g, ''),
    skills: values.skills,
    experience: values.experience,
    wantedPayYuan: pay === '' ? null : Number(pay),
    wantedPlace: values.wantedPlace,
    availableFrom: values.availableFrom || null,
    freeText: values.freeText,
    memberKey: values.memberKey,
  });
  if (parsed.success) return { body: parsed.data };
  const errors: ResumeErrors = {};
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF[String(issue.path[0])];
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { errors };
}

/** Adds a typed skill once, trimmed; a full list takes no more. */
export function addSkill(skills: readonly string[], typed: string): string[] {
  const skill = typed.trim().slice(0, 20);
  if (!skill || skills.includes(skill) || skills.length >= MAX_SKILLS) return [...skills];
  return [...skills, skill];
}
