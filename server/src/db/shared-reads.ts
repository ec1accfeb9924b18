/**
 * Reads that arrive while an identical read is on its way share it, so under load one database
 * read answers many requests. Writers `drop` the shared reads as they start and once they are
 * done, so nobody arriving after a write gets data read before it.
 */
export function createSharedReads<T>() {
  const inFlight = new Map<string, Promise<T>>();
  return {
    read(key: string, load: () => Promise<T>): Promise<T> {
      const shared = inFlight.get(key);
      if (shared) return shared;
      const reading = load().finally(() => {
        if (inFlight.get(key) === reading) inFlight.delete(key);
      });
      inFlight.set(key, reading);
      return reading;
    },
    drop(): void {
      inFlight.clear();
    },
  };
}

export type SharedReads<T> = ReturnType<typeof createSharedReads<T>>;

/** One set of shared reads per connection and name, for every module that reads or writes that data. */
export function sharedReadsFor<T>(registry: WeakMap<object, Map<string, SharedReads<T>>>, connection: object, name: string): SharedReads<T> {
  let byName = registry.get(connection);
  if (!byName) registry.set(connection, (byName = new Map()));
  let shared = byName.get(name);
  if (!shared) byName.set(name, (shared = createSharedReads<T>()));
  return shared;
}
