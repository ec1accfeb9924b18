import ExcelJS from 'exceljs';
import { Types } from 'mongoose';
import { addDays, ageOn, birthDateTextOf, type EmploymentHousehold, type HouseholdInput, withCheckDigit } from '@anqian/shared';
import { asResident, asStaff, buildIdNumber, buildSubmitBody, registrationFlow, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { buildEmployerBody, buildPostingBody } from '../jobs/job-test-helpers';

let t: TestApp;
type Staff = Awaited<ReturnType<TestApp['staffAgent']>>;
let townshipA: Staff;
let townshipB: Staff;
let cadre: Staff;
let otherCadre: Staff;
let admin: Staff;
let hr: Staff;
let residentToken: string;

/** The households approved for the tests, by name: A, B and R in the first township (A and R in its first village), C in the second. */
const files: Record<'A' | 'B' | 'C' | 'R', { head: { idNumber: string }; members: { idNumber: string }[] }> = {} as never;
const ids: Record<'A' | 'B' | 'C' | 'R', string> = {} as never;

const person = (name: string, age: number, workAbility: 'full' | 'weak' | 'none' = 'full') => ({ name, idNumber: buildIdNumber({ age }), workAbility, specialStatus: [] });

/** Ages on the test clock, which approvals move on by a notice period each. */
const ageToday = (idNumber: string) => ageOn(birthDateTextOf(idNumber), t.clock.today());
const ledger = () => t.connection.collection('employment_ledger');
const auditLogs = () => t.connection.collection('audit_logs');

async function approve(key: keyof typeof files, villageCode: string, household: Partial<HouseholdInput>, residentId?: string) {
  const body = buildSubmitBody(villageCode, { household, wishes: { resettlementType: 'scattered' } });
  files[key] = { head: body.household.head, members: body.household.members ?? [] };
  ids[key] = await registrationFlow(t).inStatus('approved', { body, residentId });
}

const householdOf = async (staff: Staff, key: keyof typeof ids): Promise<EmploymentHousehold> => (await asStaff(staff).get(`/api/employment/households/${ids[key]}`)).body;
const memberKey = async (key: keyof typeof ids, index: number) => (await householdOf(hr, key)).members[index].key;
const setStatus = async (staff: Staff, key: keyof typeof ids, index: number, body: object) =>
  staff.agent.put(`/api/employment/households/${ids[key]}/members/${await memberKey(key, index)}`).set('X-CSRF-Token', staff.csrf).send(body);

async function sheetRows(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value)))));
  return rows;
}

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('就业台账');
  sheet.addRow(['姓名', '身份证号', '就业状态', '状态日期', '备注']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const upload = (staff: Staff, content: Buffer) => staff.agent.post('/api/employment/import').set('X-CSRF-Token', staff.csrf).attach('file', content, '就业台账.xlsx');
const download = (staff: Staff, query: Record<string, string> = {}) => staff.agent.get('/api/employment/export').query(query).responseType('blob');

beforeAll(async () => {
  t = await createTestApp();
  [townshipA, townshipB, cadre, otherCadre, admin, hr] = await Promise.all([
    t.staffAgent('township_staff', { townshipIndex: 0 }),
    t.staffAgent('township_staff', { townshipIndex: 1 }),
    t.staffAgent('village_cadre', { townshipIndex: 0 }),
    t.staffAgent('village_cadre', { divisionCode: villageOf(t.county, 0, 1) }),
    t.staffAgent('county_admin'),
    t.staffAgent('hr_staff'),
  ]);
  const resident = await t.residentToken();
  residentToken = resident.token;
  await approve('A', villageOf(t.county, 0, 0), {
    head: { ...person('李建国', 45), phone: '13912345678' },
    members: [
      { ...person('王秀英', 43, 'weak'), relation: 'spouse' },
      { ...person('李小军', 10, 'none'), relation: 'child' },
      { ...person('李老汉', 70), relation: 'parent' },
    ],
  });
  await approve('B', villageOf(t.county, 0, 1), { head: { ...person('赵大山', 50), phone: '13912345678' }, members: [{ ...person('钱桂花', 48, 'none'), relation: 'spouse' }] });
  await approve('C', villageOf(t.county, 1, 0), { head: { ...person('孙二牛', 35), phone: '13912345678' }, members: [{ ...person('周小红', 33), relation: 'spouse' }] });
  await approve('R', villageOf(t.county, 0, 0), { head: { ...person('吴建华', 30), phone: '13912345678' }, members: [{ ...person('郑丽', 28), relation: 'spouse' }] }, resident.login.resident.id);
}, 60_000);
afterAll(() => t.close());

describe('the ledger rows', () => {
  it('an approval adds the household with every member; the backfill adds approved households that have no row', async () => {
    expect(await ledger().countDocuments()).toBe(4);
    const a = await householdOf(hr, 'A');
    expect(a).toMatchObject({ headName: '李建国', workingAgeCount: 2, labourCount: 2, employedCount: 0, unrecordedCount: 2, zeroEmployment: true });
    expect(a.members.map((member) => [member.name, member.relation, member.workingAge, member.status])).toEqual([
      ['李建国', 'head', true, null],
      ['王秀英', 'spouse', true, null],
      ['李小军', 'child', false, null],
      ['李老汉', 'parent', false, null],
    ]);
    expect(a.members[0].idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(a)).not.toContain(files.A.head.idNumber);

    await ledger().deleteOne({ headName: '赵大山' });
    expect((await asStaff(hr).get(`/api/employment/households/${ids.B}`)).status).toBe(404);
    expect(await t.services.employment.backfill()).toEqual({ added: 1 });
    expect(await t.services.employment.backfill()).toEqual({ added: 0 });
    expect((await householdOf(hr, 'B')).members.map((member) => member.name)).toEqual(['赵大山', '钱桂花']);
  });

  it('each role reads its own area only', async () => {
    const heads = async (staff: Staff, query: Record<string, string> = {}) =>
      ((await asStaff(staff).get('/api/employment/households', query)).body.items as EmploymentHousehold[]).map((household) => household.headName).sort();
    expect(await heads(townshipA)).toEqual(['吴建华', '李建国', '赵大山'].sort());
    expect(await heads(townshipB)).toEqual(['孙二牛']);
    expect(await heads(cadre)).toEqual(['吴建华', '李建国'].sort());
    expect(await heads(admin)).toHaveLength(4);
    expect(await heads(hr)).toHaveLength(4);
    expect(await heads(admin, { divisionCode: villageOf(t.county, 0, 1) })).toEqual(['赵大山']);
    expect(await heads(hr, { q: '郑丽' })).toEqual(['吴建华']);

    expect((await asStaff(townshipA).get(`/api/employment/households/${ids.C}`)).status).toBe(404);
    expect((await asStaff(cadre).get(`/api/employment/households/${ids.B}`)).status).toBe(404);
    const outside = await asStaff(townshipA).get('/api/employment/households', { divisionCode: villageOf(t.county, 1, 0) });
    expect(outside.status).toBe(403);
    expect((await asStaff(townshipB).get('/api/employment/zero-employment', { divisionCode: t.county.children[0].code })).status).toBe(403);
  });

  it('refuses bad queries and operators, naming the field', async () => {
    const fields = async (query: string) => {
      const response = await hr.agent.get(`/api/employment/households?${query}`);
      expect(response.status).toBe(400);
      return response.body.error.details.map((detail: { field: string }) => detail.field);
    };
    expect(await fields('status=unemployed&status=flexible')).toEqual(['query.status']);
    expect((await fields('zeroEmployment=yes&pageSize=500')).sort()).toEqual(['query.pageSize', 'query.zeroEmployment']);
    expect(await fields('divisionCode=5323')).toEqual(['query.divisionCode']);
    expect(await fields('q=a&q=b')).toEqual(['query.q']);
    // Bracketed keys are not operators here: they are ignored, and search text is matched literally.
    const bracket = await townshipB.agent.get('/api/employment/households?divisionCode[$regex]=.*&status[$ne]=x');
    expect(bracket.body.total).toBe(1);
    expect((await asStaff(hr).get('/api/employment/households', { q: '.*' })).body.total).toBe(0);
  });
});

describe('recording a status', () => {
  it('township staff, cadres and the bureau record statuses in their area, audited, with the history kept', async () => {
    const today = t.clock.today();
    const set = await setStatus(townshipA, 'A', 0, { status: 'migrant_in_county', date: addDays(today, -10), note: '在县城工地' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ employedCount: 1, zeroEmployment: false });
    expect(set.body.members[0]).toMatchObject({ status: 'migrant_in_county', statusDate: addDays(today, -10), source: 'staff', enteredBy: townshipA.user.displayName });
    const audit = await auditLogs().findOne({ action: 'employment.update', targetId: ids.A });
    expect(audit).toMatchObject({ result: 'success', targetName: '李建国户：李建国', changes: [{ field: '就业状态', before: '未登记', after: `务工（县内）（${addDays(today, -10)}）` }] });

    expect((await setStatus(cadre, 'A', 0, { status: 'flexible', date: today })).status).toBe(200);
    expect((await setStatus(hr, 'C', 0, { status: 'self_employed', date: today })).status).toBe(200);
    const history = (await householdOf(hr, 'A')).members[0].history;
    expect(history.map((event) => [event.status, event.source])).toEqual([
      ['migrant_in_county', 'staff'],
      ['flexible', 'staff'],
    ]);
  });

  it('another area’s household is out of reach (404) and the county admin only reads (403); nothing is stored', async () => {
    const before = await ledger().findOne({ headName: '孙二牛' });
    expect((await setStatus(townshipA, 'C', 1, { status: 'local_job', date: t.clock.today() })).status).toBe(404);
    expect((await setStatus(otherCadre, 'A', 1, { status: 'local_job', date: t.clock.today() })).status).toBe(404);
    expect((await setStatus(townshipB, 'B', 0, { status: 'local_job', date: t.clock.today() })).status).toBe(404);
    const refused = await setStatus(admin, 'C', 1, { status: 'local_job', date: t.clock.today() });
    expect(refused.status).toBe(403);
    expect(await ledger().findOne({ headName: '孙二牛' })).toEqual(before);
    expect(await auditLogs().countDocuments({ action: 'employment.update', targetId: ids.C, result: 'failure', actorId: townshipA.user.id })).toBe(1);
  });

  it.each([
    ['an unknown status', { status: 'retired', date: '2026-01-01' }, 'body.status'],
    ['a date after today', { status: 'local_job', date: '2099-01-01' }, 'body.date'],
    ['a date that does not exist', { status: 'local_job', date: '2026-02-30' }, 'body.date'],
    ['an oversized note', { status: 'local_job', date: '2026-01-01', note: '字'.repeat(101) }, 'body.note'],
  ])('refuses %s with 400 naming the field; nothing is stored', async (_name, body, field) => {
    const before = await ledger().findOne({ headName: '赵大山' });
    const response = await setStatus(townshipA, 'B', 0, body);
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((detail: { field: string }) => detail.field)).toEqual([field]);
    expect(await ledger().findOne({ headName: '赵大山' })).toEqual(before);
  });

  it('refuses a member outside working age and an unknown member', async () => {
    const child = await setStatus(townshipA, 'A', 2, { status: 'unemployed', date: t.clock.today() });
    expect(child.status).toBe(400);
    expect(child.body.error.details[0]).toMatchObject({ field: 'params.memberKey', message: expect.stringContaining('16–60') });
    const unknown = await townshipA.agent.put(`/api/employment/households/${ids.A}/members/${'0'.repeat(24)}`).set('X-CSRF-Token', townshipA.csrf).send({ status: 'unemployed', date: t.clock.today() });
    expect(unknown.status).toBe(404);
  });
});

