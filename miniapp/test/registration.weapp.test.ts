/**
 * The compiled 办事 tab and the registration form (a subpackage page) in miniprogram-simulate:
 * the entries a resident sees, the separate ID-number consent in front of the form, the first
 * step refusing to go on with its messages under the fields, in large-text mode, and a village
 * cadre correcting a returned registration they entered.
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

/** Entered by the village cadre for a household without a resident account, then returned by the township. */
const cadreEntered: ResidentRegistration = {
  ...registration,
  id: '665f1c2e8a1b2c3d4e5f6a72',
  status: 'returned',
  statusLabel: '退回补正',
  nextStep: '登记被退回，请按退回原因修改后重新提交。',
  household: { ...registration.household, head: { ...person, name: '李秀英', phoneMasked: '139****6000' }, photos: [] },
  timeline: [
    { action: 'submit', from: null, to: 'submitted', at: '2026-11-20T02:00:00.000Z', actorLabel: '村干部代填' },
    { action: 'return', from: 'submitted', to: 'returned', at: '2026-11-22T02:00:00.000Z', actorLabel: '乡镇工作人员', reason: '房屋面积与实测不符，请核对后重新填写' },
  ],
  canResubmit: true,
  enteredByCadre: true,
};
const cadreCorrections: { url: string; data: unknown }[] = [];

const server: FakeServer = ({ url, method, data }) => {
  if (url.endsWith('/resident/cadre/registrations')) return { statusCode: 200, data: { items: [cadreEntered] } };
  if (url.endsWith(`/resident/cadre/registrations/${cadreEntered.id}`)) {
    if (method !== 'PUT') return { statusCode: 200, data: cadreEntered };
    cadreCorrections.push({ url, data });
    return { statusCode: 200, data: { ...cadreEntered, status: 'submitted', statusLabel: '已提交', canResubmit: false } };
  }
  if (method === 'DOWNLOAD') {
    const photo = /\/resident\/photos\/(\w+)$/.exec(url);
    return photo ? { statusCode: 200, data: `wxfile://tmp/${photo[1]}.jpg` } : undefined;
  }
  if (url.endsWith(`/resident/registrations/${registration.id}`)) return { statusCode: 200, data: registration };
  if (url.endsWith('/resident/me')) return { statusCode: 200, data: resident };
  if (url.endsWith('/divisions')) {
    const village = { code: '532329101001', name: '东岳社区', level: 'village', children: [] };
    const township = { code: '532329101000', name: '狮山镇', level: 'township', children: [village] };
    return { statusCode: 200, data: { code: '532329000000', name: '某县', level: 'county', children: [township] } };
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
    await waitForText(page, '还有 4 处没填好');
    const text = textOf(page);
    expect(text).toContain('请输入姓名');
    expect(text).toContain('请填写身份证号码');
    expect(text).toContain('请输入 11 位手机号');
    expect(text).toContain('请选择劳动能力');
    expect(text).toContain('第 1 步，共 6 步');

    // Choosing a chip clears its message at once and is saved as a draft.
    tapText(page, '.rg-chip', '有劳动能力');
    await waitForText(page, '还有 3 处没填好');
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

  it('a village cadre corrects a returned registration they entered, from their list to the server', async () => {
    resident.consent = { ...resident.consent!, sensitive: true };
    resident.cadre = { displayName: '王支书', villageCode: '532329101001', villageName: '东岳社区' };
    weapp.showApp();
    const navigations = followNavigation();

    const list = weapp.render('subpackages/registration/pages/cadre-list/index');
    await waitForText(list, '李秀英户');
    list.querySelectorAll('.rg-row').find((row) => textOf(row).includes('李秀英户'))!.dispatchEvent('tap');
    await waitForText(list, '退回原因：房屋面积与实测不符，请核对后重新填写');
    expect(textOf(list)).not.toContain('撤回登记');
    tapText(list, '.aq-btn', '修改后重新提交');
    // Taro passes navigateTo through its interceptor chain before it reaches wx.
    for (let attempt = 0; attempt < 100 && navigations.length === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(navigations).toEqual([`/subpackages/registration/pages/form/index?resubmit=${cadreEntered.id}&mode=cadre`]);

    const form = weapp.render(...pageOf(navigations[0]));
    await waitForText(form, '第 1 步，共 6 步');
    expect(textOf(form)).toContain('退回原因：房屋面积与实测不符，请核对后重新填写');
    expect(textOf(form)).toContain('原来填写的是 532329********001X');
    expect(textOf(form)).toContain('原来填写的是 139****6000');
    expect(weapp.requests.map(({ url, method }) => `${method} ${url.split('/api')[1]}`)).toContain(
      `GET /resident/cadre/registrations/${cadreEntered.id}`,
    );

    // ID number and phone are shown masked, so they are typed again; everything else was kept.
    const [, idNumber, phone] = form.querySelectorAll('.rg-input');
    idNumber.dispatchEvent('input', { detail: { value: '11010519491231002X' } });
    phone.dispatchEvent('input', { detail: { value: '13900006000' } });
    for (let step = 2; step <= 6; step += 1) {
      tapText(form, '.aq-btn', '下一步');
      await waitForText(form, `第 ${step} 步，共 6 步`);
      // The village stays the cadre's own: shown, not picked.
      if (step === 3) expect(textOf(form)).toContain('村干部代填时只能登记本村的农户');
    }
    const draftKey = `aq.registration-draft.v1.resubmit.cadre.${cadreEntered.id}`;
    expect(weapp.storage.get(draftKey)).toMatchObject({ head: { name: '李秀英', phone: '13900006000' } });
    // The review shows the household as entered before, with the new numbers in full to check.
    for (const fact of ['李秀英', '11010519491231002X', '狮山镇 东岳社区', '三组 18 号', '86.5']) expect(textOf(form)).toContain(fact);
    tapText(form, '.aq-btn', '确认重新提交');
    await waitForText(form, '登记已提交成功');
    expect(textOf(form)).toContain('继续代登记下一户');
    expect(weapp.storage.has(draftKey)).toBe(false);
    expect(cadreCorrections).toHaveLength(1);
    expect(cadreCorrections[0].url).toMatch(new RegExp(`/api/resident/cadre/registrations/${cadreEntered.id}$`));
    expect(cadreCorrections[0].data).toMatchObject({
      household: { head: { name: '李秀英', idNumber: '11010519491231002X', phone: '13900006000' }, villageCode: '532329101001' },
    });
  });
});

/** Stands in for WeChat's page stack: records where `wx.navigateTo` was asked to go. */
function followNavigation(): string[] {
  const urls: string[] = [];
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  wx.navigateTo = ({ url, success }: { url: string; success?: (result: unknown) => void }) => {
    urls.push(url);
    success?.({ errMsg: 'navigateTo:ok' });
  };
  return urls;
}

/** A navigation URL as the page path and query `render` takes. */
function pageOf(url: string): [string, Record<string, string>] {
  const [pagePath, search = ''] = url.replace(/^\//, '').split('?');
  return [pagePath, Object.fromEntries(new URLSearchParams(search))];
}
