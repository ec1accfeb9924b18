import { asStaff, registrationFlow, villageOf } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

let t: TestApp;
let flow: ReturnType<typeof registrationFlow>;
let noticeId: string;

beforeAll(async () => {
  t = await createTestApp();
  flow = registrationFlow(t);
  const ids = [];
  for (let index = 0; index < 3; index += 1) ids.push(await flow.inStatus('verified', { villageCode: villageOf(t.county, 0, index) }));
  noticeId = (await flow.publicize(ids)).id;
});
afterAll(() => t.close());

/** The PDF's raw bytes (supertest buffers binary bodies only when asked). */
const download = (staff: ReturnType<typeof asStaff>, id: string) =>
  staff.get(`/api/public-notices/${id}/pdf`).buffer(true).parse((response, callback) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => callback(null, Buffer.concat(chunks)));
  });

describe('GET /api/public-notices/:id/pdf', () => {
  it('answers an A4 PDF of the notice, named after its title, to staff of its area', async () => {
    const township = asStaff(await t.staffAgent('township_staff'));
    const cadre = asStaff(await t.staffAgent('village_cadre', { divisionCode: villageOf(t.county, 0, 1) }));

    const response = await download(township, noticeId);
    const byCadre = await download(cadre, noticeId);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent('第一批避险搬迁农户公示.pdf')}`);
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 in points, and the Chinese font embedded (subset) rather than a standard font.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
    expect(byCadre.status).toBe(200);
  });

  it('answers 404 to staff of another township, as for the notice itself', async () => {
    const otherTownship = asStaff(await t.staffAgent('township_staff', { townshipIndex: 1 }));

    const response = await otherTownship.get(`/api/public-notices/${noticeId}/pdf`);

    expect([response.status, response.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('answers 503 with a way out when the server has no Chinese font', async () => {
    const fontless = await createTestApp({ CJK_FONT_PATH: '/nonexistent/wqy-microhei.ttc' });
    try {
      const id = await registrationFlow(fontless).inStatus('verified');
      const notice = await registrationFlow(fontless).publicize([id]);
      const staff = asStaff(await fontless.staffAgent('county_admin'));

      const response = await staff.get(`/api/public-notices/${notice.id}/pdf`);

      expect([response.status, response.body.error.code]).toEqual([503, 'PDF_FONT_MISSING']);
      expect(response.body.error.message).toContain('另存为 PDF');
    } finally {
      await fontless.close();
    }
  });
});
