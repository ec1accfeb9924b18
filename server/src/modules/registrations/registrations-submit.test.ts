import { Types } from 'mongoose';
import { CADRE_NEXT_STEP, RESIDENT_NEXT_STEP, ageFromIdNumber, maskIdNumber, type SubmitRegistrationBody } from '@anqian/shared';
import { asResident, asStaff, buildIdNumber, buildSubmitBody, newIdempotencyKey, villageOf } from '../../../test/factories';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app';

let t: TestApp;
let village: string;

beforeAll(async () => {
  // Trust X-Forwarded-For so that submissions can come from many addresses.
  t = await createTestApp({ TRUST_PROXY: 'true' });
  village = villageOf(t.county);
});
afterAll(() => t.close());

const registrations = () => t.connection.db!.collection('registrations');
const chinaToday = () => new Date(Date.now() + 8 * 3600_000);
let ipCounter = 0;
/** Each call from its own address; the submission limit counts the resident, whatever the address. */
const submit = (token: string, body: unknown, ip = `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`) =>
  t.request().post('/api/resident/registrations').set('Authorization', `Bearer ${token}`).set('X-Forwarded-For', ip).send(body as object);

describe('a resident submitting a registration', () => {
  it('answers 201 with the resident view, masks ID numbers and phone, and stores them encrypted', async () => {
    const { token } = await t.residentToken();
    const body = buildSubmitBody(village);
    const { head, members } = body.household;

    const response = await submit(token, body);

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: expect.stringMatching(/^[a-f\d]{24}$/),
      status: 'submitted',
      statusLabel: '已提交',
      nextStep: RESIDENT_NEXT_STEP.submitted,
      canWithdraw: true,
      canResubmit: false,
      enteredByCadre: false,
      wishes: { willingness: 'willing', resettlementType: 'centralized', preferredMoveMonth: '2026-10', reasons: '房后山体开裂' },
      timeline: [{ action: 'submit', from: null, to: 'submitted', actorLabel: '本人', at: expect.any(String) }],
    });
    const township = t.county.children[0];
    expect(response.body.household).toEqual({
      head: {
        name: '李建国',
        idNumberMasked: maskIdNumber(head.idNumber),
        age: ageFromIdNumber(head.idNumber, chinaToday()),
        gender: 'male',
        workAbility: 'full',
        specialStatus: [],
        phoneMasked: '139****5678',
      },
      members: [
        {
          name: '王秀英',
          idNumberMasked: maskIdNumber(members![0].idNumber),
          age: ageFromIdNumber(members![0].idNumber, chinaToday()),
          gender: 'female',
          workAbility: 'weak',
          specialStatus: ['dibao'],
          relation: 'spouse',
        },
      ],
      villageCode: village,
      villageName: township.children[0].name,
      townshipCode: township.code,
      townshipName: township.name,
      address: '三组 18 号',
      hazard: { type: 'landslide', pointNumber: 'YN-532329-017' },
      house: { structure: 'earth_wood', floorArea: 86.5, yearBuilt: 1992 },
      photos: [],
    });
    for (const secret of [head.idNumber, members![0].idNumber, head.phone]) expect(JSON.stringify(response.body)).not.toContain(secret);

    const stored = await registrations().findOne({ _id: new Types.ObjectId(response.body.id) });
    for (const secret of [head.idNumber, members![0].idNumber, head.phone]) expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored!.household.head.idNumber.enc).toMatch(/^v1:/);
    expect(stored).toMatchObject({ source: 'resident', status: 'submitted', divisionCode: village, memberCount: 2 });

    const own = asResident(t, token);
    expect((await own.get('/api/resident/registrations')).body).toEqual({ items: [response.body] });
    expect((await own.get(`/api/resident/registrations/${response.body.id}`)).body).toEqual(response.body);
  });

  it('answers 200 with the same registration when the same key is sent again, and stores one', async () => {
    const { token } = await t.residentToken();
    const body = buildSubmitBody(village);

    const first = await submit(token, body);
    const again = await submit(token, body);

    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    expect(await registrations().countDocuments({ 'household.head.idLast4': body.household.head.idNumber.slice(-4) })).toBe(1);
  });

  it('stores one registration for 20 identical submissions at once (a resident’s limit a minute)', async () => {
    const { token, login } = await t.residentToken();
    const body = buildSubmitBody(village);

    const responses = await Promise.all(Array.from({ length: 20 }, () => submit(token, body)));

    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await registrations().countDocuments({ residentId: new Types.ObjectId(login.resident.id) })).toBe(1);
  });

  it('creates exactly one of 20 submissions from one resident with different keys for the same household; the others are 409', async () => {
    const { token } = await t.residentToken();
    const body = buildSubmitBody(village);

    const responses = await Promise.all(Array.from({ length: 20 }, () => submit(token, { ...body, idempotencyKey: newIdempotencyKey() })));

    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = responses.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual(refused.map(() => [409, 'REGISTRATION_ACTIVE_EXISTS']));
    expect((await asResident(t, token).get('/api/resident/registrations')).body.items).toHaveLength(1);
  });

  it('needs the privacy consent and, separately, the sensitive-information consent', async () => {
    const { token, login } = await t.residentToken(undefined, false);
    const body = buildSubmitBody(village);

    const withoutConsent = await submit(token, body);
    await asResident(t, token).post('/api/resident/consent', { version: login.resident.currentPrivacyVersion, sensitive: false });
    const withoutSensitive = await submit(token, body);

    expect([withoutConsent.status, withoutConsent.body.error.code]).toEqual([403, 'CONSENT_REQUIRED']);
    expect([withoutSensitive.status, withoutSensitive.body.error.code]).toEqual([403, 'SENSITIVE_CONSENT_REQUIRED']);
    expect(await registrations().countDocuments({ residentId: new Types.ObjectId(login.resident.id) })).toBe(0);
  });

  it('limits one resident to 20 submissions a minute, from whatever address', async () => {
    const { token } = await t.residentToken();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await submit(token, {})).status);

    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(400));
    expect(statuses[20]).toBe(429);
  });
});

