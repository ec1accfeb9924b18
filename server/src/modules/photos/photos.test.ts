import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Types } from 'mongoose';
import { MAX_PHOTO_BYTES } from '@anqian/shared';
import { buildSubmitBody, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let resident: string;

beforeAll(async () => {
  t = await createTestApp();
  resident = (await t.residentToken()).token;
});
afterAll(() => t.close());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(40, 1)]);

/** Every file under the upload folder, wherever it sits. */
const storedFiles = (dir = t.config.uploadDir): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? storedFiles(full) : [full];
  });
const photos = () => t.connection.db!.collection('photos');
const ownerOf = async (id: string) => ({ kind: 'resident' as const, id: (await photos().findOne({ _id: new Types.ObjectId(id) }))!.owner.id as string });

const uploadAsResident = (token: string, content: Buffer, filename: string, contentType: string) =>
  t.request().post('/api/resident/photos').set('Authorization', `Bearer ${token}`).attach('file', content, { filename, contentType });

describe('uploading a photo', () => {
  it.each([
    ['JPEG', JPEG, 'image/jpeg'],
    ['PNG', PNG, 'image/png'],
    ['WebP', WEBP, 'image/webp'],
  ])('accepts a %s, decided by its content, and stores its bytes outside the database', async (_name, content, mimeType) => {
    // A misleading name and declared type change nothing.
    const response = await uploadAsResident(resident, content, 'photo.txt', 'application/octet-stream');

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.stringMatching(/^[a-f\d]{24}$/), mimeType, size: content.length, uploadedAt: expect.any(String) });
    const stored = await photos().findOne({ _id: new Types.ObjectId(response.body.id) });
    expect(stored).toMatchObject({ owner: { kind: 'resident' }, mimeType, size: content.length, divisionCode: null, attachedAt: null });
    expect(readFileSync(path.join(t.config.uploadDir, stored!.path))).toEqual(content);

    const fetched = await t.request().get(`/api/resident/photos/${response.body.id}`).set('Authorization', `Bearer ${resident}`).responseType('blob');
    expect(fetched.status).toBe(200);
    expect(fetched.headers['content-type']).toBe(mimeType);
    expect(fetched.headers['cache-control']).toMatch(/^private\b/);
    expect(fetched.headers['x-content-type-options']).toBe('nosniff');
    expect(fetched.body).toEqual(content);
  });

  it.each([
    ['a text file named .jpg', Buffer.from('just some notes, not a picture\n'), 'house.jpg', 'image/jpeg'],
    ['an HTML page declared as PNG', Buffer.from('<html><script>alert(1)</script></html>'), 'house.png', 'image/png'],
  ])('refuses %s and keeps nothing', async (_name, content, filename, contentType) => {
    const before = await photos().countDocuments();

    const response = await uploadAsResident(resident, content, filename, contentType);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('PHOTO_TYPE_INVALID');
    expect(response.body.error.details).toEqual([{ field: 'file', message: expect.any(String) }]);
    expect(await photos().countDocuments()).toBe(before);
    expect(storedFiles().filter((file) => file.includes('incoming'))).toEqual([]);
  });

  it('refuses a photo one byte over 5 MB with 413, naming the limit, and stores nothing on disk', async () => {
    const filesBefore = storedFiles();
    const before = await photos().countDocuments();
    const tooBig = Buffer.concat([JPEG.subarray(0, 4), Buffer.alloc(MAX_PHOTO_BYTES + 1 - 4, 1)]);

    const response = await uploadAsResident(resident, tooBig, 'big.jpg', 'image/jpeg');

    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(response.body.error.message).toContain('5 兆');
    expect(await photos().countDocuments()).toBe(before);
    expect(storedFiles()).toEqual(filesBefore);
  });

  it('refuses a body declared far over the limit without waiting for it', async () => {
    const { port } = t.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port, path: '/api/resident/photos', method: 'POST' },
        (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => {
            resolve({ status: response.statusCode!, body });
            request.destroy();
          });
        },
      );
      request.setHeader('Authorization', `Bearer ${resident}`);
      request.setHeader('Content-Type', 'multipart/form-data; boundary=xyz');
      request.setHeader('Content-Length', String(50 * 1024 * 1024));
      request.on('error', reject);
      request.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.message).toContain('5 兆');
  });

  it('accepts a photo of exactly 5 MB', async () => {
    const atLimit = Buffer.concat([JPEG.subarray(0, 4), Buffer.alloc(MAX_PHOTO_BYTES - 4, 1)]);
    const response = await uploadAsResident(resident, atLimit, 'big.jpg', 'image/jpeg');
    expect(response.status).toBe(201);
    expect(response.body.size).toBe(MAX_PHOTO_BYTES);
  });

  it('asks for a file when the request carries none', async () => {
    const json = await t.request().post('/api/resident/photos').set('Authorization', `Bearer ${resident}`).send({ file: 'x' });
    const otherField = await t.request().post('/api/resident/photos').set('Authorization', `Bearer ${resident}`).attach('picture', PNG, 'a.png');
    for (const response of [json, otherField]) {
      expect(response.status).toBe(400);
      expect(response.body.error.details).toEqual([{ field: 'file', message: '请选择要上传的照片' }]);
    }
  });

  it('needs the privacy consent', async () => {
    const { token } = await t.residentToken(undefined, false);
    const response = await uploadAsResident(token, PNG, 'a.png', 'image/png');
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('CONSENT_REQUIRED');
  });
});

