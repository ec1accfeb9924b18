/**
 * The calculator page's logic without a device: the worked cases typed into the form give exactly
 * the totals and lines the shared table expects (the mini-program half of "server and mini-program
 * agree"), the rule set kept on the phone is used when the server cannot be reached, and nothing is
 * estimated when no rule set was ever downloaded.
 */
import { calculateSubsidy, subsidyInputFromHousehold, type ResidentRegistration, type SubsidyEstimate, type SubsidyRuleSet } from '@anqian/shared';
import { SUBSIDY_WORKED_CASES } from '@anqian/shared/src/subsidy-cases';
import { DEMO_SUBSIDY_RULE_SET } from '@anqian/shared/src/subsidy-demo';
import { emptyCalculatorForm, formFromInput, formFromRegistration, inputFromForm, resizePeople } from '../src/features/subsidy/calculator-form';
import { ESTIMATE_DISCLAIMER, lineRows, ruleSetLabel } from '../src/features/subsidy/estimate-view';
import { obtainRuleSet, type RuleSetState } from '../src/features/subsidy/rule-set-source';

type Answer = { statusCode: number; data: unknown };

const taro = {
  request: jest.fn<Promise<Answer>, [{ url: string; header: Record<string, string> }]>(),
  storage: new Map<string, unknown>(),
};

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    request: (options: { url: string; header: Record<string, string> }) => taro.request(options),
    // Like WeChat: values go through a structured copy, and a missing key reads as ''.
    getStorageSync: (key: string) => (taro.storage.has(key) ? structuredClone(taro.storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => void taro.storage.set(key, structuredClone(value)),
    removeStorageSync: (key: string) => void taro.storage.delete(key),
    showModal: () => Promise.resolve({ confirm: false }),
  },
}));

const serverHas = (ruleSet: SubsidyRuleSet) => taro.request.mockResolvedValue({ statusCode: 200, data: structuredClone(ruleSet) });
const networkDown = () => taro.request.mockRejectedValue({ errMsg: 'request:fail timeout' });

beforeEach(() => {
  taro.request.mockReset();
  taro.storage.clear();
});

function withRuleSet(state: RuleSetState): SubsidyRuleSet {
  if (state.status !== 'current' && state.status !== 'offline') throw new Error(`no rule set: ${state.status}`);
  return state.ruleSet;
}

/** The case entered as the page holds it (strings, '' for nothing chosen), then read back. */
function estimateThroughForm(input: (typeof SUBSIDY_WORKED_CASES)[number]['input'], ruleSet: SubsidyRuleSet): SubsidyEstimate {
  const result = inputFromForm(formFromInput(input));
  if (!result.ok) throw new Error(`form refused the case: ${JSON.stringify(result.errors)}`);
  return calculateSubsidy(result.input, ruleSet);
}

const subtotals = (estimate: SubsidyEstimate) => Object.fromEntries(estimate.lineItems.map((line) => [line.key, line.subtotalFen]));

describe('worked cases, entered in the calculator with the rule set from /current', () => {
  it.each(SUBSIDY_WORKED_CASES.map((worked) => [worked.id, worked] as const))('%s', async (_id, worked) => {
    serverHas(DEMO_SUBSIDY_RULE_SET);
    const ruleSet = withRuleSet(await obtainRuleSet());

    const estimate = estimateThroughForm(worked.input, ruleSet);

    expect(subtotals(estimate)).toEqual(worked.expectedLines);
    expect(estimate.totalFen).toBe(worked.expectedTotalFen);
    expect(estimate.ruleSetVersion).toBe(DEMO_SUBSIDY_RULE_SET.version);
  });

  it('shows every line with its calculation, amount and the clause it comes from', async () => {
    serverHas(DEMO_SUBSIDY_RULE_SET);
    const ruleSet = withRuleSet(await obtainRuleSet());
    const demolitionCap = SUBSIDY_WORKED_CASES.find((worked) => worked.id === 'demolition-cap')!;

    const rows = lineRows(estimateThroughForm(demolitionCap.input, ruleSet));

    expect(rows.map(({ name, calculation, subtotal, source }) => ({ name, calculation, subtotal, source }))).toEqual([
      { name: '住房补助（集中安置）', calculation: '3 人 × 25,000.00 元', subtotal: '75,000.00 元', source: '武府发〔2026〕12号 第三条' },
      { name: '每户基础补助', calculation: '1 户 × 10,000.00 元', subtotal: '10,000.00 元', source: '武府发〔2026〕12号 第四条' },
      { name: '拆旧复垦奖励', calculation: '180 平方米 × 200.00 元', subtotal: '36,000.00 元', source: '武政办发〔2026〕8号 第六条' },
      { name: '超过拆旧复垦奖励上限部分', calculation: '', subtotal: '-6,000.00 元', source: '武政办发〔2026〕8号 第六条' },
    ]);
    expect(ESTIMATE_DISCLAIMER).toBe('估算，以最终审批为准');
  });
});

