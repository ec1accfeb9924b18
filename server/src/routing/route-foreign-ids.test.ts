import type { ZodType } from 'zod';
import { addDays } from '@anqian/shared';
import { buildAnnouncementBody } from '../modules/announcements/announcement-test-helpers';
import { buildPolicyBody } from '../modules/policies/policy-test-helpers';
import { buildRequestBody as residentRequestBody } from '../modules/resident-requests/request-test-helpers';
import { asResident, asStaff, buildSubmitBody, registrationFlow, villageOf } from '../../test/factories';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/test-app';
import { routeTable } from './route-table';

/**
 * Every body field that names another resource by id, route by route: either the resource belongs
 * to someone (an uploader, an area) and the route must refuse one of another owner, or it is the
 * county's for anyone to name. A new route or field fails the first test until it is classified
 * here, and an owned one until it has a case below.
 */
const COUNTY_WIDE = {
  'body.wishes.preferredSiteId': 'a resettlement site of the county; any household may prefer any',
  'body.siteId': 'a resettlement site of the county, assigned by the county admin',
  policyId: 'a county policy document that a subsidy rule cites (county admin only)',
  'body.employerIds': 'employers taking part in a job fair: the county’s, named by the HR bureau',
  'body.postingIds': 'postings shown at a job fair: the county’s, named by the HR bureau',
  'body.employerId': 'an employer of the county register, which hr_staff keep county-wide',
  'body.partners.employerId': 'an employer of the county register committing to hire from a training course, named by the HR bureau',
  'body.place.siteId': 'a resettlement site of the county a resident’s request is about; any resident may name any',
} as const;

type Answer = { status: number; field?: string };
/** Ids of another area's records answer 404 like unknown ones, so they reveal nothing; other refusals name the field. */
type Case = { refusal: 'names the field' | 'not found'; run: (t: TestApp) => Promise<Answer> };
const namingTheField = (run: Case['run']): Case => ({ refusal: 'names the field', run });

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(200, 0x20), Buffer.from('\n%%EOF\n')]);

async function residentPhoto(t: TestApp, token: string): Promise<string> {
  const response = await t.request().post('/api/resident/photos').set('Authorization', `Bearer ${token}`).attach('file', PNG, 'house.png');
  return response.body.id;
}

/** A photo another resident uploaded. */
const strangersPhoto = async (t: TestApp) => residentPhoto(t, (await t.residentToken()).token);

const withPhotos = (body: ReturnType<typeof buildSubmitBody>, photoIds: string[]) => ({ ...body, household: { ...body.household, photoIds } });

const answer = (response: { status: number; body: { error?: { details?: { field: string }[] } } }) => ({
  status: response.status,
  field: response.body.error?.details?.[0]?.field,
});

/** A village cadre signed in on WeChat, linked to their staff account. */
async function linkedCadre(t: TestApp) {
  const cadre = await t.createStaff('village_cadre');
  const wechat = asResident(t, (await t.residentToken()).token);
  await wechat.post('/api/resident/cadre-link', { username: cadre.username, password: TEST_PASSWORD });
  return wechat;
}

