import mongoose, { type Connection } from 'mongoose';

// Mongoose keeps each query's stack for one debugging message; with source maps on, building it
// cost about a twentieth of a busy server's time.
mongoose.set('skipOriginalStackTraces', true);

/** One connection per app (tests open one per database). */
export async function connectDatabase(uri: string, dbName: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 10_000,
    maxPoolSize: 20,
    autoIndex: true,
  });
  await connection.asPromise();
  return connection;
}

/** Models are registered lazily by the services; call once they exist to build their indexes. */
export async function syncIndexes(connection: Connection): Promise<void> {
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
}