describe('zero-employment households and the dashboard', () => {
  it('counts by township and village what the ledger holds', async () => {
    const today = t.clock.today();
    await setStatus(hr, 'A', 0, { status: 'migrant_in_county', date: today });
    await setStatus(hr, 'A', 1, { status: 'unemployed', date: today });
    await setStatus(hr, 'B', 0, { status: 'unemployed', date: today });
    await setStatus(hr, 'C', 0, { status: 'self_employed', date: today });
    await setStatus(hr, 'C', 1, { status: 'no_ability', date: today });
    // A: 1 of 2 in work; B: its one able member out of work; C: 1 of 1 able; R: nobody recorded.
    const [townshipOne, townshipTwo] = t.county.children;

    const zero = (await asStaff(admin).get('/api/employment/zero-employment')).body;
    expect(zero.total).toBe(2);
    expect(zero.byTownship).toEqual([
      {
        code: townshipOne.code,
        name: townshipOne.name,
        households: 2,
        villages: [
          { code: townshipOne.children[0].code, name: townshipOne.children[0].name, households: 1 },
          { code: townshipOne.children[1].code, name: townshipOne.children[1].name, households: 1 },
        ],
      },
    ]);
    expect(zero.households.items.map((household: EmploymentHousehold) => household.headName).sort()).toEqual(['吴建华', '赵大山'].sort());
    expect((await asStaff(cadre).get('/api/employment/zero-employment')).body.total).toBe(1);
    expect((await asStaff(townshipB).get('/api/employment/zero-employment')).body).toMatchObject({ total: 0, byTownship: [], households: { items: [], total: 0 } });
    const onlyZero = (await asStaff(admin).get('/api/employment/households', { zeroEmployment: 'true' })).body;
    expect(onlyZero.total).toBe(2);
    expect((await asStaff(admin).get('/api/employment/households', { status: 'no_ability' })).body.items.map((h: EmploymentHousehold) => h.headName)).toEqual(['孙二牛']);
    // 钱桂花 (registered without ability to work) has no status recorded yet either.
    expect((await asStaff(admin).get('/api/employment/households', { status: 'unrecorded' })).body.items.map((h: EmploymentHousehold) => h.headName).sort()).toEqual(['吴建华', '赵大山'].sort());

    const dashboard = (await asStaff(admin).get('/api/dashboard/registrations')).body.employment;
    expect(dashboard).toMatchObject({ households: 4, workingAge: 8, labour: 6, employed: 2, zeroEmploymentHouseholds: 2 });
    expect(dashboard.rate).toBeCloseTo(2 / 6);
    expect(dashboard.byTownship.find((row: { code: string }) => row.code === townshipOne.code)).toEqual({
      code: townshipOne.code,
      name: townshipOne.name,
      households: 3,
      labour: 5,
      employed: 1,
      rate: 0.2,
      zeroEmploymentHouseholds: 2,
    });
    expect(dashboard.byTownship.find((row: { code: string }) => row.code === townshipTwo.code)).toMatchObject({ households: 1, labour: 1, employed: 1, rate: 1, zeroEmploymentHouseholds: 0 });
    expect((await asStaff(hr).get('/api/employment/dashboard')).body).toEqual(dashboard);
    const mine = (await asStaff(townshipB).get('/api/dashboard/registrations')).body.employment;
    expect(mine).toMatchObject({ households: 1, employed: 1, zeroEmploymentHouseholds: 0 });
    expect(mine.byTownship.map((row: { code: string }) => row.code)).toEqual([townshipTwo.code]);
  });
});

