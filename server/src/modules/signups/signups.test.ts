import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { counterReads, type SignupEventRecord } from './signup-event.model';
import { createSignupsService } from './signups.service';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** The engine with a phone lookup as slow as a loaded database makes it. */
function engineWithSlowLookup(delayMs: number) {
  return createSignupsService({
    connection: t.connection,
    clock: t.clock,
    ticketSecret: randomBytes(32),
    notifications: { eventReminder: async () => undefined },
    phoneMaskedOf: async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return '138****0000';
    },
  });
}

async function eventWithPlaces(engine: ReturnType<typeof createSignupsService>, capacity: number, kind: 'job_fair' | 'training' = 'job_fair') {
  const id = new Types.ObjectId().toString();
  await engine.defineEvent({ id, kind, title: '招聘会', place: '县城', startsAt: new Date(t.clock.now().getTime() + 7 * 86_400_000), capacity, open: true });
  return id;
}

describe('repeats of one resident while the first is still signing up', () => {
  it('take one place between them, so the last place still goes to the next resident', async () => {
    const engine = engineWithSlowLookup(150);
    const id = await eventWithPlaces(engine, 2);
    const repeats = Array.from({ length: 10 }, () => engine.signUp(id, 'resident-a', { name: '冯十一' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const other = await engine.signUp(id, 'resident-b', { name: '卫十二' });
    const outcomes = await Promise.all(repeats);

    expect(other).toMatchObject({ created: true, signup: { status: 'confirmed' } });
    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
    expect(new Set(outcomes.map((outcome) => outcome.signup.id)).size).toBe(1);
    expect((await engine.counts([id])).get(id)).toMatchObject({ taken: 2, remaining: 0 });
  });

  it('on a full fair hear 「已满」 and leave nothing behind', async () => {
    const engine = engineWithSlowLookup(0);
    const id = await eventWithPlaces(engine, 1);
    await engine.signUp(id, 'resident-c', { name: '蒋十三' });
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => engine.signUp(id, 'resident-d', { name: '沈十四' })));

    for (const outcome of outcomes) expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'SIGNUP_FULL' } });
    expect(await t.connection.collection('signups').countDocuments({ eventId: new Types.ObjectId(id), residentId: 'resident-d' })).toBe(0);
    expect(await engine.mineFor(id, 'resident-d')).toBeNull();
  });

  it('who took the last place get their sign-up back, not 「已满」', async () => {
    const engine = engineWithSlowLookup(0);
    const id = await eventWithPlaces(engine, 1);
    const first = await engine.signUp(id, 'resident-f', { name: '杨十六' });
    const again = await engine.signUp(id, 'resident-f', { name: '杨十六' });

    expect(again).toMatchObject({ created: false, signup: { id: first.signup.id, status: 'confirmed' } });
    await expect(engine.signUp(id, 'resident-g', { name: '朱十七' })).rejects.toMatchObject({ code: 'SIGNUP_FULL' });
  });

  it('who cancelled sign up again on the same sign-up while places are left', async () => {
    const engine = engineWithSlowLookup(0);
    const id = await eventWithPlaces(engine, 1);
    const first = await engine.signUp(id, 'resident-h', { name: '秦十八' });
    await engine.cancel(id, 'resident-h');
    const again = await engine.signUp(id, 'resident-h', { name: '秦十八' });

    expect(again).toMatchObject({ created: true, signup: { id: first.signup.id, status: 'confirmed' } });
    expect((await engine.counts([id])).get(id)).toMatchObject({ taken: 1, remaining: 0 });
  });

  it('take the sign-up over when the request holding it died, once it is a minute old', async () => {
    const engine = engineWithSlowLookup(0);
    const id = await eventWithPlaces(engine, 3);
    const abandoned = { _id: new Types.ObjectId(), eventId: new Types.ObjectId(id), kind: 'job_fair', residentId: 'resident-e', status: 'claimed', name: '-', code: 'X' };
    const longAgo = new Date(Date.now() - 5 * 60_000);
    await t.connection.collection('signups').insertOne({ ...abandoned, createdAt: longAgo, updatedAt: longAgo });
    expect(await engine.mineFor(id, 'resident-e')).toBeNull();

    const outcome = await engine.signUp(id, 'resident-e', { name: '韩十五' });
    expect(outcome).toMatchObject({ created: true, signup: { id: abandoned._id.toString(), status: 'confirmed', name: '韩十五' } });
  });
});

describe('the places a list shows', () => {
  it('count a sign-up for everyone who asks after it, even while an earlier read is still on its way', async () => {
    const engine = engineWithSlowLookup(0);
    const id = await eventWithPlaces(engine, 5);
    let answerEarlierRead!: (events: SignupEventRecord[]) => void;
    const earlier = counterReads(t.connection).read(id, () => new Promise((resolve) => (answerEarlierRead = resolve)));

    await engine.signUp(id, 'resident-i', { name: '尤十九' });
    expect((await engine.counts([id])).get(id)).toMatchObject({ taken: 1, remaining: 4 });
    answerEarlierRead([]);
    await earlier;
  });
});