describe('who may see a photo', () => {
  let photoId: string;
  const township = (index: number) => t.county.children[index];

  beforeAll(async () => {
    photoId = (await uploadAsResident(resident, PNG, 'house.png', 'image/png')).body.id;
  });

  const staffGet = (agent: Awaited<ReturnType<TestApp['staffAgent']>>, id = photoId) => agent.agent.get(`/api/photos/${id}`).responseType('blob');

  it('shows a resident only their own photos', async () => {
    const other = (await t.residentToken()).token;
    const response = await t.request().get(`/api/resident/photos/${photoId}`).set('Authorization', `Bearer ${other}`);
    expect(response.status).toBe(404);
  });

  it('hides an unattached resident photo from staff, then shows it to staff of its area once attached', async () => {
    const inArea = await t.staffAgent('township_staff', { townshipIndex: 0 });
    const otherTownship = await t.staffAgent('township_staff', { townshipIndex: 1 });
    const cadre = await t.staffAgent('village_cadre', { townshipIndex: 0 });
    const county = await t.staffAgent('county_admin');
    expect((await staffGet(inArea)).status).toBe(404);

    await t.services.photos.attach({ ids: [photoId], owner: await ownerOf(photoId), target: 'registration:a', divisionCode: township(0).children[0].code, field: 'household.photoIds' });

    for (const allowed of [inArea, cadre, county]) {
      const response = await staffGet(allowed);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.body).toEqual(PNG);
    }
    const refused = await staffGet(otherTownship);
    expect(refused.status).toBe(404);
    expect(refused.body.toString()).not.toContain('PNG');
  });

  it('lets staff upload visit photos that only they see until attached', async () => {
    const uploader = await t.staffAgent('village_cadre', { townshipIndex: 1 });
    const colleague = await t.staffAgent('township_staff', { townshipIndex: 1 });
    const upload = await uploader.agent.post('/api/photos').set('X-CSRF-Token', uploader.csrf).attach('file', JPEG, 'visit.jpg');
    expect(upload.status).toBe(201);

    expect((await staffGet(uploader, upload.body.id)).status).toBe(200);
    expect((await staffGet(colleague, upload.body.id)).status).toBe(404);
    const audit = await t.connection.db!.collection('audit_logs').findOne({ action: 'photo.upload', targetId: upload.body.id });
    expect(audit).toMatchObject({ result: 'success', actorId: uploader.user.id });
  });
});