describe('the resume names a household member, and a hire puts them in work', () => {
  it('offers the verified members of the resident’s own registration; age comes from the ID number', async () => {
    const resident = asResident(t, residentToken);
    const { body } = await resident.get('/api/resident/resume');
    expect(body.resume).toBeNull();
    expect(body.householdMembers).toEqual([
      { key: expect.stringMatching(/^[a-f\d]{24}$/), name: '吴建华', relation: '户主', age: ageToday(files.R.head.idNumber) },
      { key: expect.stringMatching(/^[a-f\d]{24}$/), name: '郑丽', relation: '配偶', age: ageToday(files.R.members[0].idNumber) },
    ]);
    expect(JSON.stringify(body)).not.toContain(files.R.head.idNumber);

    const resume = { name: '郑丽', phone: '13912345678', skills: ['保洁'], experience: '', wantedPayYuan: 3000, wantedPlace: '县城', availableFrom: null, freeText: '' };
    const unknown = await resident.put('/api/resident/resume', { ...resume, memberKey: files.A.head.idNumber });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.map((detail: { field: string }) => detail.field)).toEqual(['body.memberKey']);
    expect((await resident.get('/api/resident/resume')).body.resume).toBeNull();

    const saved = await resident.put('/api/resident/resume', { ...resume, memberKey: body.householdMembers[1].key, age: 19 });
    expect(saved.status).toBe(200);
    const age = ageToday(files.R.members[0].idNumber);
    expect(saved.body).toMatchObject({ age, member: { key: body.householdMembers[1].key, name: '郑丽', relation: '配偶' } });
    expect((await resident.get('/api/resident/resume')).body.resume).toMatchObject({ age, member: { name: '郑丽' } });

    const another = await t.residentToken();
    await registrationFlow(t).inStatus('accepted', { residentId: another.login.resident.id });
    expect((await asResident(t, another.token).get('/api/resident/resume')).body).toEqual({ resume: null, householdMembers: [] });
  });

  it('hiring the resident records the member in work from today, naming the posting and employer', async () => {
    const resident = asResident(t, residentToken);
    const bureau = asStaff(hr);
    const employerId = (await bureau.post('/api/employers', buildEmployerBody({ name: '云岭家政服务有限公司' }))).body.id;
    const draft = await bureau.post('/api/job-postings', buildPostingBody(t, employerId, { title: '家政服务员' }));
    await bureau.post(`/api/job-postings/${draft.body.id}/publish`);
    const applied = await resident.post(`/api/resident/job-postings/${draft.body.id}/apply`);
    expect((await bureau.get(`/api/job-applications/${applied.body.id}`)).body.resume.age).toBe(ageToday(files.R.members[0].idNumber));
    expect((await bureau.post(`/api/job-applications/${applied.body.id}/hire`, {})).status).toBe(200);

    const r = await householdOf(hr, 'R');
    expect(r.members[1]).toMatchObject({ name: '郑丽', status: 'local_job', statusDate: t.clock.today(), source: 'hire' });
    expect(r.members[1].history.at(-1)).toMatchObject({ source: 'hire', note: '录用：云岭家政服务有限公司「家政服务员」' });
    expect(r).toMatchObject({ employedCount: 1, zeroEmployment: false });

    const far = await bureau.post('/api/job-postings', buildPostingBody(t, employerId, { title: '电子厂普工', workplace: { kind: 'outside', province: '浙江省', city: '宁波市' } }));
    await bureau.post(`/api/job-postings/${far.body.id}/publish`);
    const second = await resident.post(`/api/resident/job-postings/${far.body.id}/apply`);
    await bureau.post(`/api/job-applications/${second.body.id}/hire`, {});
    expect((await householdOf(hr, 'R')).members[1]).toMatchObject({ status: 'migrant_outside_county', source: 'hire' });
  });
});

