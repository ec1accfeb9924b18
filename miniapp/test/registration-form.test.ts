/**
 * The registration form's logic without a device: the draft kept on the phone, the per-step checks
 * that decide whether the resident may go on (with the messages shown under the fields), and the
 * submit key that makes a retried submit harmless.
 */
import { submitRegistrationBodySchema, withCheckDigit, type ResidentRegistration } from '@anqian/shared';
import { draftFromRegistration, emptyDraft, type RegistrationDraft } from '../src/features/registration/draft';
import { clearAllDrafts, clearDraft, loadDraft, saveDraft } from '../src/features/registration/draft-storage';
import { fieldErrorsFromServer, stepOfField, validateDraft, validateMember, validateStep } from '../src/features/registration/validation';

const storage = new Map<string, unknown>();

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    // Like WeChat: a value goes through a structured copy, and a missing key reads as ''.
    getStorageSync: (key: string) => (storage.has(key) ? structuredClone(storage.get(key)) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, structuredClone(value)),
    removeStorageSync: (key: string) => void storage.delete(key),
    getStorageInfoSync: () => ({ keys: [...storage.keys()] }),
  },
}));

const HEAD_ID = withCheckDigit('53232919700101001');
const SPOUSE_ID = withCheckDigit('53232919720202002');
const VILLAGE = { townshipCode: '532329101000', villageCode: '532329101001' };

function filledDraft(): RegistrationDraft {
  const draft = emptyDraft(VILLAGE);
  return {
    ...draft,
    head: { name: '张德福', idNumber: HEAD_ID, phone: '13800138000', workAbility: 'full', specialStatus: ['dibao'] },
    members: [{ name: '李桂英', idNumber: SPOUSE_ID, relation: 'spouse', workAbility: 'weak', specialStatus: [] }],
    address: '狮山镇某某村民小组 12 号',
    hazard: { type: 'landslide', pointNumber: 'LS-2024-015' },
    house: { structure: 'earth_wood', floorArea: '96.5', yearBuilt: '1988' },
    wishes: { willingness: 'willing', resettlementType: 'urban', preferredSiteId: '', preferredMoveMonth: '', reasons: '' },
  };
}

beforeEach(() => storage.clear());

describe('draft kept on the phone', () => {
  it('restores exactly what was typed, per form, until it is cleared', () => {
    const own = { ...filledDraft(), step: 3 };
    const cadre = emptyDraft(VILLAGE);
    saveDraft('self', own);
    saveDraft('cadre', cadre);

    expect(loadDraft('self')).toEqual(own);
    expect(loadDraft('cadre')).toEqual(cadre);
    expect(loadDraft('resubmit.665f1c2e8a1b2c3d4e5f6a7b')).toBeNull();

    clearDraft('self');
    expect(loadDraft('self')).toBeNull();
    expect(loadDraft('cadre')).toEqual(cadre);
  });

  it('deletes every draft, and nothing else, when the resident withdraws consent', () => {
    saveDraft('self', filledDraft());
    saveDraft('resubmit.665f1c2e8a1b2c3d4e5f6a7b', filledDraft());
    storage.set('aq.session', { token: 'kept' });

    clearAllDrafts();

    expect([...storage.keys()]).toEqual(['aq.session']);
  });

  it('ignores a stored value that is not a draft instead of crashing the form', () => {
    storage.set('aq.registration-draft.v1.self', { step: 2 });
    expect(loadDraft('self')).toBeNull();
    storage.set('aq.registration-draft.v1.self', 'garbage');
    expect(loadDraft('self')).toBeNull();
  });
});

describe('submit key (idempotency)', () => {
  it('is 32 characters the server accepts, and different for every new draft', () => {
    const first = emptyDraft().idempotencyKey;
    const second = emptyDraft().idempotencyKey;
    expect(first).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(submitRegistrationBodySchema.shape.idempotencyKey.safeParse(first).success).toBe(true);
    expect(second).not.toBe(first);
  });

  it('stays the same through edits, app restarts and a failed submit, so a retry is the same submission', () => {
    const draft = filledDraft();
    saveDraft('self', draft);
    // The app is closed after a submit timed out; the resident reopens it, fixes a typo and retries.
    const restored = loadDraft('self')!;
    const edited = { ...restored, address: '狮山镇某某村民小组 14 号' };
    saveDraft('self', edited);

    const retried = loadDraft('self')!;
    expect(retried.idempotencyKey).toBe(draft.idempotencyKey);
    expect(retried.address).toBe('狮山镇某某村民小组 14 号');
  });
});

