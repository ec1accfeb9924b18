/** What the benchmarks share: HTTP load with autocannon, the same load through the bare driver, sessions, memory. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { Db } from 'mongodb';
import { startProduct } from '../e2e/product';

/**
 * The product as `npm start` runs it, on `env`'s database: without the browser tests' movable
 * calendar, whose file the server would look at on every reading of the clock.
 */
export const startBenchProduct = (env: Record<string, string>) => startProduct({ ...env, CLOCK_OFFSET_FILE: '' });

/** `drainSeconds`: how long the server still worked on requests the load had left in flight. */
export type Row = { name: string; rps: number; p50: number; p99: number; requests: number; errors: number; drainSeconds?: number };

/**
 * `shared`: all connections take `paths` in one turn, each request the next path; otherwise each
 * connection goes through them from the first, so at any moment they ask for much the same paths.
 */
export type LoadOptions = { connections: number; seconds: number; headers?: Record<string, string>; shared?: boolean };

/** GETs of `paths` in turn for `seconds` at `connections`, then waits until the server is idle again. */
export async function loadPaths(name: string, baseUrl: string, paths: string[], { connections, seconds, headers = {}, shared = false }: LoadOptions): Promise<Row> {
  let next = 0;
  const inOneTurn = [{ method: 'GET' as const, setupRequest: (request: autocannon.Request) => ({ ...request, path: paths[next++ % paths.length] }) }];
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    // Slow answers are counted when they come, not dropped at autocannon's default 10 s.
    timeout: 300,
    headers,
    requests: shared ? inOneTurn : paths.map((p) => ({ method: 'GET' as const, path: p })),
  });
  const drainSeconds = await drain(baseUrl);
  return {
    drainSeconds,
    name,
    rps: Number((result.requests.total / seconds).toFixed(1)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

/** Waits until requests left running by a load have finished: three quick health answers in a row. */
export async function drain(baseUrl: string): Promise<number> {
  const started = Date.now();
  const deadline = started + 15 * 60_000;
  for (let quick = 0; quick < 3 && Date.now() < deadline; ) {
    const asked = performance.now();
    await fetch(`${baseUrl}/api/health`);
    quick = performance.now() - asked < 300 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return Math.round((Date.now() - started) / 1000);
}

/**
 * The same work through the bare driver: `connections` loops each running `query(i)` (i counts up
 * across loops) for `seconds`; like autocannon, only what is answered inside the window counts.
 */
export async function driverLoad(name: string, query: (i: number) => Promise<unknown>, { connections, seconds }: LoadOptions): Promise<Row> {
  const latencies: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const started = performance.now();
        await query(next++);
        if (Date.now() <= deadline) latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]) : 0);
  return { name, rps: Number((latencies.length / seconds).toFixed(1)), p50: at(0.5), p99: at(0.99), requests: latencies.length, errors: 0 };
}

/** After writing around the server: every server process's copy kept behind token `name` is stale. */
export async function bumpChangeToken(db: Db, name: string): Promise<void> {
  await db.collection<{ _id: string }>('change_tokens').updateOne({ _id: name }, { $set: { token: randomBytes(8).toString('hex'), at: new Date() } }, { upsert: true });
}

export const rssMb = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

/** A demo staff account's session: its cookie and CSRF token. */
export async function staffSession(baseUrl: string, username = 'county_admin') {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Anqian@2026' }),
  });
  const body = (await login.json()) as { csrfToken: string; user?: { displayName?: string } };
  return { cookie: login.headers.get('set-cookie')!.split(';')[0], csrf: body.csrfToken, displayName: body.user?.displayName ?? '' };
}

/** A resident signed in through the fake WeChat API, as the mini-program does. */
export async function residentLogin(baseUrl: string, headers: Record<string, string> = {}) {
  const openid = `bench-${randomBytes(4).toString('hex')}`;
  const { code } = (await (await fetch(`${baseUrl}/fake-wechat/dev/login-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) })).json()) as { code: string };
  const login = await fetch(`${baseUrl}/api/resident/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ code }) });
  return (await login.json()) as { accessToken: string; resident: { id: string; currentPrivacyVersion: string } };
}

/** A signed-in resident who has agreed to the privacy notice, from its own client address. */
export async function consentedResident(baseUrl: string, ip: string) {
  const login = await residentLogin(baseUrl, { 'x-forwarded-for': ip });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}` };
  await fetch(`${baseUrl}/api/resident/consent`, { method: 'POST', headers: { ...headers, 'x-forwarded-for': ip }, body: JSON.stringify({ version: login.resident.currentPrivacyVersion, sensitive: true }) });
  return { headers, residentId: login.resident.id };
}