describe('import and export', () => {
  it('imports each right row and names every wrong row’s problem; nothing of a wrong row is stored', async () => {
    const today = t.clock.today();
    const before = await ledger().findOne({ headName: '孙二牛' });
    const content = await xlsx([
      ['李建国', files.A.head.idNumber, '灵活就业', addDays(today, -3), '开网店'],
      ['赵大山', files.B.head.idNumber, '务工(县外)', '', ''],
      ['王秀英', files.A.members[0].idNumber, '打零工', '', ''],
      ['孙二牛', files.C.head.idNumber, '本地就业', '', ''],
      ['李建国', files.A.head.idNumber, '未就业', '', ''],
      ['王秀英', '532329********1234', '本地就业', '', ''],
      ['错名', files.B.members[0].idNumber, '本地就业', '', ''],
      ['李小军', files.A.members[1].idNumber, '本地就业', '', ''],
      ['王秀英', files.A.members[0].idNumber, '本地就业', addDays(today, 5), ''],
    ]);
    const response = await upload(townshipA, content);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 9, applied: 2, failed: 7 });
    const problems = response.body.rows.map((row: { row: number; result: string; problems: { column: string; message: string }[] }) => [row.row, row.result, row.problems.map((p) => p.column).join()]);
    expect(problems).toEqual([
      [2, 'applied', ''],
      [3, 'applied', ''],
      [4, 'failed', '就业状态'],
      [5, 'failed', '身份证号'],
      [6, 'failed', '身份证号'],
      [7, 'failed', '身份证号'],
      [8, 'failed', '姓名'],
      [9, 'failed', '身份证号'],
      [10, 'failed', '状态日期'],
    ]);
    expect(response.body.rows[3].problems[0].message).toContain('辖区的就业台账中没有');
    expect(response.body.rows[4].problems[0].message).toContain('与第 2 行是同一人');
    expect(response.body.rows[6].problems[0].message).toContain('台账中为“钱桂花”');
    expect(JSON.stringify(response.body)).not.toContain(files.A.head.idNumber);

    const a = await householdOf(hr, 'A');
    expect(a.members[0]).toMatchObject({ status: 'flexible', statusDate: addDays(today, -3), source: 'import', enteredBy: townshipA.user.displayName });
    expect(a.members[1].status).toBe('unemployed');
    expect((await householdOf(hr, 'B')).members[0]).toMatchObject({ status: 'migrant_outside_county', source: 'import' });
    expect(await ledger().findOne({ headName: '孙二牛' })).toEqual(before);
    expect(JSON.parse((await auditLogs().findOne({ action: 'employment.import' }))!.detail)).toMatchObject({ total: 9, applied: 2, failed: 7 });
  });

  it('refuses a file that is not a workbook, and the county admin', async () => {
    const bad = await upload(townshipA, Buffer.from('not a workbook'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('LEDGER_FILE_INVALID');
    expect((await upload(admin, await xlsx([]))).status).toBe(403);
    const missing = await townshipA.agent.post('/api/employment/import').set('X-CSRF-Token', townshipA.csrf).send({});
    expect(missing.body.error.details[0].field).toBe('file');
  });

  it('exports the area’s working-age members, masked, and with the export permission full numbers that import back', async () => {
    await setStatus(townshipA, 'B', 0, { status: 'unemployed', date: t.clock.today() });
    const response = await download(townshipA);
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers['content-disposition'].split("UTF-8''")[1])).toMatch(/^就业台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [header, ...rows] = await sheetRows(response.body);
    const column = (name: string) => header.indexOf(name);
    expect(rows.map((row) => row[column('姓名')]).sort()).toEqual(['李建国', '王秀英', '赵大山', '钱桂花', '吴建华', '郑丽'].sort());
    expect(rows.every((row) => /^\d{6}\*{8}\d{3}[\dX]$/.test(row[column('身份证号')]))).toBe(true);
    const li = rows.find((row) => row[column('姓名')] === '李建国')!;
    expect([li[column('就业状态')], li[column('来源')], li[column('备注')]]).toEqual(['灵活就业', '台账导入', '开网店']);
    expect(rows.find((row) => row[column('姓名')] === '赵大山')![column('零就业家庭')]).toBe('是');
    expect(JSON.parse((await auditLogs().findOne({ action: 'employment.export', actorId: townshipA.user.id }))!.detail)).toEqual({ rows: 6, full: false, filter: {} });

    const zeroOnly = await sheetRows((await download(townshipA, { zeroEmployment: 'true' })).body);
    expect(zeroOnly.slice(1).map((row) => row[column('户主')]).sort()).toEqual(['赵大山', '赵大山']);

    expect((await download(townshipA, { full: 'true' })).status).toBe(403);
    await asStaff(admin).patch(`/api/staff/${townshipA.user.id}`, { canExportPersonalData: true });
    const full = await sheetRows((await download(townshipA, { full: 'true' })).body);
    expect(full.slice(1).map((row) => row[column('身份证号')])).toContain(files.B.members[0].idNumber);

    // The township fills the exported file in and imports it back.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(townshipA, { full: 'true', q: '钱桂花' })).body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    sheet.eachRow((row, number) => {
      if (number > 1 && row.getCell(column('姓名') + 1).value === '钱桂花') row.getCell(column('就业状态') + 1).value = '公益性岗位';
    });
    const imported = await upload(townshipA, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(imported.body.rows.find((row: { name: string }) => row.name === '钱桂花')).toMatchObject({ result: 'applied' });
    expect((await householdOf(hr, 'B')).members[1]).toMatchObject({ status: 'public_welfare', source: 'import' });
  });
});