describe('step checks', () => {
  it('an empty 户主信息 step lists a Chinese message for every required field', () => {
    expect(validateStep('head', emptyDraft())).toEqual({
      'head.name': '请输入姓名',
      'head.idNumber': '请填写身份证号码',
      'head.phone': '请输入 11 位手机号',
      'head.workAbility': '请选择劳动能力',
    });
  });

  it('explains a mistyped ID number and accepts a lowercase x check character', () => {
    const draft = filledDraft();
    const typo = HEAD_ID.slice(0, 17) + (HEAD_ID[17] === '1' ? '2' : '1');
    expect(validateStep('head', { ...draft, head: { ...draft.head, idNumber: typo } })).toEqual({
      'head.idNumber': '身份证号码有一位不对，请对照身份证再看一遍',
    });
    expect(validateStep('head', { ...draft, head: { ...draft.head, idNumber: HEAD_ID.slice(0, 16) } })).toEqual({
      'head.idNumber': '身份证号码要填 18 位，最后一位可能是 X，请对照身份证再看一遍',
    });
    const withX = withCheckDigit('53232919800101000');
    expect(withX.endsWith('X')).toBe(true);
    expect(validateStep('head', { ...draft, head: { ...draft.head, idNumber: withX.toLowerCase() } })).toEqual({});
  });

  it('家庭成员: flags an incomplete member and an ID number used twice in the household', () => {
    const draft = filledDraft();
    const withTwin = {
      ...draft,
      members: [
        ...draft.members,
        { name: '张小福', idNumber: HEAD_ID, relation: 'child' as const, workAbility: 'full' as const, specialStatus: [] },
        { name: '', idNumber: '', relation: '' as const, workAbility: '' as const, specialStatus: [] },
      ],
    };
    const errors = validateStep('members', withTwin);
    expect(errors['members.1.idNumber']).toBe('这个身份证号码在这一户里已经填过了，每个人的号码都不一样，请对照身份证再看一遍');
    expect(errors['members.2.name']).toBe('请输入姓名');
    expect(errors['members.2.relation']).toBe('请选择与户主关系');
    expect(Object.keys(errors).some((field) => field.startsWith('members.0.'))).toBe(false);

    expect(validateMember(withTwin.members[1], withTwin, 1)).toEqual({
      idNumber: '这个身份证号码在这一户里已经填过了，每个人的号码都不一样，请对照身份证再看一遍',
    });
  });

  it('房屋与隐患: needs the village, address, hazard and house, with numbers that are numbers', () => {
    const errors = validateStep('house', emptyDraft());
    expect(Object.keys(errors).sort()).toEqual(
      ['address', 'hazard.type', 'house.floorArea', 'house.structure', 'house.yearBuilt', 'villageCode'].sort(),
    );
    expect(errors['house.floorArea']).toBe('请输入房屋面积（数字）');

    const draft = filledDraft();
    expect(validateStep('house', { ...draft, house: { ...draft.house, floorArea: '3', yearBuilt: '3000' } })).toEqual({
      'house.floorArea': '房屋面积不能小于 5 平方米',
      'house.yearBuilt': '建造年份不能晚于今年',
    });
  });

  it('搬迁意愿: 不愿意 needs a reason and drops earlier resettlement choices', () => {
    const draft = filledDraft();
    const unwilling = {
      ...draft,
      wishes: { ...draft.wishes, willingness: 'unwilling' as const, resettlementType: 'centralized' as const, preferredSiteId: 'a'.repeat(24) },
    };
    expect(validateStep('wishes', unwilling)).toEqual({ 'wishes.reasons': '不愿意搬迁时请填写原因' });

    const willingWithoutType = { ...draft, wishes: { ...draft.wishes, resettlementType: '' as const } };
    expect(validateStep('wishes', willingWithoutType)).toEqual({ 'wishes.resettlementType': '请选择安置方式' });

    const checked = validateDraft({ ...unwilling, wishes: { ...unwilling.wishes, reasons: '老人不愿离开' } });
    expect(checked.ok && checked.body.wishes).toEqual({ willingness: 'unwilling', reasons: '老人不愿离开' });
  });

  it('a complete draft becomes a body the server schema accepts, with the key kept alongside', () => {
    const draft = filledDraft();
    const checked = validateDraft(draft);
    if (!checked.ok) throw new Error(`unexpected errors: ${JSON.stringify(checked.errors)}`);
    const sent = submitRegistrationBodySchema.parse({ idempotencyKey: draft.idempotencyKey, ...checked.body });
    expect(sent.household.house.floorArea).toBe(96.5);
    expect(sent.household.members[0].idNumber).toBe(SPOUSE_ID);
  });

  it('the final check sends the resident to the first step with a problem', () => {
    const draft = filledDraft();
    const checked = validateDraft({ ...draft, address: '' });
    expect(checked).toEqual({ ok: false, step: 'house', errors: { address: '请输入详细住址' } });
  });

  it('the final check reports every problem on every step at once, not one step after another', () => {
    const draft = filledDraft();
    const checked = validateDraft({ ...draft, head: { ...draft.head, phone: '' }, address: '', house: { ...draft.house, yearBuilt: '' } });
    expect(checked).toEqual({
      ok: false,
      step: 'head',
      errors: { 'head.phone': '请输入 11 位手机号', address: '请输入详细住址', 'house.yearBuilt': '请输入建造年份（数字）' },
    });
  });
});

