import { createSharedReads } from './shared-reads';

function gate<T>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

describe('shared reads', () => {
  test('callers arriving while a read is on its way get its answer from one load', async () => {
    const reads = createSharedReads<string>();
    const first = gate<string>();
    const load = jest.fn(() => first.promise);
    const answers = Promise.all([reads.read('a', load), reads.read('a', load), reads.read('a', load)]);
    first.open('v1');
    expect(await answers).toEqual(['v1', 'v1', 'v1']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('a caller after the read was answered, or after a drop, reads again', async () => {
    const reads = createSharedReads<string>();
    expect(await reads.read('a', async () => 'v1')).toBe('v1');
    expect(await reads.read('a', async () => 'v2')).toBe('v2');

    const stale = gate<string>();
    const before = reads.read('a', () => stale.promise);
    reads.drop();
    expect(await reads.read('a', async () => 'v3')).toBe('v3');
    stale.open('v2');
    expect(await before).toBe('v2');
  });

  test('different keys and failed reads are not shared', async () => {
    const reads = createSharedReads<string>();
    const failing = reads.read('a', async () => Promise.reject(new Error('boom')));
    expect(await reads.read('b', async () => 'b')).toBe('b');
    await expect(failing).rejects.toThrow('boom');
    expect(await reads.read('a', async () => 'again')).toBe('again');
  });
});
