import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Types } from 'mongoose';
import { MAX_POLICY_ATTACHMENT_BYTES } from '@anqian/shared';
import { asResident } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { buildPolicyBody, staffClient, type StaffClient } from './policy-test-helpers';

let t: TestApp;
let admin: StaffClient;
let township: StaffClient;
let otherTownship: StaffClient;
let resident: ReturnType<typeof asResident>;

beforeAll(async () => {
  t = await createTestApp();
  admin = staffClient(await t.staffAgent('county_admin'));
  township = staffClient(await t.staffAgent('township_staff', { townshipIndex: 0 }));
  otherTownship = staffClient(await t.staffAgent('township_staff', { townshipIndex: 1 }));
  resident = asResident(t, (await t.residentToken()).token);
});
afterAll(() => t.close());

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.alloc(300, 0x20), Buffer.from('\n%%EOF\n')]);
const attachments = () => t.connection.db!.collection('policy_attachments');
const incoming = () => readdirSync(path.join(t.config.uploadDir, 'incoming'));

const pdfOf = async (request: ReturnType<StaffClient['get']>) => request.buffer(true).parse((res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
});

describe('uploading an attachment', () => {
  it('accepts a PDF by its content, keeps its UTF-8 name without the folder, and audits the upload', async () => {
    const response = await admin.upload('/api/policy-attachments', PDF, 'C:\\fakepath\\武定县搬迁补助标准（2026）.pdf', 'application/octet-stream');

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.stringMatching(/^[a-f\d]{24}$/), name: '武定县搬迁补助标准（2026）.pdf', size: PDF.length });
    const audit = await t.connection.db!.collection('audit_logs').findOne({ action: 'policy-attachment.upload', targetId: response.body.id });
    expect(audit).toMatchObject({ result: 'success', targetType: 'policy-attachment' });
  });

  it.each([
    ['an HTML page named .pdf', Buffer.from('<html><script>alert(1)</script></html>')],
    ['a PNG named .pdf', Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')],
    ['a PDF marker that is not at the start', Buffer.concat([Buffer.from(' '), PDF])],
  ])('refuses %s and keeps nothing', async (_name, content) => {
    const before = await attachments().countDocuments();

    const response = await admin.upload('/api/policy-attachments', content, '补助标准.pdf');

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'POLICY_ATTACHMENT_INVALID', details: [{ field: 'file', message: '文件内容不是 PDF' }] });
    expect(await attachments().countDocuments()).toBe(before);
    expect(incoming()).toEqual([]);
  });

  it('refuses a file one byte over 10 MB with 413 and keeps nothing', async () => {
    const before = await attachments().countDocuments();
    const tooBig = Buffer.concat([PDF.subarray(0, 8), Buffer.alloc(MAX_POLICY_ATTACHMENT_BYTES + 1 - 8, 0x20)]);

    const response = await admin.upload('/api/policy-attachments', tooBig, 'big.pdf');

    expect([response.status, response.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(response.body.error.message).toContain('10 MB');
    expect(await attachments().countDocuments()).toBe(before);
    expect(incoming()).toEqual([]);
  });

  it('shortens a very long name to 100 characters, keeping the extension', async () => {
    const response = await admin.upload('/api/policy-attachments', PDF, `${'很长的文件名'.repeat(30)}.pdf`);

    expect(Array.from(response.body.name as string)).toHaveLength(100);
    expect(response.body.name).toMatch(/^很长的文件名.*\.pdf$/);
  });
});

describe('attaching and opening', () => {
  it('lists attachments on the document and serves the PDF inline to staff, and to residents once published', async () => {
    const upload = (await township.upload('/api/policy-attachments', PDF, '本镇实施细则.pdf')).body;
    const created = await township.post('/api/policies', buildPolicyBody(t.county.children[0].code, { attachmentIds: [upload.id] }));

    expect(created.body).toMatchObject({ attachmentCount: 1, attachments: [upload] });
    expect((await resident.get(`/api/resident/policy-attachments/${upload.id}`)).status).toBe(404);
    expect((await otherTownship.get(`/api/policy-attachments/${upload.id}`)).status).toBe(404);

    await township.post(`/api/policies/${created.body.id}/publish`);
    const forStaff = await pdfOf(otherTownship.get(`/api/policy-attachments/${upload.id}`));
    const forResident = await resident.get(`/api/resident/policy-attachments/${upload.id}`).buffer(true);

    expect(forStaff.status).toBe(200);
    expect(forStaff.headers['content-type']).toBe('application/pdf');
    expect(forStaff.headers['content-disposition']).toBe(`inline; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent('本镇实施细则.pdf')}`);
    expect(forStaff.headers['x-content-type-options']).toBe('nosniff');
    expect(forStaff.body).toEqual(PDF);
    expect(forResident.status).toBe(200);
    expect((await resident.get(`/api/resident/policies/${created.body.id}`)).body.attachments).toEqual([upload]);
  });

  it('keeps an attachment removed from a published document readable through the earlier version', async () => {
    const first = (await admin.upload('/api/policy-attachments', PDF, '第一版附件.pdf')).body;
    const second = (await admin.upload('/api/policy-attachments', PDF, '第二版附件.pdf')).body;
    const created = (await admin.post('/api/policies', buildPolicyBody(t.county.code, { attachmentIds: [first.id] }))).body;
    await admin.post(`/api/policies/${created.id}/publish`);

    const edited = await admin.patch(`/api/policies/${created.id}`, { attachmentIds: [second.id] });

    expect(edited.body).toMatchObject({ version: 2, attachments: [second] });
    expect((await resident.get(`/api/resident/policies/${created.id}/versions/1`)).body.attachments).toEqual([first]);
    expect((await resident.get(`/api/resident/policy-attachments/${first.id}`)).status).toBe(200);
  });

  it('refuses someone else’s upload, naming the field, and attaches nothing', async () => {
    const theirs = (await admin.upload('/api/policy-attachments', PDF, '县里的附件.pdf')).body;

    const response = await otherTownship.post('/api/policies', buildPolicyBody(t.county.children[1].code, { attachmentIds: [theirs.id] }));

    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ field: 'body.attachmentIds.0', message: '附件不存在或不是您上传的' }]);
    expect(await attachments().findOne({ name: '县里的附件.pdf' })).toMatchObject({ policyIds: [], divisionCode: null });
  });
});

describe('attachments no document lists', () => {
  it('are deleted, record and file, a day after the upload; attached ones stay', async () => {
    const abandoned = (await admin.upload('/api/policy-attachments', PDF, '放弃的草稿附件.pdf')).body;
    const kept = (await admin.upload('/api/policy-attachments', PDF, '保留的附件.pdf')).body;
    await admin.post('/api/policies', buildPolicyBody(t.county.code, { attachmentIds: [kept.id] }));
    const stored = async (id: string) => attachments().findOne({ _id: new Types.ObjectId(id) });
    const file = path.join(t.config.uploadDir, (await stored(abandoned.id))!.path as string);

    // This file's other tests left unattached uploads too.
    const unattached = await attachments().countDocuments({ policyIds: { $size: 0 } });
    expect(await t.services.policies.purgeUnattachedAttachments()).toBe(0);
    const removed = await t.services.policies.purgeUnattachedAttachments(new Date(Date.now() + 25 * 60 * 60_000));

    expect(removed).toBe(unattached);
    expect(await attachments().countDocuments({ policyIds: { $size: 0 } })).toBe(0);
    expect(await stored(abandoned.id)).toBeNull();
    expect(existsSync(file)).toBe(false);
    expect((await admin.get(`/api/policy-attachments/${kept.id}`)).status).toBe(200);
  });
});