const OWNED_CASES: Record<string, Case> = {
  'post /api/training/courses/:id/applications body.registrationId': {
    refusal: 'not found',
    run: async (t) => {
      const hr = asStaff(await t.staffAgent('hr_staff'));
      const today = t.clock.today();
      const course = await hr.post('/api/training/courses', {
        title: '家政服务员培训班',
        category: 'housekeeping',
        provider: '县职业技能培训学校',
        divisionCode: t.county.children[0].code,
        address: '安置点综合服务中心三楼',
        sessions: [{ date: addDays(today, 5), startTime: '09:00', endTime: '12:00', topic: '居家保洁' }],
        capacity: 10,
        signupDeadline: addDays(today, 4),
        eligibility: { minAge: 16, maxAge: 60 },
        subsidyFen: 100000,
        completion: { minAttendancePercent: 80, examRequired: false },
      });
      await hr.post(`/api/training/courses/${course.body.id}/publish`);
      const elsewhere = await registrationFlow(t).inStatus('verified', { villageCode: villageOf(t.county, 1) });
      const cadre = asStaff(await t.staffAgent('village_cadre'));
      return answer(await cadre.post(`/api/training/courses/${course.body.id}/applications`, { registrationId: elsewhere, memberKey: 'a'.repeat(24) }));
    },
  },
  'post /api/resident/requests body.photoIds': namingTheField(async (t) => {
    const resident = asResident(t, (await t.residentToken()).token);
    return answer(await resident.post('/api/resident/requests', { ...residentRequestBody(t), photoIds: [await strangersPhoto(t)] }));
  }),
  'post /api/resident/requests body.place.registrationId': namingTheField(async (t) => {
    const theirs = await registrationFlow(t).inStatus('submitted');
    const resident = asResident(t, (await t.residentToken()).token);
    return answer(await resident.post('/api/resident/requests', { ...residentRequestBody(t), place: { villageCode: villageOf(t.county), registrationId: theirs } }));
  }),
  'post /api/resident-requests/:id/assign body.staffId': namingTheField(async (t) => {
    const resident = asResident(t, (await t.residentToken()).token);
    const request = await resident.post('/api/resident/requests', residentRequestBody(t));
    const elsewhere = await t.createStaff('township_staff', { townshipIndex: 1 });
    const staff = asStaff(await t.staffAgent('township_staff'));
    return answer(await staff.post(`/api/resident-requests/${request.body.id}/assign`, { staffId: elsewhere.id }));
  }),
  'post /api/resident/registrations body.household.photoIds': namingTheField(async (t) => {
    const resident = asResident(t, (await t.residentToken()).token);
    return answer(await resident.post('/api/resident/registrations', withPhotos(buildSubmitBody(villageOf(t.county)), [await strangersPhoto(t)])));
  }),
  'put /api/resident/registrations/:id body.household.photoIds': namingTheField(async (t) => {
    const { token, login } = await t.residentToken();
    const id = await registrationFlow(t).inStatus('returned', { residentId: login.resident.id });
    const { household, wishes } = withPhotos(buildSubmitBody(villageOf(t.county)), [await strangersPhoto(t)]);
    return answer(await asResident(t, token).put(`/api/resident/registrations/${id}`, { household, wishes }));
  }),
  'post /api/resident/cadre/registrations body.household.photoIds': namingTheField(async (t) => {
    const wechat = await linkedCadre(t);
    return answer(await wechat.post('/api/resident/cadre/registrations', withPhotos(buildSubmitBody(villageOf(t.county)), [await strangersPhoto(t)])));
  }),
  'put /api/resident/cadre/registrations/:id body.household.photoIds': namingTheField(async (t) => {
    const wechat = await linkedCadre(t);
    const entered = await wechat.post('/api/resident/cadre/registrations', buildSubmitBody(villageOf(t.county)));
    await asStaff(await t.staffAgent('township_staff')).post(`/api/registrations/${entered.body.id}/return`, { reason: '请补充房屋照片' });
    const { household, wishes } = withPhotos(buildSubmitBody(villageOf(t.county)), [await strangersPhoto(t)]);
    return answer(await wechat.put(`/api/resident/cadre/registrations/${entered.body.id}`, { household, wishes }));
  }),
  'post /api/registrations/:id/verify body.visit.photoIds': namingTheField(async (t) => {
    const flow = registrationFlow(t);
    const id = await flow.inStatus('accepted');
    const colleague = await t.staffAgent('township_staff');
    const theirs = await colleague.agent.post('/api/photos').set('X-CSRF-Token', colleague.csrf).attach('file', PNG, 'visit.png');
    const staff = asStaff(await t.staffAgent('township_staff'));
    return answer(await staff.post(`/api/registrations/${id}/verify`, { visit: { ...flow.visit, photoIds: [theirs.body.id] } }));
  }),
  'post /api/public-notices body.registrationIds': { refusal: 'not found', run: async (t) => {
    const otherTownships = await registrationFlow(t).inStatus('verified', { villageCode: villageOf(t.county, 1) });
    const staff = asStaff(await t.staffAgent('township_staff', { townshipIndex: 0 }));
    const today = t.clock.today();
    return answer(await staff.post('/api/public-notices', { title: '越权公示', intro: '', startDate: today, endDate: '2099-12-31', registrationIds: [otherTownships] }));
  } },
  'post /api/policies body.attachmentIds': namingTheField(async (t) => {
    const uploader = await t.staffAgent('county_admin');
    const theirs = await uploader.agent.post('/api/policy-attachments').set('X-CSRF-Token', uploader.csrf).attach('file', PDF, '县里的附件.pdf');
    const township = asStaff(await t.staffAgent('township_staff'));
    return answer(await township.post('/api/policies', buildPolicyBody(t.county.children[0].code, { attachmentIds: [theirs.body.id] })));
  }),
  'patch /api/policies/:id body.attachmentIds': namingTheField(async (t) => {
    const uploader = await t.staffAgent('county_admin');
    const theirs = await uploader.agent.post('/api/policy-attachments').set('X-CSRF-Token', uploader.csrf).attach('file', PDF, '县里的附件.pdf');
    const township = asStaff(await t.staffAgent('township_staff'));
    const created = await township.post('/api/policies', buildPolicyBody(t.county.children[0].code));
    return answer(await township.patch(`/api/policies/${created.body.id}`, { attachmentIds: [theirs.body.id] }));
  }),
  'post /api/announcements body.attachmentIds': namingTheField(async (t) => {
    const uploader = await t.staffAgent('county_admin');
    const theirs = await uploader.agent.post('/api/announcement-attachments').set('X-CSRF-Token', uploader.csrf).attach('file', PDF, '县里的附件.pdf');
    const township = asStaff(await t.staffAgent('township_staff'));
    return answer(await township.post('/api/announcements', buildAnnouncementBody(t.county.children[0].code, { attachmentIds: [theirs.body.id] })));
  }),
  'patch /api/announcements/:id body.attachmentIds': namingTheField(async (t) => {
    const uploader = await t.staffAgent('county_admin');
    const theirs = await uploader.agent.post('/api/announcement-attachments').set('X-CSRF-Token', uploader.csrf).attach('file', PDF, '县里的附件.pdf');
    const township = asStaff(await t.staffAgent('township_staff'));
    const created = await township.post('/api/announcements', buildAnnouncementBody(t.county.children[0].code));
    return answer(await township.patch(`/api/announcements/${created.body.id}`, { attachmentIds: [theirs.body.id] }));
  }),
};

