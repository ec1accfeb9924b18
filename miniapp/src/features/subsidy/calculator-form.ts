import {
  MAX_MEMBERS,
  subsidyInputFromHousehold,
  subsidyInputSchema,
  type DemolitionTiming,
  type ResettlementType,
  type ResidentRegistration,
  type SpecialStatus,
  type SubsidyInput,
} from '@anqian/shared';

/** What the calculator page edits: strings where the resident types, '' where nothing is chosen yet. */
export type CalculatorForm = {
  resettlementType: ResettlementType | '';
  /** Everyone in the household, head first. */
  people: { specialStatus: SpecialStatus[] }[];
  floorArea: string;
  demolitionTiming: DemolitionTiming | '';
  demolitionDate: string;
  /** '' when the move date is not known yet. */
  moveDate: string;
};

export type CalculatorField = 'resettlementType' | 'people' | 'floorArea' | 'demolitionTiming' | 'demolitionDate' | 'moveDate';
export type CalculatorErrors = Partial<Record<CalculatorField, string>>;

export const MAX_PEOPLE = MAX_MEMBERS + 1;

export function emptyCalculatorForm(): CalculatorForm {
  return { resettlementType: '', people: [{ specialStatus: [] }], floorArea: '', demolitionTiming: '', demolitionDate: '', moveDate: '' };
}

export function formFromInput(input: SubsidyInput): CalculatorForm {
  return {
    resettlementType: input.resettlementType,
    people: input.people.map((person) => ({ specialStatus: [...person.specialStatus] })),
    floorArea: String(input.oldHouseFloorArea),
    demolitionTiming: input.demolition.timing,
    demolitionDate: input.demolition.timing === 'not_planned' ? '' : input.demolition.date,
    moveDate: input.moveDate ?? '',
  };
}

/**
 * The household from the resident's registration, through the same conversion the server uses for
 * staff estimates. The file holds no demolition or move dates: those stay for the resident to add.
 */
export function formFromRegistration(registration: Pick<ResidentRegistration, 'household' | 'wishes'>): CalculatorForm {
  const { resettlementType } = registration.wishes;
  const input = subsidyInputFromHousehold(registration.household, resettlementType ?? 'centralized');
  return { ...formFromInput(input), resettlementType: resettlementType ?? '', demolitionTiming: '' };
}

export function resizePeople(form: CalculatorForm, count: number): CalculatorForm {
  const size = Math.min(MAX_PEOPLE, Math.max(1, count));
  const people = form.people.slice(0, size);
  while (people.length < size) people.push({ specialStatus: [] });
  return { ...form, people };
}

const AREA_PATTERN = /^\d+(\.\d+)?$/;

const FIELD_OF_PATH: Record<string, CalculatorField> = {
  resettlementType: 'resettlementType',
  people: 'people',
  oldHouseFloorArea: 'floorArea',
  demolition: 'demolitionDate',
  moveDate: 'moveDate',
};

/** The calculator input, or a message per field to show under it. */
export function inputFromForm(form: CalculatorForm): { ok: true; input: SubsidyInput } | { ok: false; errors: CalculatorErrors } {
  const errors: CalculatorErrors = {};
  if (!form.resettlementType) errors.resettlementType = '请选择安置方式';
  const area = form.floorArea.trim();
  if (!area) errors.floorArea = '请填写旧房面积，不知道可以先填估计的数';
  else if (!AREA_PATTERN.test(area)) errors.floorArea = '旧房面积请只填数字，例如 96.5';
  if (!form.demolitionTiming) errors.demolitionTiming = '请选择旧房拆除情况';
  else if (form.demolitionTiming !== 'not_planned' && !form.demolitionDate) {
    errors.demolitionDate = form.demolitionTiming === 'demolished' ? '请选择拆除的日期' : '请选择计划拆除的日期';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const parsed = subsidyInputSchema.safeParse({
    resettlementType: form.resettlementType,
    people: form.people,
    oldHouseFloorArea: Number(area),
    demolition: form.demolitionTiming === 'not_planned' ? { timing: 'not_planned' } : { timing: form.demolitionTiming, date: form.demolitionDate },
    moveDate: form.moveDate || undefined,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF_PATH[String(issue.path[0])] ?? 'people';
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