describe('the rule set kept on the phone', () => {
  it('is used when the server cannot be reached, and the page says which download it is', async () => {
    serverHas(DEMO_SUBSIDY_RULE_SET);
    await obtainRuleSet(() => new Date('2026-03-04T18:30:00Z')); // 5 March in China

    networkDown();
    const offline = await obtainRuleSet();

    expect(offline.status).toBe('offline');
    expect(withRuleSet(offline)).toEqual(DEMO_SUBSIDY_RULE_SET);
    expect(ruleSetLabel(offline as Extract<RuleSetState, { status: 'offline' }>)).toBe(
      `暂时连不上服务器，使用 3 月 5 日下载的补助标准：${DEMO_SUBSIDY_RULE_SET.name}（第 1 版）`,
    );
    const everything = SUBSIDY_WORKED_CASES.find((worked) => worked.id === 'everything')!;
    expect(estimateThroughForm(everything.input, withRuleSet(offline)).totalFen).toBe(everything.expectedTotalFen);
  });

  it('is replaced by a newer version once the network is back', async () => {
    serverHas(DEMO_SUBSIDY_RULE_SET);
    await obtainRuleSet();
    const revised: SubsidyRuleSet = { ...DEMO_SUBSIDY_RULE_SET, version: 2, householdBase: { ...DEMO_SUBSIDY_RULE_SET.householdBase!, amountFen: 1_200_000 } };
    serverHas(revised);
    await obtainRuleSet();

    networkDown();
    const offline = await obtainRuleSet();
    expect(withRuleSet(offline).version).toBe(2);
    const centralized = SUBSIDY_WORKED_CASES.find((worked) => worked.id === 'centralized-4')!;
    expect(estimateThroughForm(centralized.input, withRuleSet(offline)).totalFen).toBe(centralized.expectedTotalFen + 200_000);
  });

  it('never downloaded and offline: a message, no figures', async () => {
    networkDown();
    const state = await obtainRuleSet();
    expect(state).toEqual({ status: 'unavailable', message: expect.stringContaining('还没有下载过补助标准') });
  });

  it('a stored value that is not a rule set is ignored rather than calculated with', async () => {
    taro.storage.set('aq.subsidy-rule-set.v1', { ruleSet: { id: 'x' }, downloadedAt: '2026-03-05T00:00:00.000Z' });
    networkDown();
    expect((await obtainRuleSet()).status).toBe('unavailable');
  });

  it('when the county has no standard in force, the old copy is dropped and not offered offline later', async () => {
    serverHas(DEMO_SUBSIDY_RULE_SET);
    await obtainRuleSet();
    taro.request.mockResolvedValue({
      statusCode: 404,
      data: { error: { code: 'SUBSIDY_RULES_NOT_SET', message: '当前没有生效的补助标准，请稍后再试或咨询乡镇工作人员' } },
    });
    expect(await obtainRuleSet()).toEqual({ status: 'none', message: '当前没有生效的补助标准，请稍后再试或咨询乡镇工作人员' });

    networkDown();
    expect((await obtainRuleSet()).status).toBe('unavailable');
  });

  it('is fetched without the resident signing in', async () => {
    serverHas(DEMO_SUBSIDY_RULE_SET);
    taro.storage.set('aq.tokens.v1', { accessToken: 'access', refreshToken: 'refresh-token-value', expiresAt: Date.now() + 3_600_000 });
    await obtainRuleSet();
    const [options] = taro.request.mock.calls[0];
    expect(options.url).toMatch(/\/subsidy-rule-sets\/current$/);
    expect(options.header.Authorization).toBeUndefined();
  });
});

