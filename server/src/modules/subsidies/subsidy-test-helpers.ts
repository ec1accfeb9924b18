import { createPolicyBodySchema, subsidyRuleSetBodySchema, type SubsidyRuleSetBody } from '@anqian/shared';
import { DEMO_POLICIES, DEMO_SUBSIDY_RULE_SET, DEMO_SUBSIDY_RULE_SET_BODY } from '@anqian/shared/src/subsidy-demo';
import type { StaffActor } from '../../security/staff-actor';
import type { TestApp } from '../../../test/test-app';

/** The demo policies (published, county-wide) and, unless asked not to, the demo rule set under its fixed id. */
export async function seedDemoSubsidies(t: TestApp, options: { ruleSet?: boolean } = {}): Promise<void> {
  const actor: StaffActor = { id: 'seed', username: 'seed', displayName: '测试管理员', role: 'county_admin', divisionCode: t.county.code };
  for (const { id, body } of DEMO_POLICIES) {
    await t.services.policies.ensurePublished(actor, id, createPolicyBodySchema.parse({ ...body, divisionCode: t.county.code }));
  }
  if (options.ruleSet !== false) {
    await t.services.subsidies.ensureRuleSet(actor, DEMO_SUBSIDY_RULE_SET.id, subsidyRuleSetBodySchema.parse(DEMO_SUBSIDY_RULE_SET_BODY));
  }
}

/** The demo rule set's body over another period (and any other changes). */
export const ruleSetBody = (overrides: Partial<SubsidyRuleSetBody> = {}): SubsidyRuleSetBody => ({
  ...structuredClone(DEMO_SUBSIDY_RULE_SET_BODY),
  name: '2031—2035 年补助标准',
  effectiveFrom: '2031-01-01',
  effectiveTo: '2035-12-31',
  ...overrides,
});
