import ExcelJS from 'exceljs';
import {
  householdSchema,
  maskIdNumber,
  withCheckDigit,
  wishesSchema,
  type HouseholdInput,
  type LedgerImportJob,
  type LedgerImportReport,
  type SubmitRegistrationBody,
} from '@anqian/shared';
import { Types } from 'mongoose';
import { asStaff, buildHouseholdInput, buildIdNumber, buildSubmitBody, endNoticePeriod, newIdempotencyKey, registrationFlow, villageOf } from '../../../test/factories';
import { seedDemoSubsidies } from '../subsidies/subsidy-test-helpers';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { EXPORT_COLUMNS, IMPORT_COLUMNS, MEMBER_COLUMNS, MEMBERS_SHEET } from './ledger-columns';

let t: TestApp;
type Staff = Awaited<ReturnType<TestApp['staffAgent']>>;
let townshipA: Staff;
let townshipB: Staff;
let admin: Staff;

const registrations = () => t.connection.db!.collection('registrations');
const auditLogs = () => t.connection.db!.collection('audit_logs');

async function register(villageCode: string, overrides: { household?: Partial<HouseholdInput>; wishes?: Partial<SubmitRegistrationBody['wishes']> } = {}) {
  const body = buildSubmitBody(villageCode, overrides);
  const household = householdSchema.parse(body.household);
  await t.services.registrations.create({
    household,
    wishes: wishesSchema.parse(body.wishes),
    source: 'resident',
    submitter: { kind: 'resident', id: 'test', name: household.head.name },
    idempotencyKey: `test:${body.idempotencyKey}`,
  });
  return household;
}

/** Reads a whole .xlsx answer back as rows of cell text. */
async function sheetRows(content: Buffer, sheetName?: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = sheetName ? workbook.getWorksheet(sheetName)! : workbook.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value)))));
  return rows;
}

/** Names may not hold digits: 进度户一二 for 12. */
const numberedName = (prefix: string, n: number) => prefix + [...String(n)].map((digit) => '零一二三四五六七八九'[Number(digit)]).join('');

/**
 * An export is audited once its last row is written, which can be just after the file arrives;
 * an import once its job has ended, just after the job says so.
 */
