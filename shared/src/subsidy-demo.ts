import type { CreatePolicyBody } from './schemas/policy';
import type { SubsidyRuleSet, SubsidyRuleSetBody } from './schemas/subsidy';

/**
 * The demo county's policy documents and subsidy standard (figures plausible for a Yunnan
 * mountain county, not any county's real ones). The server's dev seed stores them under these
 * ids; the worked cases in subsidy-cases.ts are computed against this rule set.
 */
export const DEMO_POLICY_IDS = {
  subsidyStandard: '6a0000000000000000000001',
  demolition: '6a0000000000000000000002',
} as const;

/** Create bodies without `divisionCode`: the seed adds the county's code. */
export const DEMO_POLICIES: { id: string; body: Omit<CreatePolicyBody, 'divisionCode'> }[] = [
  {
    id: DEMO_POLICY_IDS.subsidyStandard,
    body: {
      title: '武定县易地避险搬迁补助标准（2026—2030年）',
      category: 'subsidy_standard',
      issuingBody: '武定县人民政府',
      documentNumber: '武府发〔2026〕12号',
      publishDate: '2025-12-20',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2030-12-31',
      bodyHtml: [
        '<h2>第一章 总则</h2>',
        '<p><strong>第一条</strong> 为做好地质灾害隐患点和生态脆弱区群众避险搬迁工作，根据省、州有关规定，制定本标准。</p>',
        '<p><strong>第二条</strong> 本标准适用于经审批纳入避险搬迁计划的农户。</p>',
        '<h2>第二章 补助标准</h2>',
        '<p><strong>第三条</strong> 住房建设补助按搬迁人口计算：集中安置每人 25000 元，分散安置每人 20000 元，进城安置每人 30000 元，投亲靠友每人 15000 元。</p>',
        '<p><strong>第四条</strong> 每户另给予基础补助 10000 元。</p>',
        '<p><strong>第五条</strong> 低保对象每人增加 3000 元，特困供养人员每人增加 5000 元，持证残疾人每人增加 2000 元。</p>',
        '<p><strong>第六条</strong> 拆旧复垦奖励按《武定县搬迁户旧房拆除复垦实施办法》执行。</p>',
        '<p><strong>第七条</strong> 2026 年 12 月 31 日前（含当天）搬迁入住的，每户奖励 5000 元。</p>',
        '<p><strong>第八条</strong> 每户各项补助合计不超过 200000 元。</p>',
      ].join(''),
      interpretation:
        '搬迁补助按人头算，再加每户 1 万元基础补助。集中安置每人 2.5 万元，进城安置每人 3 万元，分散安置每人 2 万元，投亲靠友每人 1.5 万元。家里有低保、特困、残疾人员的另有补助。2026 年底前搬进新家的，每户再奖励 5000 元。每户合计最多 20 万元。',
      pinned: true,
    },
  },
  {
    id: DEMO_POLICY_IDS.demolition,
    body: {
      title: '武定县搬迁户旧房拆除复垦实施办法',
      category: 'relocation',
      issuingBody: '武定县人民政府办公室',
      documentNumber: '武政办发〔2026〕8号',
      publishDate: '2026-02-10',
      effectiveFrom: '2026-02-10',
      effectiveTo: null,
      bodyHtml: [
        '<p><strong>第一条</strong> 搬迁户应在搬迁后按期拆除旧房，由乡镇组织复垦为耕地或林地，纳入城乡建设用地增减挂钩。</p>',
        '<p><strong>第六条</strong> 2027 年 6 月 30 日前（含当天）拆除旧房并通过复垦验收的，按旧房建筑面积每平方米奖励 200 元，每户最多 30000 元；逾期拆除的不予奖励。</p>',
      ].join(''),
      interpretation:
        '搬家后把老房子拆掉、把地还给耕种，就能拿到拆旧复垦奖励：每平方米 200 元，每户最多 3 万元。一定要在 2027 年 6 月 30 日前拆完，晚了就没有这笔奖励。',
      pinned: false,
    },
  },
];

const STANDARD = '武府发〔2026〕12号';
const DEMOLITION = '武政办发〔2026〕8号';

export const DEMO_SUBSIDY_RULE_SET_BODY = {
  name: '武定县易地避险搬迁补助标准（2026—2030年）',
  effectiveFrom: '2026-01-01',
  effectiveTo: '2030-12-31',
  housing: {
    perPersonFen: { centralized: 2_500_000, scattered: 2_000_000, urban: 3_000_000, relatives: 1_500_000 },
    policyId: DEMO_POLICY_IDS.subsidyStandard,
    source: `${STANDARD} 第三条`,
  },
  householdBase: { amountFen: 1_000_000, policyId: DEMO_POLICY_IDS.subsidyStandard, source: `${STANDARD} 第四条` },
  specialStatus: {
    dibao: { perPersonFen: 300_000, policyId: DEMO_POLICY_IDS.subsidyStandard, source: `${STANDARD} 第五条` },
    tekun: { perPersonFen: 500_000, policyId: DEMO_POLICY_IDS.subsidyStandard, source: `${STANDARD} 第五条` },
    disabled: { perPersonFen: 200_000, policyId: DEMO_POLICY_IDS.subsidyStandard, source: `${STANDARD} 第五条` },
  },
  demolition: {
    perSquareMetreFen: 20_000,
    capFen: 3_000_000,
    deadline: '2027-06-30',
    policyId: DEMO_POLICY_IDS.demolition,
    source: `${DEMOLITION} 第六条`,
  },
  earlyMove: { amountFen: 500_000, deadline: '2026-12-31', policyId: DEMO_POLICY_IDS.subsidyStandard, source: `${STANDARD} 第七条` },
  householdCap: { capFen: 20_000_000, policyId: DEMO_POLICY_IDS.subsidyStandard, source: `${STANDARD} 第八条` },
} satisfies SubsidyRuleSetBody;

/** As the server returns it once seeded: for tests and for computing the worked cases. */
export const DEMO_SUBSIDY_RULE_SET: SubsidyRuleSet = {
  ...DEMO_SUBSIDY_RULE_SET_BODY,
  id: '6a0000000000000000000101',
  version: 1,
  updatedAt: '2025-12-20T02:00:00.000Z',
};