describe('bad input', () => {
  // A resident may submit 20 times a minute: a fresh one takes over every 20 cases.
  let token: string;
  let submitted = 0;
  beforeEach(async () => {
    if (submitted++ % 20 === 0) token = (await t.residentToken()).token;
  });

  const wrongCheckDigit = () => {
    const id = buildIdNumber();
    return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
  };
  const nextYear = new Date().getFullYear() + 1;
  type Body = SubmitRegistrationBody & { household: Record<string, unknown> & SubmitRegistrationBody['household'] };
  const cases: [string, string, (body: Body) => void][] = [
    ['a head ID number with a wrong check digit', 'body.household.head.idNumber', (b) => void (b.household.head.idNumber = wrongCheckDigit())],
    ['a head ID number of 17 digits', 'body.household.head.idNumber', (b) => void (b.household.head.idNumber = '53232919800101123')],
    ['a member ID number with an impossible birth date', 'body.household.members.0.idNumber', (b) => void (b.household.members![0].idNumber = '532329198013401234')],
    ['a member with the head’s ID number', 'body.household.members.0.idNumber', (b) => void (b.household.members![0].idNumber = b.household.head.idNumber)],
    ['an ID number as a number', 'body.household.head.idNumber', (b) => void ((b.household.head as Record<string, unknown>).idNumber = 5323291980)],
    ['a phone of 5 digits', 'body.household.head.phone', (b) => void (b.household.head.phone = '13912')],
    ['a name as a number', 'body.household.head.name', (b) => void ((b.household.head as Record<string, unknown>).name = 42)],
    ['a name with digits', 'body.household.head.name', (b) => void (b.household.head.name = '李4')],
    ['an unknown relation', 'body.household.members.0.relation', (b) => void ((b.household.members![0] as Record<string, unknown>).relation = 'cousin')],
    ['an unknown work ability', 'body.household.head.workAbility', (b) => void ((b.household.head as Record<string, unknown>).workAbility = 'strong')],
    ['a repeated special status', 'body.household.head.specialStatus', (b) => void (b.household.head.specialStatus = ['dibao', 'dibao'])],
    ['21 members', 'body.household.members', (b) => void (b.household.members = Array.from({ length: 21 }, () => ({ ...b.household.members![0], idNumber: buildIdNumber() })))],
    ['a floor area as text', 'body.household.house.floorArea', (b) => void ((b.household.house as Record<string, unknown>).floorArea = '86')],
    ['a floor area of 3 m²', 'body.household.house.floorArea', (b) => void (b.household.house.floorArea = 3)],
    ['a floor area with three decimals', 'body.household.house.floorArea', (b) => void (b.household.house.floorArea = 86.123)],
    ['a house built in 1850', 'body.household.house.yearBuilt', (b) => void (b.household.house.yearBuilt = 1850)],
    ['a house built next year', 'body.household.house.yearBuilt', (b) => void (b.household.house.yearBuilt = nextYear)],
    ['an unknown hazard type', 'body.household.hazard.type', (b) => void ((b.household.hazard as Record<string, unknown>).type = 'flood')],
    ['a hazard point number with spaces', 'body.household.hazard.pointNumber', (b) => void (b.household.hazard.pointNumber = 'YN 01')],
    ['a one-character address', 'body.household.address', (b) => void (b.household.address = '三')],
    ['a village code of 4 digits', 'body.household.villageCode', (b) => void (b.household.villageCode = '5323')],
    ['photo ids that are not a list', 'body.household.photoIds', (b) => void (b.household.photoIds = 'abc' as never)],
    ['an unknown willingness', 'body.wishes.willingness', (b) => void ((b.wishes as Record<string, unknown>).willingness = 'maybe')],
    ['no resettlement type while willing', 'body.wishes.resettlementType', (b) => void delete b.wishes.resettlementType],
    ['a preferred site with scattered resettlement', 'body.wishes.preferredSiteId', (b) => void Object.assign(b.wishes, { resettlementType: 'scattered', preferredSiteId: new Types.ObjectId().toString() })],
    ['unwilling without a reason', 'body.wishes.reasons', (b) => void Object.assign(b.wishes, { willingness: 'unwilling', reasons: '' })],
    ['a move month 13', 'body.wishes.preferredMoveMonth', (b) => void (b.wishes.preferredMoveMonth = '2026-13')],
    ['a short idempotency key', 'body.idempotencyKey', (b) => void (b.idempotencyKey = 'abc')],
  ];

  it.each(cases)('refuses %s with 400 naming %s, and stores nothing', async (_name, field, mutate) => {
    const body = buildSubmitBody(village) as Body;
    mutate(body);
    const before = await registrations().countDocuments();

    const response = await submit(token, body);

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    expect(await registrations().countDocuments()).toBe(before);
  });

  it.each([
    ['a village of another county', 'body.household.villageCode', (b: Body) => void (b.household.villageCode = '532301001001')],
    ['a township instead of a village', 'body.household.villageCode', (b: Body) => void (b.household.villageCode = t.county.children[0].code)],
    ['an unknown preferred site', 'body.wishes.preferredSiteId', (b: Body) => void (b.wishes.preferredSiteId = new Types.ObjectId().toString())],
    ['a photo id nobody uploaded', 'body.household.photoIds', (b: Body) => void (b.household.photoIds = [new Types.ObjectId().toString()])],
  ])('refuses %s with 400 naming %s, and stores nothing', async (_name, field, mutate) => {
    const body = buildSubmitBody(village) as Body;
    mutate(body);
    const before = await registrations().countDocuments();

    const response = await submit(token, body);

    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    expect(await registrations().countDocuments()).toBe(before);
  });
});

