import {
  createPolicyBodySchema,
  listResidentPoliciesQuerySchema,
  policyActions,
  policyValidity,
  updatePolicyBodySchema,
  type CreatePolicyBody,
} from './policy';

const valid: CreatePolicyBody = {
  title: '武定县易地避险搬迁补助标准（2026—2030年）',
  category: 'subsidy_standard',
  issuingBody: '武定县人民政府',
  documentNumber: '武府发〔2026〕12号',
  publishDate: '2025-12-20',
  effectiveFrom: '2026-01-01',
  effectiveTo: '2030-12-31',
  bodyHtml: '<p>第一条</p>',
  divisionCode: '532329000000',
};

const problems = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('createPolicyBodySchema', () => {
  it('fills in the optional fields', () => {
    const parsed = createPolicyBodySchema.parse({ ...valid, documentNumber: undefined, effectiveFrom: undefined, effectiveTo: undefined });
    expect(parsed).toMatchObject({ documentNumber: '', effectiveFrom: null, effectiveTo: null, interpretation: '', attachmentIds: [], pinned: false });
  });

  it('refuses an end before the start, or before the publish date when there is no start', () => {
    expect(problems(createPolicyBodySchema.safeParse({ ...valid, effectiveTo: '2025-12-31' }))).toEqual({ effectiveTo: '失效日期不能早于施行日期' });
    expect(problems(createPolicyBodySchema.safeParse({ ...valid, effectiveFrom: null, effectiveTo: '2025-12-19' }))).toEqual({ effectiveTo: '失效日期不能早于发布日期' });
    expect(createPolicyBodySchema.safeParse({ ...valid, effectiveTo: '2026-01-01' }).success).toBe(true);
  });

  it('limits the body to 200 KB of UTF-8, counting a Chinese character as 3 bytes', () => {
    const exactly200KB = `<p>${'政'.repeat(68_264)}x</p>`; // 3 + 68,264 × 3 + 1 + 4 = 204,800 bytes
    expect(createPolicyBodySchema.safeParse({ ...valid, bodyHtml: exactly200KB }).success).toBe(true);
    expect(problems(createPolicyBodySchema.safeParse({ ...valid, bodyHtml: `${exactly200KB}x` })).bodyHtml).toMatch(/正文太长/);
  });

  it('refuses a village as owner, duplicate or too many attachments and a long interpretation', () => {
    const id = (n: number) => n.toString(16).padStart(24, '0');
    expect(
      problems(
        createPolicyBodySchema.safeParse({
          ...valid,
          divisionCode: '532329100201',
          attachmentIds: [id(1), id(1)],
          interpretation: '解'.repeat(2001),
        }),
      ),
    ).toEqual({ divisionCode: '政策文件只能属于县或乡镇', attachmentIds: '附件不能重复', interpretation: '政策解读最多 2000 个字' });
    expect(problems(createPolicyBodySchema.safeParse({ ...valid, attachmentIds: Array.from({ length: 11 }, (_, n) => id(n)) }))).toEqual({
      attachmentIds: '附件最多 10 个',
    });
  });
});

describe('updatePolicyBodySchema', () => {
  it('leaves out what is not sent, and refuses an empty update', () => {
    expect(updatePolicyBodySchema.parse({ pinned: true })).toEqual({ pinned: true });
    expect(updatePolicyBodySchema.safeParse({}).success).toBe(false);
  });

  it('checks the period when both ends are sent', () => {
    expect(updatePolicyBodySchema.safeParse({ effectiveFrom: '2026-02-01', effectiveTo: '2026-01-31' }).success).toBe(false);
  });
});

describe('listResidentPoliciesQuerySchema', () => {
  it('uses small pages: 10 by default, at most 20', () => {
    expect(listResidentPoliciesQuerySchema.parse({})).toEqual({ page: 1, pageSize: 10 });
    expect(listResidentPoliciesQuerySchema.safeParse({ pageSize: '21' }).success).toBe(false);
  });
});

describe('policy actions and validity', () => {
  it('deletes only drafts, archives only published documents and re-publishes archived ones', () => {
    expect(policyActions('draft')).toEqual(['publish', 'delete']);
    expect(policyActions('published')).toEqual(['archive']);
    expect(policyActions('archived')).toEqual(['publish']);
  });

  it('reads the effective period inclusively, open ends meaning no limit', () => {
    const policy = { effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31' };
    expect(policyValidity(policy, '2025-12-31')).toBe('upcoming');
    expect(policyValidity(policy, '2026-01-01')).toBe('in_force');
    expect(policyValidity(policy, '2026-12-31')).toBe('in_force');
    expect(policyValidity(policy, '2027-01-01')).toBe('expired');
    expect(policyValidity({ effectiveFrom: null, effectiveTo: null }, '2099-01-01')).toBe('in_force');
  });
});
