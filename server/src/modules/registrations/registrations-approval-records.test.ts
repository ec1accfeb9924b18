import { addDays, chinaDate } from '@anqian/shared';
import { asStaff, buildSubmitBody, editStoredRegistrations, endNoticePeriod, registrationFlow, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

/** Issue 11, items 8 and 10: when approval becomes possible, 可审批, the verification checklist, readable audit records. */
let t: TestApp;
let flow: ReturnType<typeof registrationFlow>;
let county: ReturnType<typeof asStaff>;

beforeAll(async () => {
  t = await createTestApp();
  flow = registrationFlow(t);
  county = asStaff(await t.staffAgent('county_admin'));
});
afterAll(() => t.close());

const scattered = () => buildSubmitBody(villageOf(t.county), { wishes: { resettlementType: 'scattered' } });
const approvableIds = async () => (await county.get('/api/registrations', { approvable: 'true', pageSize: 100 })).body.items.map((item: { id: string }) => item.id);

/** The newest audit record of `action`, as the audit log answers it. */
async function lastAudit(action: string) {
  const response = await county.get('/api/audit-logs', { action, pageSize: 1 });
  expect(response.status).toBe(200);
  return response.body.items[0];
}

describe('approval during and after the notice period', () => {
  it('tells the console from which day approval is possible, and 可审批 lists the registration only from that day while no objection is open', async () => {
    const id = await flow.inStatus('publicizing', { body: scattered() });
    const before = await county.get(`/api/registrations/${id}`);
    const { endDate } = before.body.notice;
    expect(before.body).toMatchObject({ approvableFrom: addDays(endDate, 1), approvalBlocker: 'NOTICE_PERIOD_NOT_ENDED' });
    expect(await approvableIds()).not.toContain(id);

    endNoticePeriod(t, before.body.notice);
    expect((await county.get(`/api/registrations/${id}`)).body).toMatchObject({ approvableFrom: t.clock.today(), approvalBlocker: null });
    const listed = await county.get('/api/registrations', { approvable: 'true', pageSize: 100 });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(id);
    expect(listed.body.items.every((item: { status: string }) => item.status === 'publicizing')).toBe(true);
    expect((await county.get('/api/registrations', { approvable: 'true', status: 'approved' })).body.total).toBe(0);

    await county.post(`/api/registrations/${id}/objections`, { raisedBy: '邻居张某', content: '这一户的房子不在隐患点上' }).expect(200);
    expect((await county.get(`/api/registrations/${id}`)).body.approvalBlocker).toBe('OBJECTION_OPEN');
    expect(await approvableIds()).not.toContain(id);
  });

  it('says no day will do when the household was on its notice for too short a time', async () => {
    const id = await flow.inStatus('publicizing', { body: scattered() });
    const past = { noticeStartDate: addDays(t.clock.today(), -10), noticeEndDate: addDays(t.clock.today(), -6) };
    await editStoredRegistrations(t, [id], { $set: past });

    const detail = await county.get(`/api/registrations/${id}`);

    expect(detail.body).toMatchObject({ approvableFrom: null, approvalBlocker: 'NOTICE_PERIOD_TOO_SHORT' });
  });

  it('carries no approval dates outside the notice step', async () => {
    const id = await flow.inStatus('verified');
    expect((await county.get(`/api/registrations/${id}`)).body).not.toHaveProperty('approvableFrom');
  });
});

describe('the on-site verification checklist', () => {
  const visit = { date: chinaDate(), visitors: '张三（镇自然资源所）', peoplePresent: '户主本人及配偶', houseStructure: 'differs', hazard: 'confirmed', findings: '房屋为砖木结构，与登记的土木结构不符；后坡裂缝属实' };

  it('refuses a visit without the checklist, naming each missing field', async () => {
    const id = await flow.inStatus('accepted');
    const { peoplePresent: _people, houseStructure: _house, ...withoutChecklist } = visit;

    const response = await county.post(`/api/registrations/${id}/verify`, { visit: withoutChecklist });

    expect(response.status).toBe(400);
    expect(response.body.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['body.visit.houseStructure', 'body.visit.peoplePresent']);
  });

  it('stores the checklist and shows it in the timeline, beside an old free-text visit', async () => {
    const id = await flow.inStatus('accepted');
    const response = await county.post(`/api/registrations/${id}/verify`, { visit });
    expect(response.status).toBe(200);
    expect(response.body.timeline.at(-1).visit).toMatchObject({ peoplePresent: '户主本人及配偶', houseStructure: 'differs', hazard: 'confirmed', photos: [] });

    // A visit recorded before the checklist existed.
    await editStoredRegistrations(t, [id], { $unset: { 'timeline.2.visit.peoplePresent': '', 'timeline.2.visit.houseStructure': '', 'timeline.2.visit.hazard': '' } });
    const old = (await county.get(`/api/registrations/${id}`)).body.timeline.at(-1).visit;
    expect(old).toMatchObject({ visitors: visit.visitors, findings: visit.findings });
    expect(old).not.toHaveProperty('houseStructure');

    const audit = await lastAudit('registration.verify');
    expect(audit).toMatchObject({ targetId: id, targetName: `${response.body.headName}户`, changes: [{ field: '状态', before: '已受理', after: '已核实' }] });
    expect(audit.detail).toContain('房屋结构与登记不符，隐患属实');
  });
});

describe('audit records a reader understands', () => {
  it('names the household and the step an approval made, with the site it assigned', async () => {
    const site = (await county.post('/api/sites', { name: '城南安置点', townshipCode: t.county.children[0].code, type: 'centralized', capacity: 50, constructionStatus: 'completed' })).body;
    const id = await flow.inStatus('publicizing');
    endNoticePeriod(t, (await county.get(`/api/registrations/${id}`)).body.notice);

    const approved = await county.post(`/api/registrations/${id}/approve`, { siteId: site.id, note: '同意' });

    expect(approved.status).toBe(200);
    expect(await lastAudit('registration.approve')).toMatchObject({
      targetName: `${approved.body.headName}户`,
      detail: '同意',
      changes: [
        { field: '状态', before: '公示中', after: '审批通过' },
        { field: '安置点', before: '', after: '城南安置点' },
      ],
    });
  });

  it('names a site and shows the fields a change changed, before and after', async () => {
    const site = (await county.post('/api/sites', { name: '城北安置点', townshipCode: t.county.children[0].code, type: 'centralized', capacity: 80, constructionStatus: 'under_construction' })).body;

    await county.patch(`/api/sites/${site.id}`, { capacity: 120, name: '城北新区安置点' }).expect(200);

    const audit = await lastAudit('site.update');
    expect(audit).toMatchObject({ targetId: site.id, targetName: '城北新区安置点', detail: null });
    expect(audit.changes).toEqual([
      { field: '名称', before: '城北安置点', after: '城北新区安置点' },
      { field: '可安置户数', before: '80', after: '120' },
    ]);
  });

  it('records a refused action with its error and no changes', async () => {
    const id = await flow.inStatus('publicizing', { body: scattered() });

    await county.post(`/api/registrations/${id}/approve`, {}).expect(409);

    expect(await lastAudit('registration.approve')).toMatchObject({ targetId: id, result: 'failure', detail: 'NOTICE_PERIOD_NOT_ENDED', changes: [] });
  });
});