describe('the form', () => {
  it('an untouched form names everything still missing', () => {
    expect(inputFromForm(emptyCalculatorForm())).toEqual({
      ok: false,
      errors: { resettlementType: '请选择安置方式', floorArea: '请填写旧房面积，不知道可以先填估计的数', demolitionTiming: '请选择旧房拆除情况' },
    });
  });

  it('asks for the demolition date, and refuses an area that is not a number or has three decimals', () => {
    const form = { ...emptyCalculatorForm(), resettlementType: 'urban' as const, demolitionTiming: 'planned' as const, floorArea: '96,5' };
    expect(inputFromForm(form)).toEqual({
      ok: false,
      errors: { floorArea: '旧房面积请只填数字，例如 96.5', demolitionDate: '请选择计划拆除的日期' },
    });
    expect(inputFromForm({ ...form, floorArea: '96.555', demolitionDate: '2027-01-01' })).toEqual({ ok: false, errors: { floorArea: '旧房面积最多保留两位小数' } });
  });

  it('household size goes from 1 to 21 people and keeps the statuses already chosen', () => {
    const form = { ...emptyCalculatorForm(), people: [{ specialStatus: ['dibao' as const] }] };
    expect(resizePeople(form, 0).people).toHaveLength(1);
    expect(resizePeople(form, 3).people).toEqual([{ specialStatus: ['dibao'] }, { specialStatus: [] }, { specialStatus: [] }]);
    expect(resizePeople(form, 50).people).toHaveLength(21);
  });
});

describe('starting from the resident registration', () => {
  const person = { idNumberMasked: '532329********0011', age: 50, gender: 'male' as const, workAbility: 'full' as const };
  const registration: Pick<ResidentRegistration, 'household' | 'wishes'> = {
    household: {
      head: { ...person, name: '张德福', phoneMasked: '138****8000', specialStatus: ['dibao'] },
      members: [
        { ...person, name: '李桂英', relation: 'spouse', specialStatus: ['disabled'] },
        { ...person, name: '张小明', relation: 'child', specialStatus: [] },
      ],
      villageCode: '532329101001',
      villageName: '某村',
      townshipCode: '532329101000',
      townshipName: '某镇',
      address: '某村 12 号',
      hazard: { type: 'landslide' },
      house: { structure: 'earth_wood', floorArea: 96.5, yearBuilt: 1988 },
      photos: [],
    },
    wishes: { willingness: 'willing', resettlementType: 'urban' } as ResidentRegistration['wishes'],
  };

  it('fills people, statuses, type and area, then gives what the server computes for that registration', () => {
    const form = formFromRegistration(registration);
    expect(form).toMatchObject({ resettlementType: 'urban', floorArea: '96.5', demolitionTiming: '', people: [{ specialStatus: ['dibao'] }, { specialStatus: ['disabled'] }, { specialStatus: [] }] });

    // The resident adds what the file cannot know: no demolition planned yet.
    const result = inputFromForm({ ...form, demolitionTiming: 'not_planned' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const onPhone = calculateSubsidy(result.input, DEMO_SUBSIDY_RULE_SET);
    const onServer = calculateSubsidy(subsidyInputFromHousehold(registration.household, 'urban'), DEMO_SUBSIDY_RULE_SET);
    expect(onPhone).toEqual(onServer);
    // 3 × 30,000 + 10,000 + 3,000 (低保) + 2,000 (残疾)
    expect(onPhone.totalFen).toBe(10_500_000);
  });

  it('a registration without a resettlement type asks the resident to choose one', () => {
    const form = formFromRegistration({ ...registration, wishes: { ...registration.wishes, resettlementType: undefined } });
    expect(form.resettlementType).toBe('');
    expect(inputFromForm({ ...form, demolitionTiming: 'not_planned' })).toEqual({ ok: false, errors: { resettlementType: '请选择安置方式' } });
  });
});