/** Paths of the fields named `…Id` or `…Ids` in a zod schema. */
function idFields(schema: ZodType | undefined, path = 'body'): string[] {
  const def = (schema as { _zod?: { def: Record<string, unknown> & { type: string } } } | undefined)?._zod?.def;
  if (!def) return [];
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, ZodType>).flatMap(([key, value]) => [
        ...(/Ids?$/.test(key) ? [`${path}.${key}`] : []),
        ...idFields(value, `${path}.${key}`).filter((field) => field !== `${path}.${key}`),
      ]);
    case 'array':
      return idFields(def.element as ZodType, path);
    case 'union':
      return (def.options as ZodType[]).flatMap((option) => idFields(option, path));
    case 'intersection':
      return [...idFields(def.left as ZodType, path), ...idFields(def.right as ZodType, path)];
    case 'pipe':
      return idFields(def.in as ZodType, path);
    default:
      return def.innerType ? idFields(def.innerType as ZodType, path) : [];
  }
}

const countyWide = (field: string) => Object.keys(COUNTY_WIDE).some((known) => field === known || field.endsWith(`.${known}`));

const idRoutes = routeTable.flatMap((route) => [...new Set(idFields(route.body))].map((field) => `${route.method} ${route.path} ${field}`));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('ids of other resources in request bodies', () => {
  it('are each either the county’s to name, or owned and covered by a case below', () => {
    const unclassified = idRoutes.filter((key) => !countyWide(key.split(' ')[2]) && !(key in OWNED_CASES));
    expect(unclassified).toEqual([]);
    expect(Object.keys(OWNED_CASES).filter((key) => !idRoutes.includes(key))).toEqual([]);
  });

  it.each(Object.keys(OWNED_CASES))('%s: one of another owner is refused', async (key) => {
    const field = key.split(' ')[2];
    const { refusal, run } = OWNED_CASES[key];
    const expected = refusal === 'not found' ? { status: 404 } : { status: 400, field: expect.stringMatching(new RegExp(`^${field.replace(/\./g, '\\.')}`)) };
    expect(await run(t)).toEqual(refusal === 'not found' ? { ...expected, field: undefined } : expected);
  });
});