describe('photos of the house', () => {
  const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);
  const upload = (token: string) =>
    t.request().post('/api/resident/photos').set('Authorization', `Bearer ${token}`).attach('file', JPEG, { filename: 'house.jpg', contentType: 'image/jpeg' });

  it('attaches the resident’s own uploads and shows them; another resident’s upload is refused', async () => {
    const { token } = await t.residentToken();
    const other = (await t.residentToken()).token;
    const own = (await upload(token)).body;
    const foreign = (await upload(other)).body;

    const refused = await submit(token, buildSubmitBody(village, { household: { photoIds: [foreign.id] } }));
    const accepted = await submit(token, buildSubmitBody(village, { household: { photoIds: [own.id] } }));

    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe('body.household.photoIds');
    expect(accepted.status).toBe(201);
    expect(accepted.body.household.photos).toEqual([own]);
  });
});

describe('withdrawing', () => {
  it('withdraws a submitted registration, after which the household may register again', async () => {
    const { token } = await t.residentToken();
    const body = buildSubmitBody(village);
    const created = (await submit(token, body)).body;
    const resident = asResident(t, token);

    const withdrawn = await resident.post(`/api/resident/registrations/${created.id}/withdraw`);
    const again = await resident.post(`/api/resident/registrations/${created.id}/withdraw`);
    const anew = await submit(token, { ...body, idempotencyKey: newIdempotencyKey() });

    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', canWithdraw: false, canResubmit: false, nextStep: RESIDENT_NEXT_STEP.withdrawn });
    expect(withdrawn.body.timeline.map((e: { action: string; actorLabel: string }) => [e.action, e.actorLabel])).toEqual([
      ['submit', '本人'],
      ['withdraw', '本人'],
    ]);
    expect([again.status, again.body.error.code]).toEqual([409, 'REGISTRATION_TRANSITION_NOT_ALLOWED']);
    expect(anew.status).toBe(201);
    expect(anew.body.id).not.toBe(created.id);
    expect((await resident.get('/api/resident/registrations')).body.items.map((r: { status: string }) => r.status)).toEqual(['submitted', 'withdrawn']);
  });
});