describe('concurrent writers', () => {
  it('changes to one household at the same instant all land, none lost', async () => {
    const before = await householdOf(hr, 'C');
    const { version } = (await ledger().findOne({ _id: new Types.ObjectId(ids.C) }))!;
    const [head, spouse] = before.members;
    const statuses = ['local_job', 'flexible', 'public_welfare', 'self_employed', 'unemployed', 'migrant_in_county'] as const;
    const answers = await Promise.all(
      statuses.map((status, index) =>
        hr.agent.put(`/api/employment/households/${ids.C}/members/${index % 2 ? spouse.key : head.key}`).set('X-CSRF-Token', hr.csrf).send({ status, date: t.clock.today() }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(statuses.map(() => 200));
    const after = await householdOf(hr, 'C');
    expect(after.members[0].history).toHaveLength(head.history.length + 3);
    expect(after.members[1].history).toHaveLength(spouse.history.length + 3);
    expect((await ledger().findOne({ _id: new Types.ObjectId(ids.C) }))!.version).toBe(version + statuses.length);
  });
});

describe('working age moves on', () => {
  it('maintenance recounts a household on the day a member turns 61', async () => {
    const birthday = addDays(t.clock.today(), 3);
    const idNumber = withCheckDigit(`532329${Number(birthday.slice(0, 4)) - 61}${birthday.slice(5, 7)}${birthday.slice(8, 10)}001`);
    const id = new Types.ObjectId();
    const township = t.county.children[2];
    await t.services.employment.addHousehold({
      registrationId: id.toString(),
      householdKey: 'working-age-test',
      divisionCode: township.children[0].code,
      townshipCode: township.code,
      headName: '老张',
      people: [{ key: 'a'.repeat(24), name: '老张', relation: 'head', relationLabel: '户主', idNumber, workAbility: 'full' }],
    });
    expect(await ledger().findOne({ _id: id })).toMatchObject({ workingAgeCount: 1, labourCount: 1, zeroEmployment: true, ageCheckDue: birthday });
    t.clock.advanceDays(2);
    await t.services.employment.recountAges();
    expect(await ledger().findOne({ _id: id })).toMatchObject({ workingAgeCount: 1, zeroEmployment: true });
    t.clock.advanceDays(1);
    expect((await t.services.employment.recountAges()).recounted).toBeGreaterThanOrEqual(1);
    expect(await ledger().findOne({ _id: id })).toMatchObject({ workingAgeCount: 0, labourCount: 0, zeroEmployment: false, ageCheckDue: null });
    expect((await asStaff(admin).get('/api/employment/zero-employment')).body.byTownship.map((row: { code: string }) => row.code)).not.toContain(township.code);
  });
});