describe('correcting a returned registration', () => {
  it('prefills everything except the ID numbers and phone, which must be typed again', () => {
    const registration = {
      id: '665f1c2e8a1b2c3d4e5f6a7b',
      household: {
        head: { name: '张德福', idNumberMasked: '532329********0011', phoneMasked: '138****8000', age: 55, gender: 'male', workAbility: 'full', specialStatus: [] },
        members: [{ name: '李桂英', idNumberMasked: '532329********0022', age: 53, gender: 'female', workAbility: 'weak', specialStatus: [], relation: 'spouse' }],
        villageCode: VILLAGE.villageCode,
        villageName: '某村',
        townshipCode: VILLAGE.townshipCode,
        townshipName: '狮山镇',
        address: '狮山镇某某村民小组 12 号',
        hazard: { type: 'landslide' },
        house: { structure: 'earth_wood', floorArea: 96.5, yearBuilt: 1988 },
        photos: [{ id: 'b'.repeat(24), mimeType: 'image/jpeg', size: 1000, uploadedAt: '2025-01-01T00:00:00Z' }],
      },
      wishes: { willingness: 'willing', resettlementType: 'urban', reasons: '' },
    } as unknown as ResidentRegistration;

    const draft = draftFromRegistration(registration);
    expect(draft.head).toMatchObject({ name: '张德福', idNumber: '', idNumberMasked: '532329********0011', phone: '' });
    expect(draft.members[0]).toMatchObject({ name: '李桂英', idNumber: '', relation: 'spouse' });
    expect(draft.house).toEqual({ structure: 'earth_wood', floorArea: '96.5', yearBuilt: '1988' });
    expect(draft.photos.map((photo) => photo.id)).toEqual(['b'.repeat(24)]);
    expect(validateStep('house', draft)).toEqual({});
    expect(Object.keys(validateStep('head', draft))).toEqual(['head.idNumber', 'head.phone']);
  });
});

describe('server messages', () => {
  it('land on the form fields they are about', () => {
    const errors = fieldErrorsFromServer([
      { field: 'body.household.members.0.idNumber', message: '身份证号校验位不对，请逐位核对' },
      { field: 'body.wishes.preferredSiteId', message: '只有集中安置可以选择安置点' },
    ]);
    expect(errors).toEqual({
      'members.0.idNumber': '身份证号码有一位不对，请对照身份证再看一遍',
      'wishes.preferredSiteId': '只有集中安置可以选择安置点',
    });
    expect(Object.keys(errors).map(stepOfField)).toEqual(['members', 'wishes']);
  });
});