async function awaitAudit(filter: Record<string, unknown>) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const audit = await auditLogs().findOne(filter);
    if (audit) return audit;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no audit record matching ${JSON.stringify(filter)}`);
}

const exportAudit = (filter: Record<string, unknown>) => awaitAudit({ action: 'registration.export', ...filter });

const download = (staff: Staff, path: string, query: Record<string, string> = {}) => staff.agent.get(path).query(query).responseType('blob');

describe('exporting the ledger', () => {
  const heads: { villageCode: string; idNumber: string; phone: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    townshipA = await t.staffAgent('township_staff', { townshipIndex: 0 });
    townshipB = await t.staffAgent('township_staff', { townshipIndex: 1 });
    admin = await t.staffAgent('county_admin');
    for (let batch = 0; batch < 200; batch += 20) {
      const households = await Promise.all(
        Array.from({ length: 20 }, (_, j) => batch + j).map((i) =>
          register(villageOf(t.county, 0, i % 2), {
            household: { hazard: { type: i % 50 === 0 ? 'rockfall' : 'landslide' }, head: { ...buildHouseholdInput('').head, name: i === 7 ? '赵铁柱' : '李建国' } },
          }),
        ),
      );
      heads.push(...households.map((household) => ({ villageCode: household.villageCode, idNumber: household.head.idNumber, phone: household.head.phone })));
    }
    await Promise.all(Array.from({ length: 30 }, () => register(villageOf(t.county, 1), { household: { address: '乙镇专用地址' } })));
  }, 120_000);
  afterAll(() => t.close());

  it('streams an .xlsx of the caller’s township only, one masked row per household, and audits the row count', async () => {
    const response = await download(townshipA, '/api/registrations/export');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="registrations\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(response.headers['content-disposition'].split("UTF-8''")[1])).toMatch(/^搬迁登记台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(response.headers['cache-control']).toBe('no-store');

    const [header, ...rows] = await sheetRows(response.body);
    expect(header).toEqual(EXPORT_COLUMNS.map((column) => column.header));
    expect(rows).toHaveLength(200);
    const column = (name: string) => header.indexOf(name);
    const townshipName = t.county.children[0].name;
    expect(new Set(rows.map((row) => row[column('乡镇')]))).toEqual(new Set([townshipName]));
    expect(rows.map((row) => row[column('序号')])).toEqual(rows.map((_, i) => String(i + 1)));
    expect(rows.some((row) => row.join('').includes('乙镇专用地址'))).toBe(false);
    for (const row of rows) {
      expect(row[column('户主身份证号')]).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(row[column('联系电话')]).toBe('139****5678');
      expect(row[column('家庭成员（姓名/关系/身份证号）')]).toMatch(/^王秀英\/配偶\/\d{6}\*{8}\d{3}[\dX]$/);
    }
    const exported = new Set(rows.map((row) => row[column('户主身份证号')]));
    expect(heads.every((head) => exported.has(maskIdNumber(head.idNumber)))).toBe(true);
    const counts = ['家庭人口', '劳动力人数', '低保人数', '特困人数', '残疾人数'].map((name) => rows[0][column(name)]);
    expect(counts).toEqual(['2', '2', '1', '0', '0']);
    expect(rows[0][column('登记状态')]).toBe('已提交');
    expect(rows[0][column('安置方式')]).toBe('集中安置');

    const audit = await exportAudit({ actorId: townshipA.user.id });
    expect(audit).toMatchObject({ result: 'success', divisionCode: t.county.children[0].code });
    expect(JSON.parse(audit.detail)).toEqual({ rows: 200, full: false, filter: {} });
  });

  it('applies the list’s filters: hazard type, name and the last four ID digits', async () => {
    const rockfall = await sheetRows((await download(townshipA, '/api/registrations/export', { hazardType: 'rockfall' })).body);
    expect(rockfall).toHaveLength(1 + 4);

    const byName = await sheetRows((await download(townshipA, '/api/registrations/export', { q: '赵铁柱' })).body);
    expect(byName.slice(1).map((row) => row[3])).toEqual(['赵铁柱']);

    const last4 = heads[12].idNumber.slice(-4);
    const byId = await sheetRows((await download(townshipA, '/api/registrations/export', { q: last4 })).body);
    expect(byId.slice(1).map((row) => row[4])).toContain(maskIdNumber(heads[12].idNumber));

    const audit = await exportAudit({ detail: { $regex: 'rockfall' } });
    expect(JSON.parse(audit.detail)).toEqual({ rows: 4, full: false, filter: { hazardType: 'rockfall' } });
  });

  it('refuses another township’s area', async () => {
    const response = await townshipB.agent.get('/api/registrations/export').query({ divisionCode: t.county.children[0].code });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('OUT_OF_SCOPE');
  });

  it('gives full ID numbers and phones only with the export permission', async () => {
    const refused = await townshipA.agent.get('/api/registrations/export').query({ full: 'true' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('导出个人信息') });
    expect(await auditLogs().findOne({ action: 'registration.export', result: 'failure', actorId: townshipA.user.id })).toMatchObject({ detail: 'FORBIDDEN' });

    await admin.agent.patch(`/api/staff/${townshipA.user.id}`).set('X-CSRF-Token', admin.csrf).send({ canExportPersonalData: true }).expect(200);
    const response = await download(townshipA, '/api/registrations/export', { full: 'true' });
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers['content-disposition'])).toContain('含完整身份信息');
    const rows = (await sheetRows(response.body)).slice(1);
    expect(new Set(rows.map((row) => row[4]))).toEqual(new Set(heads.map((head) => head.idNumber)));
    expect(new Set(rows.map((row) => row[5]))).toEqual(new Set(['13912345678']));
    const audit = await exportAudit({ actorId: townshipA.user.id, detail: { $regex: '"full":true' } });
    expect(JSON.parse(audit.detail)).toMatchObject({ rows: 200, full: true });
  });
});

describe('importing a ledger', () => {
  beforeAll(async () => {
    t = await createTestApp();
    townshipA = await t.staffAgent('township_staff', { townshipIndex: 0 });
    townshipB = await t.staffAgent('township_staff', { townshipIndex: 1 });
    admin = await t.staffAgent('county_admin');
  });
  afterAll(() => t.close());

  const township = (index: number) => t.county.children[index];

  /** A sheet in the template's columns; each row lists values by header. */
  async function ledgerFile(rows: Record<string, string | number>[]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('登记信息');
    sheet.columns = IMPORT_COLUMNS.map((column) => ({ header: column.header, key: column.header }));
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  const goodRow = (townshipIndex = 0, extra: Record<string, string | number> = {}) => ({
    乡镇: township(townshipIndex).name,
    '村（社区）': township(townshipIndex).children[0].name,
    户主姓名: '王德明',
    户主身份证号: buildIdNumber(),
    联系电话: '13712345678',
    户主劳动能力: '有劳动能力',
    住址: '五组 3 号',
    隐患类型: '泥石流',
    房屋结构: '砖木结构',
    '建筑面积（㎡）': 72,
    建造年份: 1988,
    搬迁意愿: '愿意',
    安置方式: '进城安置',
    意向搬迁时间: '2026-09',
    ...extra,
  });

  const upload = (staff: Staff, content: Buffer, filename = 'ledger.xlsx') =>
    staff.agent.post('/api/registrations/import').set('X-CSRF-Token', staff.csrf).attach('file', content, filename);

  /** Starts an import and follows it, as the console does, until it has ended. */
  async function importLedger(staff: Staff, content: Buffer, filename = 'ledger.xlsx'): Promise<LedgerImportJob> {
    const started = await upload(staff, content, filename);
    expect({ status: started.status, body: started.body }).toMatchObject({ status: 202, body: { status: 'running' } });
    for (let polls = 0; polls < 300; polls += 1) {
      const { status, body } = await staff.agent.get(`/api/registration-imports/${started.body.id}`);
      expect(status).toBe(200);
      if (body.status !== 'running') return body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the import did not end within 30 s');
  }

  const reportOf = ({ totalRows, imported, duplicates, rejected }: LedgerImportJob): LedgerImportReport => ({ totalRows, imported, duplicates, rejected });

  it('offers a template with the columns, an example row and notes, which imports nothing as it is', async () => {
    const response = await download(townshipA, '/api/registrations/import-template');
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers['content-disposition'])).toContain('搬迁登记台账导入模板.xlsx');
    const [header, example] = await sheetRows(response.body, '登记信息');
    expect(header).toEqual(IMPORT_COLUMNS.map((column) => column.header));
    expect(example[0]).toBe('示例');
    expect((await sheetRows(response.body, '填写说明')).length).toBeGreaterThan(10);

    const job = await importLedger(townshipA, response.body);
    expect({ status: job.status, report: reportOf(job) }).toEqual({ status: 'done', report: { totalRows: 0, imported: 0, duplicates: [], rejected: [] } });
  });

  it('imports the good rows, reports each bad one with its reasons, and imports nothing twice', async () => {
    const first = goodRow(0, { 户主姓名: '陈光荣', 户主特殊情况: '低保、残疾' });
    const second = goodRow(0, {
      户主姓名: '刘桂花',
      成员1姓名: '刘小军',
      成员1与户主关系: '子女',
      成员1身份证号: buildIdNumber({ age: 20 }),
      成员1劳动能力: '有劳动能力',
    });
    const badCheckDigit = String(first.户主身份证号).slice(0, 17) + (String(first.户主身份证号)[17] === '1' ? '2' : '1');
    const file = await ledgerFile([
      first,
      second,
      goodRow(0, { 户主身份证号: badCheckDigit }),
      goodRow(0, { '村（社区）': '' }),
      goodRow(0, { 隐患类型: '洪水' }),
      goodRow(0, { 户主姓名: '陈光荣', 户主身份证号: first.户主身份证号 }),
    ]);

    const job = await importLedger(townshipA, file, '狮山镇台账.xlsx');

    expect(job).toMatchObject({ status: 'done', fileName: '狮山镇台账.xlsx', processedRows: 6, startedBy: { id: townshipA.user.id }, failure: null });
    expect(reportOf(job)).toEqual({
      totalRows: 6,
      imported: 2,
      duplicates: [],
      rejected: [
        { row: 4, reasons: ['户主身份证号：身份证号校验位不对，请逐位核对'] },
        { row: 5, reasons: ['村（社区）：请填写村（社区）'] },
        { row: 6, reasons: ['隐患类型：“洪水”不是可选的值（滑坡、泥石流、崩塌、地面塌陷、生态脆弱区、其他）'] },
        { row: 7, reasons: ['户主身份证号：与第 2 行是同一户，同一户只能登记一次'] },
      ],
    });
    const stored = await registrations().find({ source: 'import' }).sort({ 'household.head.name': 1 }).toArray();
    expect(stored.map((r) => [r.household.head.name, r.status, r.memberCount, r.divisionCode])).toEqual([
      ['刘桂花', 'submitted', 2, township(0).children[0].code],
      ['陈光荣', 'submitted', 1, township(0).children[0].code],
    ]);
    expect(stored[1].household.head.specialStatus).toEqual(['dibao', 'disabled']);
    expect(stored[1].wishes).toMatchObject({ willingness: 'willing', resettlementType: 'urban', preferredMoveMonth: '2026-09' });
    expect(stored[1].enteredBy).toEqual({ staffId: townshipA.user.id, name: townshipA.user.displayName });
    expect(JSON.stringify(stored)).not.toContain(String(first.户主身份证号));

    const again = await importLedger(townshipA, file, '狮山镇台账.xlsx');
    expect(again).toMatchObject({ totalRows: 6, imported: 0, duplicates: [{ row: 2, headName: '陈光荣' }, { row: 3, headName: '刘桂花' }] });
    expect(again.rejected).toHaveLength(4);
    expect(await registrations().countDocuments({ source: 'import' })).toBe(2);

    await awaitAudit({ action: 'registration.import.finish', detail: { $regex: again.id } });
    const audits = await auditLogs().find({ action: /^registration\.import/, actorId: townshipA.user.id }).sort({ _id: 1 }).toArray();
    expect(audits.slice(-4).map((audit) => [audit.action, JSON.parse(audit.detail)])).toEqual([
      ['registration.import', { importId: job.id, fileName: '狮山镇台账.xlsx', rows: 6 }],
      ['registration.import.finish', { importId: job.id, status: 'done', rows: 6, processed: 6, imported: 2, duplicates: 0, rejected: 4 }],
      ['registration.import', { importId: again.id, fileName: '狮山镇台账.xlsx', rows: 6 }],
      ['registration.import.finish', { importId: again.id, status: 'done', rows: 6, processed: 6, imported: 0, duplicates: 2, rejected: 4 }],
    ]);
  });

  it('counts a household already registered by other means as a duplicate', async () => {
    const idNumber = buildIdNumber();
    const body = buildSubmitBody(villageOf(t.county, 0), { household: { head: { ...buildHouseholdInput('').head, idNumber } } });
    await t.services.registrations.create({
      household: householdSchema.parse(body.household),
      wishes: wishesSchema.parse(body.wishes),
      source: 'resident',
      submitter: { kind: 'resident', id: 'x', name: 'x' },
      idempotencyKey: `test:${newIdempotencyKey()}`,
    });
    const job = await importLedger(townshipA, await ledgerFile([goodRow(0, { 户主姓名: '李建国', 户主身份证号: idNumber })]));
    expect(job).toMatchObject({ imported: 0, duplicates: [{ row: 2, headName: '李建国' }], rejected: [] });
  });

  it('rejects rows outside the caller’s township', async () => {
    const job = await importLedger(townshipB, await ledgerFile([goodRow(0, { 户主姓名: '越界户' }), goodRow(1, { 户主姓名: '本镇户' })]));
    expect(job).toMatchObject({
      imported: 1,
      rejected: [{ row: 2, reasons: [`村（社区）：${township(0).name}${township(0).children[0].name}不在您的管辖范围内`] }],
    });
    expect(await registrations().countDocuments({ 'household.head.name': '越界户' })).toBe(0);
  });

  it('names each problem of a row by its column, members included', async () => {
    const job = await importLedger(
      admin,
      await ledgerFile([
        goodRow(0, {
          联系电话: '12345',
          搬迁意愿: '不愿意',
          安置方式: '',
          成员2姓名: '张小花',
          成员2与户主关系: '表亲',
          成员2身份证号: withCheckDigit('53232920100101001'),
          成员2劳动能力: '无劳动能力',
        }),
      ]),
    );
    expect(job.rejected).toEqual([
      {
        row: 2,
        reasons: ['联系电话：请输入 11 位手机号', '原因说明：不愿意搬迁时请填写原因', '成员2与户主关系：“表亲”不是可选的值（配偶、子女、父母、孙子女、祖父母、兄弟姐妹、儿媳/女婿、其他）'],
      },
    ]);
  });

  it('does not return an imported registration, which nobody could correct; rejected, its corrected row imports again', async () => {
    const row = goodRow(0, { 户主姓名: '周德胜', 住址: '五组' });
    const first = await importLedger(townshipA, await ledgerFile([row]));
    expect(first.imported).toBe(1);
    const stored = await registrations().findOne({ 'household.head.name': '周德胜' });
    const id = stored!._id.toHexString();
    const staff = asStaff(townshipA);

    expect((await staff.get(`/api/registrations/${id}`)).body).toMatchObject({ allowedActions: ['accept'], correctable: false });
    expect((await asStaff(admin).get(`/api/registrations/${id}`)).body.allowedActions).toEqual(['accept', 'reject']);
    const returned = await staff.post(`/api/registrations/${id}/return`, { reason: '住址不完整，请补充门牌号' });
    expect([returned.status, returned.body.error.code]).toEqual([409, 'REGISTRATION_NOT_CORRECTABLE']);
    expect((await registrations().findOne({ _id: stored!._id }))!.status).toBe('submitted');

    await asStaff(admin).post(`/api/registrations/${id}/reject`, { reason: '住址不完整，改正台账后重新导入' }).expect(200);
    const again = await importLedger(townshipA, await ledgerFile([{ ...row, 住址: '五组 7 号' }]));
    expect(again).toMatchObject({ imported: 1, duplicates: [] });
    const current = await registrations().findOne({ 'household.head.name': '周德胜', status: 'submitted' });
    expect(current!.household.address).toBe('五组 7 号');
  });

  it('answers at once and lets the caller follow the import, which grows to the full report', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => goodRow(0, { 户主姓名: numberedName('进度户', i) }));
    rows[99] = goodRow(0, { 户主姓名: '缺村户', '村（社区）': '' });
    const started = await upload(townshipA, await ledgerFile(rows), '进度.xlsx');
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', totalRows: 120, processedRows: 0, imported: 0, finishedAt: null });

    const seen: number[] = [];
    let job: LedgerImportJob = started.body;
    while (job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await townshipA.agent.get(`/api/registration-imports/${started.body.id}`).expect(200)).body;
      seen.push(job.processedRows);
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(job).toMatchObject({ status: 'done', processedRows: 120, imported: 119, rejected: [{ row: 101, reasons: ['村（社区）：请填写村（社区）'] }] });
    expect(await registrations().countDocuments({ 'household.head.name': /^进度户/ })).toBe(119);

    // Staff above the caller's township may open it; another township may not, nor see it listed.
    await admin.agent.get(`/api/registration-imports/${job.id}`).expect(200);
    const refused = await townshipB.agent.get(`/api/registration-imports/${job.id}`);
    expect({ status: refused.status, message: refused.body.error.message }).toEqual({ status: 404, message: '没有找到这次导入' });
    expect((await townshipB.agent.get('/api/registration-imports').expect(200)).body.items.map((item: { id: string }) => item.id)).not.toContain(job.id);

    const [latest] = (await townshipA.agent.get('/api/registration-imports').expect(200)).body.items;
    expect(latest).toEqual({
      id: job.id,
      status: 'done',
      fileName: '进度.xlsx',
      startedBy: { id: townshipA.user.id, name: townshipA.user.displayName },
      totalRows: 120,
      processedRows: 120,
      imported: 119,
      duplicateCount: 0,
      rejectedCount: 1,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      failure: null,
    });
  });

  it('stops a running import at shutdown as interrupted, and the same file again imports only the rest', async () => {
    const file = await ledgerFile(Array.from({ length: 150 }, (_, i) => goodRow(0, { 户主姓名: numberedName('中断户', i) })));
    const started = await upload(townshipA, file);
    expect(started.status).toBe(202);
    await t.services.ledgerImport.stopJobs();

    const interrupted: LedgerImportJob = (await townshipA.agent.get(`/api/registration-imports/${started.body.id}`).expect(200)).body;
    expect(interrupted).toMatchObject({ status: 'interrupted', failure: '导入过程中服务器重启，导入已中断。' });
    expect(interrupted.processedRows).toBeLessThan(150);
    expect(await registrations().countDocuments({ 'household.head.name': /^中断户/ })).toBe(interrupted.imported);

    const resumed = await importLedger(townshipA, file);
    expect(resumed).toMatchObject({ status: 'done', imported: 150 - interrupted.imported });
    expect(resumed.duplicates).toHaveLength(interrupted.imported);
    expect(await registrations().countDocuments({ 'household.head.name': /^中断户/ })).toBe(150);
  });

  it('ends an import that hits an unexpected error as failed, keeping the rows imported before it', async () => {
    const create = t.services.registrations.create;
    let calls = 0;
    const failOnThird = jest.spyOn(t.services.registrations, 'create').mockImplementation((input) => {
      calls += 1;
      return calls === 3 ? Promise.reject(new Error('database went away')) : create(input);
    });
    try {
      const job = await importLedger(townshipA, await ledgerFile(Array.from({ length: 5 }, (_, i) => goodRow(0, { 户主姓名: numberedName('故障户', i) }))));
      expect(job).toMatchObject({ status: 'failed', processedRows: 2, imported: 2, failure: '导入过程中出现意外错误，导入已中断。' });
      expect(await registrations().countDocuments({ 'household.head.name': /^故障户/ })).toBe(2);
      expect(await awaitAudit({ action: 'registration.import.finish', detail: { $regex: job.id } })).toMatchObject({ result: 'failure', detail: expect.stringContaining('"status":"failed"') });
    } finally {
      failOnThird.mockRestore();
    }
  });

  it('marks an import left running by a process that died as interrupted', async () => {
    const jobs = t.connection.db!.collection('ledger_import_jobs');
    const longAgo = new Date(Date.now() - 10 * 60_000);
    const { insertedId } = await jobs.insertOne({
      status: 'running',
      fileName: '台账.xlsx',
      divisionCode: townshipA.user.divisionCode,
      startedBy: { id: townshipA.user.id, name: townshipA.user.displayName },
      totalRows: 500,
      processedRows: 200,
      imported: 200,
      duplicates: [],
      rejected: [],
      duplicateCount: 0,
      rejectedCount: 0,
      failure: null,
      startedAt: longAgo,
      heartbeatAt: longAgo,
      finishedAt: null,
    });

    expect(await t.services.ledgerImport.markAbandonedJobs()).toBe(1);
    const job = (await townshipA.agent.get(`/api/registration-imports/${insertedId.toHexString()}`).expect(200)).body;
    expect(job).toMatchObject({ status: 'interrupted', processedRows: 200, failure: '导入过程中服务器重启，导入已中断。' });
  });

  it.each([
    ['a text file named .xlsx', Buffer.from('序号,乡镇,村\n1,城关镇,一村\n')],
    ['a zip that is not a workbook', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 0)])],
  ])('refuses %s with LEDGER_FILE_INVALID', async (_name, content) => {
    const response = await upload(townshipA, content);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('LEDGER_FILE_INVALID');
    expect(await auditLogs().findOne({ action: 'registration.import', detail: 'LEDGER_FILE_INVALID' })).toMatchObject({ result: 'failure' });
  });

  it('refuses a sheet without the template’s columns', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('登记信息').addRow(['户主姓名', '户主身份证号', '备注']);
    const response = await upload(townshipA, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'LEDGER_FILE_INVALID', message: expect.stringContaining('乡镇、村（社区）') });
  });
});

describe('the ledger a county accounts with (issue 11)', () => {
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.staffAgent('county_admin');
    await seedDemoSubsidies(t);
  });
  afterAll(() => t.close());

  it('gives the notice period, approval date and fixed subsidy of each household, and a sheet with one row per person', async () => {
    const flow = registrationFlow(t);
    const id = await flow.inStatus('approved');
    const approvedOn = t.clock.today();
    const { subsidy, noticeStartDate, noticeEndDate, household } = (await registrations().findOne({ _id: new Types.ObjectId(id) }))!;
    expect(subsidy.totalFen).toBeGreaterThan(0);

    const response = await download(admin, '/api/registrations/export', { status: 'approved' });
    const [header, row] = await sheetRows(response.body);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('公示开始日期')).toBe(noticeStartDate);
    expect(cell('公示结束日期')).toBe(noticeEndDate);
    expect(cell('审批日期')).toBe(approvedOn);
    expect(Number(cell('核定补助合计（元）'))).toBe(subsidy.totalFen / 100);
    expect(cell('补助明细（元）')).toContain(`${subsidy.lineItems[0].name} ${subsidy.lineItems[0].subtotalFen / 100}`);
    expect(cell('补助标准')).toBe(subsidy.ruleSetName);

    const [memberHeader, ...people] = await sheetRows(response.body, MEMBERS_SHEET);
    expect(memberHeader).toEqual(MEMBER_COLUMNS.map((column) => column.header));
    expect(people.map((person) => [person[0], person[5], person[6], person[7]])).toEqual([
      ['1', household.head.name, '户主', household.head.idNumberMasked],
      ['2', '王秀英', '配偶', household.members[0].idNumberMasked],
    ]);
    expect(people[1][memberHeader.indexOf('户主姓名')]).toBe(household.head.name);
  });

  it('exports only what 可审批 lists: on notice, the period over, no open objection', async () => {
    const flow = registrationFlow(t);
    const ready = await flow.inStatus('publicizing');
    const { noticeEndDate } = (await registrations().findOne({ _id: new Types.ObjectId(ready) }))!;
    endNoticePeriod(t, { endDate: noticeEndDate });
    await flow.inStatus('publicizing');

    const rows = (await sheetRows((await download(admin, '/api/registrations/export', { approvable: 'true' })).body)).slice(1);

    const listed = (await admin.agent.get('/api/registrations').query({ approvable: 'true' })).body;
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([ready]);
    expect(rows.map((r) => r[3])).toEqual([listed.items[0].headName]);
  });
});
