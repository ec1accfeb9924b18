import { isIPv6 } from 'node:net';
import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key';
import { AppError } from '../../errors';
import { loginThrottleModel } from './login-throttle.model';

/** Wrong passwords in a row from one client that lock the account for that client. */
export const MAX_FAILURES_PER_SOURCE = 5;
/**
 * Wrong passwords from all clients within an hour that lock the account for everyone (the lock-out
 * 等保 asks for). Above what one client can reach: locked for 15 minutes after every five, it gets
 * at most 20 into an hour, so a single address can never lock the holder out.
 */
export const MAX_FAILURES_PER_ACCOUNT = 30;
export const ACCOUNT_WINDOW_MINUTES = 60;
export const LOCK_MINUTES = 15;

const MINUTE_MS = 60_000;
const keyOf = (username: string, source: string | null) => JSON.stringify([username, source]);

/** The first 64 bits of an IPv6 address. */
function ipv6Prefix64(address: string): string {
  // An embedded IPv4 tail stands for two groups; only the count matters for the prefix.
  const groups = (part: string) => (part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []);
  const [head, tail] = address.toLowerCase().split('%')[0].split('::');
  const before = groups(head);
  const after = tail === undefined ? [] : groups(tail);
  const all = [...before, ...Array<string>(Math.max(0, 8 - before.length - after.length)).fill('0'), ...after];
  return `${all.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}

/**
 * The client a sign-in comes from, as the lock-out counts it: its address. An IPv6 client counts
 * by its /64, since one home or office line gets a whole /64 and could pick a new address per guess.
 */
export function addressSource(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return `ip:${mapped[1]}`;
  return `ip:${isIPv6(ip) ? ipv6Prefix64(ip) : ip}`;
}

/**
 * Counts wrong passwords per account and client, and per account over all clients. Every count is
 * one atomic update of one document, so concurrent guesses are all counted.
 */
export function createLoginThrottle(connection: Connection) {
  const Throttle = loginThrottleModel(connection);

  const lock = (key: string, now: Date) =>
    Throttle.updateOne({ _id: key }, { $set: { failures: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * MINUTE_MS), updatedAt: now } });

  /** Wrong passwords in a row from one client; its right password clears them. */
  async function countForSource(username: string, source: string, now: Date) {
    const key = keyOf(username, source);
    const counted = await Throttle.findOneAndUpdate(
      { _id: key },
      { $inc: { failures: 1 }, $set: { username, source, updatedAt: now } },
      { upsert: true, new: true },
    ).lean();
    if (counted && counted.failures >= MAX_FAILURES_PER_SOURCE) await lock(key, now);
  }

  /** Wrong passwords from every client in the hour that began with the first of them. */
  async function countForAccount(username: string, now: Date) {
    const key = keyOf(username, null);
    const hourAgo = new Date(now.getTime() - ACCOUNT_WINDOW_MINUTES * MINUTE_MS);
    const countInWindow = async () =>
      (await Throttle.findOneAndUpdate(
        { _id: key, windowStartedAt: { $gt: hourAgo } },
        { $inc: { failures: 1 }, $set: { updatedAt: now } },
        { new: true },
      ).lean()) ??
      (await Throttle.findOneAndUpdate(
        { _id: key, $or: [{ windowStartedAt: { $lte: hourAgo } }, { windowStartedAt: null }] },
        { $set: { failures: 1, windowStartedAt: now, updatedAt: now } },
        { new: true },
      ).lean());

    let counted = await countInWindow();
    if (!counted) {
      try {
        await Throttle.create({ _id: key, username, source: null, failures: 1, windowStartedAt: now, updatedAt: now });
      } catch (error) {
        // Another request's failure created it first: count this one in it.
        if (!isDuplicateKey(error)) throw error;
        counted = await countInWindow();
      }
    }
    if (counted && counted.failures >= MAX_FAILURES_PER_ACCOUNT) await lock(key, now);
  }

  return {
    /** Refuses an account locked for this client or for everyone, before any password is looked at. */
    async assertNotLocked(username: string, source: string): Promise<void> {
      const locked = await Throttle.exists({ _id: { $in: [keyOf(username, source), keyOf(username, null)] }, lockedUntil: { $gt: new Date() } });
      if (locked) throw new AppError('ACCOUNT_LOCKED');
    },

    async recordFailure(username: string, source: string): Promise<void> {
      const now = new Date();
      await countForSource(username, source, now);
      await countForAccount(username, now);
    },

    /** The account-wide count keeps what other clients tried. */
    recordSuccess: async (username: string, source: string) => void (await Throttle.deleteOne({ _id: keyOf(username, source) })),

    /** The end of each account's latest lock, whether it holds for one client or for everyone. */
    async lockedUntil(usernames: string[]): Promise<Map<string, Date>> {
      const locks = await Throttle.find({ username: { $in: usernames }, lockedUntil: { $gt: new Date() } }).lean();
      const latest = new Map<string, Date>();
      for (const { username, lockedUntil } of locks) {
        const known = latest.get(username);
        if (lockedUntil && (!known || lockedUntil > known)) latest.set(username, lockedUntil);
      }
      return latest;
    },

    unlock: async (username: string) => void (await Throttle.deleteMany({ username })),

    /** Maintenance: counts with no lock in force and no failure for an hour count for nothing any more. */
    async purgeStale(now = new Date()): Promise<number> {
      const hourAgo = new Date(now.getTime() - ACCOUNT_WINDOW_MINUTES * MINUTE_MS);
      const { deletedCount } = await Throttle.deleteMany({ updatedAt: { $lt: hourAgo }, $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }] });
      return deletedCount;
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
