/**
 * How 找工作 asks the server for postings and shows an application's progress, and how the resume
 * form turns what the resident typed into the body the server accepts.
 */
import type { JobApplicationEvent } from '@anqian/shared';
import { applicationSteps } from '../src/features/jobs/application-display';
import { MAX_KEYWORD_LENGTH, POSTING_PAGE_SIZE, postingListPath } from '../src/features/jobs/posting-query';
import { addSkill, checkResume, errorsFromServer, MAX_SKILLS, valuesFrom } from '../src/features/jobs/resume-form';

function queryOf(path: string): Record<string, string> {
  const [base, query] = path.split('?');
  expect(base).toBe('/resident/job-postings');
  return Object.fromEntries(new URLSearchParams(query));
}

describe('posting list query', () => {
  it('asks for small pages, newest first, with no filters by default', () => {
    expect(POSTING_PAGE_SIZE).toBeLessThanOrEqual(10);
    expect(queryOf(postingListPath({ q: '  ', minPay: 0, sort: 'newest' }, 1))).toEqual({ page: '1', pageSize: String(POSTING_PAGE_SIZE) });
  });

  it('sends every filter the resident set, the keyword trimmed and cut to what the server accepts', () => {
    const path = postingListPath(
      { category: 'housekeeping', near: 'township', homeCode: '532329101000', minPay: 3000, foodAndLodging: 'both', q: '  保洁   阿姨 ', sort: 'pay' },
      2,
    );
    expect(queryOf(path)).toEqual({
      page: '2',
      pageSize: '10',
      category: 'housekeeping',
      near: 'township',
      homeCode: '532329101000',
      minPay: '3000',
      foodAndLodging: 'both',
      q: '保洁 阿姨',
      sort: 'pay',
    });
    expect(queryOf(postingListPath({ q: '工'.repeat(50) }, 1)).q).toHaveLength(MAX_KEYWORD_LENGTH);
  });

  it('leaves out 离家近 until the resident has said where home is (the server would refuse it)', () => {
    expect(queryOf(postingListPath({ near: 'township' }, 1))).not.toHaveProperty('near');
    expect(queryOf(postingListPath({ near: 'county' }, 1)).near).toBe('county');
  });
});

describe('application steps', () => {
  const event = (to: JobApplicationEvent['to']): JobApplicationEvent => ({ action: 'view', from: null, to, at: '2026-05-01T02:00:00.000Z', message: '' });

  it('marks the steps reached and waits for 有结果 before an outcome', () => {
    expect(applicationSteps({ status: 'viewed', timeline: [event('submitted'), event('viewed')] })).toEqual([
      { label: '已投递', state: 'done' },
      { label: '已查看', state: 'current' },
      { label: '邀请面试', state: 'todo' },
      { label: '有结果', state: 'todo' },
    ]);
  });

  it('ends with 已录用, every step before it done', () => {
    const steps = applicationSteps({ status: 'hired', timeline: [event('submitted'), event('viewed'), event('invited'), event('hired')] });
    expect(steps.map((step) => step.state)).toEqual(['done', 'done', 'done', 'current']);
    expect(steps.at(-1)!.label).toBe('已录用');
  });

  it('does not pretend an interview happened when the bureau said no straight away', () => {
    const steps = applicationSteps({ status: 'rejected', timeline: [event('submitted'), event('rejected')] });
    expect(steps.map((step) => [step.label, step.state])).toEqual([
      ['已投递', 'done'],
      ['已查看', 'todo'],
      ['邀请面试', 'todo'],
      ['未录用', 'current'],
    ]);
  });

  it('shows no steps for a withdrawn application', () => {
    expect(applicationSteps({ status: 'withdrawn', timeline: [event('submitted'), event('withdrawn')] })).toEqual([]);
  });
});

describe('resume form', () => {
  const filled = { ...valuesFrom(null), name: '王秀英', phone: '138 0000 1234', skills: ['保洁'], wantedPay: '3000', memberKey: 'm2' };

  it('sends what the resident typed as the server expects it, with the household member chosen', () => {
    const checked = checkResume({ ...filled, availableFrom: '2026-06-01' });
    expect(checked).toEqual({
      body: expect.objectContaining({ name: '王秀英', phone: '13800001234', skills: ['保洁'], wantedPayYuan: 3000, availableFrom: '2026-06-01', memberKey: 'm2' }),
    });
  });

  it('leaves the wanted pay and start date empty when not given', () => {
    const checked = checkResume({ ...filled, wantedPay: '', memberKey: null });
    expect(checked).toEqual({ body: expect.objectContaining({ wantedPayYuan: null, availableFrom: null, memberKey: null }) });
  });

  it('names each field that is wrong, in the shared schema words', () => {
    const checked = checkResume({ ...filled, name: '王', phone: '12345', wantedPay: '3000.5' });
    expect(checked).toEqual({ errors: { name: expect.any(String), phone: '请输入 11 位手机号', wantedPay: '期望月薪应为整数' } });
  });

  it('asks for the phone again when editing a saved resume, since the server only shows it masked', () => {
    const saved = valuesFrom({
      name: '王秀英',
      phoneMasked: '138****1234',
      age: 48,
      skills: ['保洁'],
      experience: '',
      wantedPayYuan: 2800,
      wantedPlace: '县城',
      availableFrom: null,
      freeText: '',
      updatedAt: '2026-05-01T02:00:00.000Z',
      member: { key: 'm1', name: '王秀英', relation: '户主' },
    });
    expect(saved).toMatchObject({ name: '王秀英', phone: '', wantedPay: '2800', wantedPlace: '县城', memberKey: 'm1' });
    expect(checkResume(saved)).toEqual({ errors: { phone: expect.any(String) } });
  });

  it('adds a typed skill once, and no more than the limit', () => {
    expect(addSkill(['保洁'], ' 保洁 ')).toEqual(['保洁']);
    expect(addSkill(['保洁'], ' 电焊 ')).toEqual(['保洁', '电焊']);
    const full = Array.from({ length: MAX_SKILLS }, (_, index) => `技能${index}`);
    expect(addSkill(full, '再一个')).toEqual(full);
  });
});

it('puts the server refusal of a resume under the field it names', () => {
  expect(errorsFromServer([{ field: 'body.phone', message: '请输入 11 位手机号' }, { field: 'body.skills.2', message: '技能最多 20 个字' }, { field: 'body.other', message: 'x' }])).toEqual({
    phone: '请输入 11 位手机号',
    skills: '技能最多 20 个字',
  });
});
