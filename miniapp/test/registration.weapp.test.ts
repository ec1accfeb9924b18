/**
 * The compiled 办事 tab and the registration form (a subpackage page) in miniprogram-simulate:
 * the entries a resident sees, the separate ID-number consent in front of the form, and the first
 * step refusing to go on with its messages under the fields, in large-text mode.
 */
import type { Resident, ResidentRegistration } from '@anqian/shared';
import { startWeapp, tapText, textOf, waitForText, type FakeServer } from './weapp-simulate';

const resident: Resident = {
  id: '665f1c2e8a1b2c3d4e5f6a70',
  phoneMasked: null,
  cadre: null,
  consent: { version: 'v1', acceptedAt: '2025-01-01T00:00:00.000Z', sensitive: false },
  currentPrivacyVersion: 'v1',
};

const person = { idNumberMasked: '532329********001X', age: 56, gender: 'male' as const, workAbility: 'full' as const, specialStatus: [] };
const registration: ResidentRegistration = {
  id: '665f1c2e8a1b2c3d4e5f6a71',
  status: 'accepted',
  statusLabel: '已受理',
  nextStep: '乡镇工作人员会上门核实房屋情况。',
  household: {
    head: { ...person, name: '张德福', phoneMasked: '138****8000' },
    members: [],
    villageCode: '532329101001',
    villageName: '东岳社区',
    townshipCode: '532329101000',
    townshipName: '狮山镇',
    address: '三组 18 号',
    hazard: { type: 'landslide' },
    house: { structure: 'earth_wood', floorArea: 86.5, yearBuilt: 1992 },
    photos: ['665f1c2e8a1b2c3d4e5f6a81', '665f1c2e8a1b2c3d4e5f6a82'].map((id) => ({ id, mimeType: 'image/jpeg', size: 20_000, uploadedAt: '2026-11-20T02:00:00.000Z' })),
  },
  wishes: { willingness: 'willing', resettlementType: 'centralized', reasons: '房后山体开裂' },
  timeline: [{ action: 'submit', from: null, to: 'submitted', at: '2026-11-20T02:00:00.000Z', actorLabel: '本人' }],
  canWithdraw: false,
  canResubmit: false,
  enteredByCadre: false,
  submittedAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-21T02:00:00.000Z',
};

const server: FakeServer = ({ url, method }) => {
  if (method === 'DOWNLOAD') {
    const photo = /\/resident\/photos\/(\w+)$/.exec(url);
    return photo ? { statusCode: 200, data: `wxfile://tmp/${photo[1]}.jpg` } : undefined;
  }
  if (url.endsWith(`/resident/registrations/${registration.id}`)) return { statusCode: 200, data: registration };
  if (url.endsWith('/resident/me')) return { statusCode: 200, data: resident };
  if (url.endsWith('/divisions')) {
    return { statusCode: 200, data: { code: '532329000000', name: '某县', level: 'county', children: [] } };
  }
  if (url.endsWith('/resident/sites')) return { statusCode: 200, data: { items: [] } };
  if (url.endsWith('/resident/subscribe-templates')) return { statusCode: 200, data: { registration_status: 'tmpl-1' } };
  return undefined;
};

describe('weapp registration entry (compiled)', () => {
  let weapp: ReturnType<typeof startWeapp>;

  beforeAll(() => {
    weapp = startWeapp({
      server,
      storage: new Map<string, unknown>([
        ['aq.settings.v1', { largeText: true }],
        ['aq.tokens.v1', { accessToken: 'access', refreshToken: 'refresh-token-value', expiresAt: Date.now() + 3_600_000 }],
        ['aq.resident.v1', resident],
      ]),
    });
  });

  it('办事 lists the three registration entries, and mentions an unfinished draft', async () => {
    weapp.storage.set('aq.registration-draft.v1.self', {
      idempotencyKey: 'k'.repeat(32),
      step: 1,
      head: { name: '张德福', idNumber: '', phone: '', workAbility: '', specialStatus: [] },
      members: [],
      photos: [],
      wishes: {},
    });
    const page = weapp.render('pages/services/index');
    await waitForText(page, '您有没填完的登记');
    const text = textOf(page);
    expect(text).toContain('搬迁意愿登记');
    expect(text).toContain('我的登记');
    expect(text).toContain('您有没填完的登记，点这里接着填');
    weapp.storage.delete('aq.registration-draft.v1.self');
  });

  it('the form first explains why ID numbers need consent, then opens once it is given', async () => {
    const page = weapp.render('subpackages/registration/pages/form/index');
    await waitForText(page, '需要您同意处理身份证号');
    expect(textOf(page)).toContain('去阅读并同意');
    expect(textOf(page)).not.toContain('户主姓名');

    // The resident agrees on the privacy page and comes back: the app re-reads the resident.
    resident.consent = { ...resident.consent!, sensitive: true };
    weapp.showApp();
    await waitForText(page, '第 1 步，共 6 步');
    const text = textOf(page);
    for (const label of ['户主信息', '户主姓名', '户主身份证号', '联系电话', '户主劳动能力', '有劳动能力', '低保']) {
      expect(text).toContain(label);
    }
    expect(page.querySelector('.aq-page')!.dom.className).toContain('aq-page--large');
  });

  it('下一步 on an empty first step shows every message and stays on the step', async () => {
    const page = weapp.render('subpackages/registration/pages/form/index');
    await waitForText(page, '第 1 步，共 6 步');
    tapText(page, '.aq-btn', '下一步');
    await waitForText(page, '还有 4 处需要修改');
    const text = textOf(page);
    expect(text).toContain('请输入姓名');
    expect(text).toContain('身份证号应为 18 位');
    expect(text).toContain('请输入 11 位手机号');
    expect(text).toContain('请选择劳动能力');
    expect(text).toContain('第 1 步，共 6 步');

    // Choosing a chip clears its message at once and is saved as a draft.
    tapText(page, '.rg-chip', '有劳动能力');
    await waitForText(page, '还有 3 处需要修改');
    const saved = weapp.storage.get('aq.registration-draft.v1.self') as { head: { workAbility: string }; idempotencyKey: string };
    expect(saved.head.workAbility).toBe('full');
    expect(saved.idempotencyKey).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('我的登记 shows the household photos only when asked, downloading each', async () => {
    const page = weapp.render('subpackages/registration/pages/detail/index', { id: registration.id });
    await waitForText(page, '房屋照片（2 张）');
    expect(weapp.requests.filter((request) => request.method === 'DOWNLOAD')).toEqual([]);

    tapText(page, '.aq-btn', '查看照片');

    // The simulator does not reflect an image's src, so: two pictures in place of the button.
    for (let attempt = 0; attempt < 100 && page.querySelectorAll('.rg-photo__image').length < 2; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.querySelectorAll('.rg-photo__image')).toHaveLength(2);
    expect(textOf(page)).not.toContain('查看照片');
    expect(weapp.requests.filter((request) => request.method === 'DOWNLOAD').map((request) => request.url.split('/api')[1])).toEqual(
      registration.household.photos.map((photo) => `/resident/photos/${photo.id}`),
    );
  });
});
