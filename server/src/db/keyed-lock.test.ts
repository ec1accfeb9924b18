import { createKeyedLock } from './keyed-lock';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('the keyed lock', () => {
  it('runs tasks of one key one at a time, in order, even when one fails', async () => {
    const withLock = createKeyedLock();
    const events: string[] = [];
    const task = (name: string, fail = false) => async () => {
      events.push(`start ${name}`);
      await tick();
      events.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };

    const results = await Promise.allSettled([withLock('a', task('1')), withLock('a', task('2', true)), withLock('a', task('3'))]);

    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('lets tasks of different keys run side by side', async () => {
    const withLock = createKeyedLock();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`start ${name}`);
      await tick();
      events.push(`end ${name}`);
    };

    await Promise.all([withLock('a', task('a')), withLock('b', task('b'))]);

    expect(events.slice(0, 2)).toEqual(['start a', 'start b']);
  });
});
