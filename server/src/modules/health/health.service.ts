import type { Connection } from 'mongoose';

export function createHealthService(connection: Connection) {
  return {
    async database(): Promise<{ status: 'up' | 'down'; latencyMs: number | null }> {
      const started = performance.now();
      try {
        await connection.db!.admin().ping();
        return { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 };
      } catch {
        return { status: 'down', latencyMs: null };
      }
    },
  };
}