describe('attaching photos', () => {
  it('refuses ids that are unknown or uploaded by someone else, naming the field, and attaches nothing', async () => {
    const mine = (await uploadAsResident(resident, PNG, 'a.png', 'image/png')).body.id;
    const other = (await t.residentToken()).token;
    const theirs = (await uploadAsResident(other, PNG, 'b.png', 'image/png')).body.id;
    const owner = await ownerOf(mine);
    const village = t.county.children[0].children[0].code;

    for (const ids of [[mine, theirs], [mine, '0123456789abcdef01234567']]) {
      await expect(t.services.photos.attach({ ids, owner, target: 'registration:b', divisionCode: village, field: 'household.photoIds' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'household.photoIds', message: '照片不存在或不是您上传的' }],
      });
    }
    expect(await photos().countDocuments({ divisionCode: { $ne: null }, _id: { $in: [mine, theirs].map((id) => new Types.ObjectId(id)) } })).toBe(0);
  });

  it('keeps a photo with the registration it was first attached to: another registration cannot take it', async () => {
    const photo = (await uploadAsResident(resident, PNG, 'house.png', 'image/png')).body.id;
    const submit = (villageCode: string) => {
      const body = buildSubmitBody(villageCode);
      return t
        .request()
        .post('/api/resident/registrations')
        .set('Authorization', `Bearer ${resident}`)
        .send({ ...body, household: { ...body.household, photoIds: [photo] } });
    };
    const first = await submit(villageOf(t.county, 0));
    expect(first.status).toBe(201);

    const second = await submit(villageOf(t.county, 1));

    expect(second.status).toBe(400);
    expect(second.body.error.details).toEqual([{ field: 'body.household.photoIds', message: '照片已用于另一份登记，请重新拍摄或上传' }]);
    const firstTownship = await t.staffAgent('township_staff', { townshipIndex: 0 });
    const shown = await firstTownship.agent.get(`/api/photos/${photo}`).responseType('blob');
    expect([shown.status, shown.body]).toEqual([200, PNG]);
    const listed = await firstTownship.agent.get(`/api/registrations/${first.body.id}`);
    expect(listed.body.household.photos.map((ref: { id: string }) => ref.id)).toEqual([photo]);
  });

  it('returns references in the order asked for', async () => {
    const first = (await uploadAsResident(resident, PNG, 'a.png', 'image/png')).body;
    const second = (await uploadAsResident(resident, JPEG, 'b.jpg', 'image/jpeg')).body;
    expect(await t.services.photos.refs([second.id, first.id])).toEqual([second, first]);
  });
});

describe('cleaning up', () => {
  it('deletes photos never attached after a day, file and record, and keeps attached ones', async () => {
    const abandoned = (await uploadAsResident(resident, PNG, 'a.png', 'image/png')).body.id;
    const used = (await uploadAsResident(resident, PNG, 'b.png', 'image/png')).body.id;
    await t.services.photos.attach({ ids: [used], owner: await ownerOf(used), target: 'registration:c', divisionCode: t.county.children[0].children[0].code, field: 'photoIds' });
    const abandonedPath = path.join(t.config.uploadDir, (await photos().findOne({ _id: new Types.ObjectId(abandoned) }))!.path);

    expect(await t.services.photos.purgeUnattached(new Date(Date.now() + 23 * 3600_000))).toBe(0);
    const removed = await t.services.photos.purgeUnattached(new Date(Date.now() + 25 * 3600_000));

    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await photos().countDocuments({ _id: new Types.ObjectId(abandoned) })).toBe(0);
    expect(() => statSync(abandonedPath)).toThrow();
    expect(await photos().countDocuments({ _id: new Types.ObjectId(used) })).toBe(1);
  });
});
