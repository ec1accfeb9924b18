/**
 * Runs tasks with the same key one after another, within this process.
 *
 * FerretDB's SQLite backend reads the documents an update's filter matches and writes them back
 * without a transaction (FerretDB issue #3040), so two conditional updates of one document can
 * both match and one change is lost. Serialising the writes to one document in the process closes
 * that gap for the single server process the embedded database serves; on MongoDB every
 * conditional update is atomic by itself, so the lock only costs a little waiting.
 */
export function createKeyedLock() {
  const tails = new Map<string, Promise<void>>();

  return async function withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