describe('a village cadre on the mini-program', () => {
  it('links their staff account, registers a household of their own village, and nothing outside it', async () => {
    const cadreUser = await t.createStaff('village_cadre');
    const { token } = await t.residentToken();
    const wechat = asResident(t, token);

    const wrongPassword = await wechat.post('/api/resident/cadre-link', { username: cadreUser.username, password: 'Wrong@Pass2026' });
    const linked = await wechat.post('/api/resident/cadre-link', { username: cadreUser.username, password: TEST_PASSWORD });
    const body = buildSubmitBody(village);
    const entered = await wechat.post('/api/resident/cadre/registrations', body);
    const otherVillage = await wechat.post('/api/resident/cadre/registrations', buildSubmitBody(villageOf(t.county, 0, 1)));
    const list = await wechat.get('/api/resident/cadre/registrations');
    const own = await wechat.get('/api/resident/registrations');

    expect([wrongPassword.status, wrongPassword.body.error.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect(linked.status).toBe(200);
    expect(linked.body.cadre).toEqual({ displayName: cadreUser.displayName, villageCode: village, villageName: t.county.children[0].children[0].name });
    expect((await wechat.get('/api/resident/me')).body.cadre).toEqual(linked.body.cadre);
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({
      status: 'submitted',
      enteredByCadre: true,
      canWithdraw: false,
      // Nobody can withdraw it in the mini-program, so the next step does not offer it.
      nextStep: CADRE_NEXT_STEP.submitted,
      timeline: [{ action: 'submit', actorLabel: '村干部代填' }],
    });
    expect(JSON.stringify(entered.body)).not.toContain(cadreUser.displayName);
    expect([otherVillage.status, otherVillage.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([entered.body.id]);
    expect(own.body.items).toEqual([]);

    const stored = await registrations().findOne({ _id: new Types.ObjectId(entered.body.id) });
    expect(stored).toMatchObject({ source: 'cadre', residentId: null, enteredBy: { staffId: cadreUser.id, name: cadreUser.displayName } });
    expect(stored!.idempotencyKey).toBe(`cadre:${cadreUser.id}:${body.idempotencyKey}`);
    const audit = await t.connection.db!.collection('audit_logs').find({ action: { $in: ['auth.cadre-link', 'registration.cadre-submit'] } }).sort({ at: 1, _id: 1 }).toArray();
    expect(audit.map((a) => [a.action, a.result, a.actorId])).toEqual([
      ['auth.cadre-link', 'failure', null],
      ['auth.cadre-link', 'success', cadreUser.id],
      ['registration.cadre-submit', 'success', cadreUser.id],
      ['registration.cadre-submit', 'failure', cadreUser.id],
    ]);

    // Staff see who entered it.
    const township = asStaff(await t.staffAgent('township_staff'));
    expect((await township.get(`/api/registrations/${entered.body.id}`)).body.enteredBy).toEqual({ name: cadreUser.displayName });

  });

  it('lets the cadre who entered a registration correct it once returned, and nobody else', async () => {
    const cadreUser = await t.createStaff('village_cadre');
    const wechat = asResident(t, (await t.residentToken()).token);
    await wechat.post('/api/resident/cadre-link', { username: cadreUser.username, password: TEST_PASSWORD });
    const body = buildSubmitBody(village);
    const { id } = (await wechat.post('/api/resident/cadre/registrations', body)).body;
    const corrected = { household: { ...body.household, address: '三组 18 号（已重新核对）' }, wishes: body.wishes };

    const tooEarly = await wechat.put(`/api/resident/cadre/registrations/${id}`, corrected);
    expect([tooEarly.status, tooEarly.body.error.code]).toEqual([409, 'REGISTRATION_TRANSITION_NOT_ALLOWED']);

    const township = asStaff(await t.staffAgent('township_staff'));
    await township.post(`/api/registrations/${id}/return`, { reason: '住址不完整，请补充门牌号' }).expect(200);
    const [returned] = (await wechat.get('/api/resident/cadre/registrations')).body.items;
    expect(returned).toMatchObject({ id, status: 'returned', canResubmit: true, canWithdraw: false, nextStep: '登记被退回，请按退回原因修改后重新提交。' });
    expect((await wechat.get(`/api/resident/cadre/registrations/${id}`)).body).toEqual(returned);

    // Another cadre of the same village, and a resident, see nothing of it.
    const otherCadre = await t.createStaff('village_cadre');
    const otherWechat = asResident(t, (await t.residentToken()).token);
    await otherWechat.post('/api/resident/cadre-link', { username: otherCadre.username, password: TEST_PASSWORD });
    expect((await otherWechat.get(`/api/resident/cadre/registrations/${id}`)).status).toBe(404);
    expect((await otherWechat.put(`/api/resident/cadre/registrations/${id}`, corrected)).status).toBe(404);
    expect((await otherWechat.get(`/api/resident/registrations/${id}`)).status).toBe(404);

    const elsewhere = await wechat.put(`/api/resident/cadre/registrations/${id}`, { ...corrected, household: { ...corrected.household, villageCode: villageOf(t.county, 0, 1) } });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([403, 'OUT_OF_SCOPE']);

    const resubmitted = await wechat.put(`/api/resident/cadre/registrations/${id}`, corrected);
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'submitted', canResubmit: false, canWithdraw: false, nextStep: CADRE_NEXT_STEP.submitted });
    expect(resubmitted.body.household.address).toBe('三组 18 号（已重新核对）');
    expect(resubmitted.body.timeline.map((entry: { action: string; actorLabel: string }) => [entry.action, entry.actorLabel]).at(-1)).toEqual(['resubmit', '村干部代填']);
    const audit = await t.connection.db!.collection('audit_logs').find({ action: 'registration.cadre-resubmit', actorId: cadreUser.id }).sort({ _id: 1 }).toArray();
    expect(audit.map((entry) => [entry.targetId, entry.result, entry.detail])).toEqual([
      [id, 'failure', 'REGISTRATION_TRANSITION_NOT_ALLOWED'],
      [id, 'failure', 'OUT_OF_SCOPE'],
      [id, 'success', null],
    ]);
  });

  it('refuses a staff account that is not a village cadre', async () => {
    const township = await t.createStaff('township_staff');
    const wechat = asResident(t, (await t.residentToken()).token);

    const response = await wechat.post('/api/resident/cadre-link', { username: township.username, password: TEST_PASSWORD });

    expect([response.status, response.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await wechat.get('/api/resident/me')).body.cadre).toBeNull();
  });

  it('ends the link when the account’s password is reset', async () => {
    const cadreUser = await t.createStaff('village_cadre');
    const admin = asStaff(await t.staffAgent('county_admin'));
    const wechat = asResident(t, (await t.residentToken()).token);
    await wechat.post('/api/resident/cadre-link', { username: cadreUser.username, password: TEST_PASSWORD });

    await admin.post(`/api/staff/${cadreUser.id}/reset-password`);

    expect((await wechat.get('/api/resident/me')).body.cadre).toBeNull();
    expect((await wechat.post('/api/resident/cadre/registrations', buildSubmitBody(village))).status).toBe(403);
  });

  it('locks the account after five wrong passwords, as the admin console does', async () => {
    const cadreUser = await t.createStaff('village_cadre');
    const { token } = await t.residentToken();
    const attempt = (password: string) =>
      t.request().post('/api/resident/cadre-link').set('Authorization', `Bearer ${token}`).set('X-Forwarded-For', `10.7.0.${++ipCounter % 250}`).send({ username: cadreUser.username, password });

    for (let i = 0; i < 5; i += 1) expect((await attempt('Wrong@Pass2026')).status).toBe(401);
    const locked = await attempt(TEST_PASSWORD);

    expect([locked.status, locked.body.error.code]).toEqual([423, 'ACCOUNT_LOCKED']);
  });

  it('stops working at once when the account is disabled, and can be unlinked', async () => {
    const cadreUser = await t.createStaff('village_cadre');
    const admin = asStaff(await t.staffAgent('county_admin'));
    const wechat = asResident(t, (await t.residentToken()).token);
    await wechat.post('/api/resident/cadre-link', { username: cadreUser.username, password: TEST_PASSWORD });

    await admin.post(`/api/staff/${cadreUser.id}/disable`);
    const afterDisable = await wechat.post('/api/resident/cadre/registrations', buildSubmitBody(village));
    const me = await wechat.get('/api/resident/me');
    await admin.post(`/api/staff/${cadreUser.id}/enable`);
    const unlinked = await wechat.delete('/api/resident/cadre-link');
    const afterUnlink = await wechat.get('/api/resident/cadre/registrations');

    expect([afterDisable.status, afterDisable.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(me.body.cadre).toBeNull();
    expect(unlinked.body.cadre).toBeNull();
    expect([afterUnlink.status, afterUnlink.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await registrations().countDocuments({ 'enteredBy.staffId': cadreUser.id })).toBe(0);
  });
});
