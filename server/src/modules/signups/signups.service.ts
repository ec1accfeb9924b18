import { Types, type Connection } from 'mongoose';
import type { ResidentSignup, SignUpBody, SignupCounts, SignupEventKind, StaffSignup } from '@anqian/shared';
import type { Clock } from '../../clock';
import { isDuplicateKey } from '../../db/duplicate-key';
import { AppError, notFound } from '../../errors';
import { chinaTime, type NotificationsService } from '../notifications/notifications.service';
import { createTicketSigner } from './e-ticket';
import { readCounters, signupEventModel, type SignupEventRecord } from './signup-event.model';
import { SETTLED, SIGNUP_CLAIMED, signupModel, type SettledSignupRecord, type SignupRecord } from './signup.model';
import { presentResidentSignup, presentStaffSignup } from './signup.presenter';

/**
 * What differs between event kinds. A full job fair is full; a full course keeps a waitlist whose
 * first in line gets the next place given back (issue 14).
 */
const KIND_RULES: Record<SignupEventKind, { waitlist: boolean; reminderPage: (eventId: string) => string; reminderNote: string }> = {
  job_fair: {
    waitlist: false,
    reminderPage: (eventId) => `subpackages/job-fairs/pages/ticket/index?id=${eventId}`,
    reminderNote: '明天举办，请带上手机电子票按时入场',
  },
  training: {
    waitlist: true,
    reminderPage: (eventId) => `subpackages/training/pages/detail/index?id=${eventId}`,
    reminderNote: '明天开课，请按时到达培训地点',
  },
};

/** Reminders go out once the event is this close. */
const REMINDER_LEAD_MS = 24 * 60 * 60_000;
/** Attempts at a sign-up whose document another request of the same resident changed meanwhile. */
const SIGNUP_ATTEMPTS = 3;
/** How long a repeat waits for the request that holds the resident's claim. */
const CLAIM_WAIT_MS = 10_000;
/** A claim this old belongs to a request that died (a restart mid-sign-up); it may be taken over. */
const CLAIM_STALE_MS = 60_000;

export type EventDefinition = {
  id: string;
  kind: SignupEventKind;
  title: string;
  place: string;
  startsAt: Date;
  capacity: number;
  open: boolean;
  /** Places still given out while closed to new sign-ups (admission, the waitlist); defaults to `open`. */
  admitting?: boolean;
  /** New sign-ups wait as `pending` until staff admit them (training courses under review). */
  review?: boolean;
};

/** Who a sign-up is for when that is not the signed-in resident, and their place in the review queue. */
export type SignUpOptions = { contactId?: string | null; priority?: number };

export type StaffDecision = 'admit' | 'reject' | 'remove';

export type SignupsDeps = {
  connection: Connection;
  clock: Clock;
  /** SESSION_SECRET: the ticket key is derived from it. */
  ticketSecret: Buffer;
  notifications: Pick<NotificationsService, 'eventReminder'>;
  /** The resident's bound phone, masked, or null. */
  phoneMaskedOf: (residentId: string) => Promise<string | null>;
  /** Told when the first on a waitlist gets a place (training sends a message). */
  onPromoted?: (signup: { eventId: string; signupId: string; residentId: string; contactId: string | null; kind: SignupEventKind }) => Promise<void>;
};

/**
 * The sign-up engine shared by job fairs and training: places, waitlist, e-tickets, check-in and
 * the reminder the day before. Owners call `defineEvent` whenever their event changes; the
 * engine never reads their collections.
 */
export function createSignupsService(deps: SignupsDeps) {
  const Event = signupEventModel(deps.connection);
  const Signup = signupModel(deps.connection);
  const signer = createTicketSigner(deps.ticketSecret);
  const { clock } = deps;

  async function loadEvent(eventId: string | Types.ObjectId): Promise<SignupEventRecord> {
    const event = await Event.findById(eventId).lean<SignupEventRecord>();
    if (!event) throw notFound('活动不存在');
    return event;
  }

  async function waitlistPosition(signup: SettledSignupRecord): Promise<number | null> {
    if (signup.status !== 'waitlisted') return null;
    const ahead = await Signup.countDocuments({
      eventId: signup.eventId,
      status: 'waitlisted',
      $or: [{ waitlistedAt: { $lt: signup.waitlistedAt } }, { waitlistedAt: signup.waitlistedAt, _id: { $lt: signup._id } }],
    });
    return ahead + 1;
  }

  const presentResident = async (signup: SettledSignupRecord) => presentResidentSignup(signup, signer, await waitlistPosition(signup));

  /** Frees one place and, where the kind keeps a waitlist, hands it to the first in line. */
  async function giveBack(event: SignupEventRecord): Promise<void> {
    await Event.updateOne({ _id: event._id, taken: { $gt: 0 } }, { $inc: { remaining: 1, taken: -1 } });
    if (event.waitlist) await promoteWaiting(event._id);
  }

  /** While places are left and people wait, the first in line (by the time they joined) gets one. */
  async function promoteWaiting(eventId: Types.ObjectId): Promise<void> {
    for (;;) {
      const next = await Signup.findOne({ eventId, status: 'waitlisted' }).sort({ waitlistedAt: 1, _id: 1 }).lean<SignupRecord>();
      if (!next) return;
      const now = clock.now();
      const took = await Event.findOneAndUpdate(
        { _id: eventId, admitting: true, startsAt: { $gt: now }, remaining: { $gt: 0 } },
        { $inc: { remaining: -1, taken: 1 } },
      ).lean<SignupEventRecord>();
      if (!took) return;
      const promoted = await Signup.findOneAndUpdate({ _id: next._id, status: 'waitlisted' }, { $set: { status: 'confirmed', confirmedAt: now } }).lean<SignupRecord>();
      if (!promoted) {
        // It left the queue meanwhile: the place goes back and the next in line is tried.
        await Event.updateOne({ _id: eventId, taken: { $gt: 0 } }, { $inc: { remaining: 1, taken: -1 } });
        continue;
      }
      await Event.updateOne({ _id: eventId, waiting: { $gt: 0 } }, { $inc: { waiting: -1 } });
      await deps.onPromoted?.({ eventId: eventId.toString(), signupId: next._id.toString(), residentId: next.residentId, contactId: contactOf(next), kind: next.kind });
    }
  }

  const contactOf = (signup: SignupRecord): string | null => (signup.contactId === undefined ? signup.residentId : signup.contactId);

  const isClosed = (event: SignupEventRecord, now: Date) => !event.open || event.startsAt.getTime() <= now.getTime();

  /**
   * Waits while another request of the same resident holds the sign-up's claim, then answers what
   * it left: the settled sign-up, or null when it gave the claim up (try again). A claim older than
   * CLAIM_STALE_MS belongs to a request that died; it is answered as is, for the caller to take over.
   */
  async function afterClaim(claim: SignupRecord): Promise<SignupRecord | null> {
    const waitUntil = Date.now() + CLAIM_WAIT_MS;
    for (let pause = 10, current: SignupRecord | null = claim; ; pause = Math.min(pause * 2, 200)) {
      if (!current || current.status !== SIGNUP_CLAIMED || isStaleClaim(current)) return current;
      if (Date.now() > waitUntil) throw new AppError('SIGNUP_BUSY');
      await new Promise((resolve) => setTimeout(resolve, pause));
      current = await Signup.findById(claim._id).lean<SignupRecord>();
    }
  }

  const isStaleClaim = (signup: SignupRecord) => signup.status === SIGNUP_CLAIMED && Date.now() - signup.updatedAt.getTime() > CLAIM_STALE_MS;

  /**
   * Takes the resident's claim on the sign-up: a new document in the claimed state (the unique
   * index lets one request win), or a cancelled or abandoned one taken over by one conditional
   * update. Null when another request won it.
   */
  async function claimSignup(event: SignupEventRecord, residentId: string, previous: SignupRecord | null): Promise<SignupRecord | null> {
    if (previous) {
      return Signup.findOneAndUpdate(
        { _id: previous._id, status: previous.status, updatedAt: previous.updatedAt },
        { $set: { status: SIGNUP_CLAIMED } },
        { new: true },
      ).lean<SignupRecord>();
    }
    const _id = new Types.ObjectId();
    const eventId = event._id.toString();
    try {
      const created = await Signup.create({ _id, eventId: event._id, kind: event.kind, residentId, status: SIGNUP_CLAIMED, name: '-', code: signer.code(event.kind, eventId, _id.toString()) });
      return created.toObject() as SignupRecord;
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
  }

  /** Gives a claim up: a new sign-up disappears, a cancelled one is cancelled again. */
  async function releaseClaim(claim: SignupRecord, previous: SignupRecord | null): Promise<void> {
    if (previous?.cancelledAt) await Signup.updateOne({ _id: claim._id, status: SIGNUP_CLAIMED }, { $set: { status: 'cancelled' } });
    else await Signup.deleteOne({ _id: claim._id, status: SIGNUP_CLAIMED });
  }

  type Earlier = { answer?: { created: boolean; signup: SettledSignupRecord } | null; existing: SignupRecord | null };
  const NO_SIGNUP: Earlier = { existing: null };

  /**
   * The resident's sign-up for the event as it bears on a new one: an `answer` when it settles the
   * request (the sign-up they hold, or null while another request of theirs holds the claim), else
   * the cancelled or abandoned one to take over, or none.
   */
  async function signupOf(eventId: string, residentId: string): Promise<Earlier> {
    const found = await Signup.findOne({ eventId, residentId }).lean<SignupRecord>();
    if (!found) return NO_SIGNUP;
    const existing = await afterClaim(found);
    if (!existing) return { answer: null, existing: null };
    if (existing.status === 'cancelled' || isStaleClaim(existing)) return { existing };
    return { answer: existing.status === SIGNUP_CLAIMED ? null : { created: false, signup: existing as SettledSignupRecord }, existing };
  }

  /**
   * One attempt at a sign-up; null when another request of the same resident got in between (try
   * again). The sign-up is claimed before a place is taken, so repeats of one resident (a double
   * tap, 20 at once) take one place between them, never places that others are waiting for.
   */
  async function attemptSignUp(
    eventId: string,
    residentId: string,
    body: { name: string },
    options: SignUpOptions,
    firstTry: boolean,
  ): Promise<{ created: boolean; signup: SettledSignupRecord } | null> {
    // A first try assumes the resident has no sign-up yet, as nearly everyone in a rush has not: it
    // looks for one only when the event refuses, and a clash of claims sends it round again.
    const earlier = firstTry ? NO_SIGNUP : await signupOf(eventId, residentId);
    if (earlier.answer !== undefined) return earlier.answer;
    const event = await loadEvent(eventId);
    const now = clock.now();
    const refusal = isClosed(event, now) ? 'SIGNUP_CLOSED' : !event.waitlist && event.remaining <= 0 ? 'SIGNUP_FULL' : null;
    if (refusal) {
      const held = firstTry ? await signupOf(eventId, residentId) : earlier;
      if (held.answer !== undefined) return held.answer;
      throw new AppError(refusal);
    }
    const existing = earlier.existing;
    const claim = await claimSignup(event, residentId, existing);
    if (!claim) return null;
    if (event.review) return settlePending(event, claim, residentId, body, options, now);
    const took = await Event.findOneAndUpdate(
      { _id: event._id, open: true, startsAt: { $gt: now }, remaining: { $gt: 0 }, ...(event.waitlist && { waiting: { $lte: 0 } }) },
      { $inc: { remaining: -1, taken: 1 } },
    ).lean<SignupEventRecord>();
    if (!took) {
      const again = await loadEvent(eventId);
      const refusal = isClosed(again, now) ? 'SIGNUP_CLOSED' : again.waitlist ? null : 'SIGNUP_FULL';
      if (refusal) {
        await releaseClaim(claim, existing);
        throw new AppError(refusal);
      }
    }
    const status = took ? 'confirmed' : 'waitlisted';
    if (status === 'waitlisted') await Event.updateOne({ _id: event._id }, { $inc: { waiting: 1 } });
    try {
      const settled = await Signup.findOneAndUpdate(
        { _id: claim._id, status: SIGNUP_CLAIMED, updatedAt: claim.updatedAt },
        {
          $set: {
            status,
            name: body.name,
            ...(await contactFields(residentId, options)),
            confirmedAt: status === 'confirmed' ? now : null,
            waitlistedAt: status === 'waitlisted' ? now : null,
            cancelledAt: null,
            checkedInAt: null,
            checkedInBy: null,
            reminderQueuedAt: null,
          },
        },
        { new: true },
      ).lean<SettledSignupRecord>();
      if (settled) {
        if (status === 'confirmed') return { created: true, signup: settled };
        // A place may have come free meanwhile: the queue moves first, then the sign-up is read as it stands.
        await promoteWaiting(event._id);
        const latest = await Signup.findById(settled._id).lean<SettledSignupRecord>();
        return { created: true, signup: latest ?? settled };
      }
    } catch (error) {
      await undoPlace(event, status);
      throw error;
    }
    // Taken over as abandoned while this request stalled: the other request owns it now.
    await undoPlace(event, status);
    return null;
  }

  async function contactFields(residentId: string, options: SignUpOptions) {
    const contactId = options.contactId === undefined ? residentId : options.contactId;
    return { contactId, phoneMasked: contactId ? await deps.phoneMaskedOf(contactId) : null, priority: options.priority ?? 0, reason: null };
  }

  /** Under review a sign-up takes no place yet: it waits as `pending` for staff (or `admitPending`). */
  async function settlePending(
    event: SignupEventRecord,
    claim: SignupRecord,
    residentId: string,
    body: { name: string },
    options: SignUpOptions,
    now: Date,
  ): Promise<{ created: boolean; signup: SettledSignupRecord } | null> {
    const settled = await Signup.findOneAndUpdate(
      { _id: claim._id, status: SIGNUP_CLAIMED, updatedAt: claim.updatedAt },
      {
        $set: {
          status: 'pending',
          name: body.name,
          ...(await contactFields(residentId, options)),
          pendingAt: now,
          confirmedAt: null,
          waitlistedAt: null,
          cancelledAt: null,
          checkedInAt: null,
          checkedInBy: null,
          reminderQueuedAt: null,
        },
      },
      { new: true },
    ).lean<SettledSignupRecord>();
    return settled ? { created: true, signup: settled } : null;
  }

  /**
   * Moves one pending sign-up on: a place when one is free and nobody waits (one conditional `$inc`
   * taken first, as at sign-up), otherwise the end of the waitlist. Null when it was no longer
   * pending (someone else decided first, or the resident withdrew).
   */
  async function admitPendingSignup(event: SignupEventRecord, signupId: Types.ObjectId): Promise<SettledSignupRecord | null> {
    const now = clock.now();
    if (!event.admitting || event.startsAt.getTime() <= now.getTime()) throw new AppError('SIGNUP_CLOSED');
    const took = await Event.findOneAndUpdate(
      { _id: event._id, admitting: true, startsAt: { $gt: now }, remaining: { $gt: 0 }, waiting: { $lte: 0 } },
      { $inc: { remaining: -1, taken: 1 } },
    ).lean<SignupEventRecord>();
    if (took) {
      const admitted = await Signup.findOneAndUpdate({ _id: signupId, status: 'pending' }, { $set: { status: 'confirmed', confirmedAt: now } }, { new: true }).lean<SettledSignupRecord>();
      if (!admitted) await giveBack(event);
      return admitted;
    }
    // The waiting count goes up first, so a place freed meanwhile is not taken past the queue.
    await Event.updateOne({ _id: event._id }, { $inc: { waiting: 1 } });
    const queued = await Signup.findOneAndUpdate({ _id: signupId, status: 'pending' }, { $set: { status: 'waitlisted', waitlistedAt: now } }, { new: true }).lean<SettledSignupRecord>();
    if (!queued) await Event.updateOne({ _id: event._id, waiting: { $gt: 0 } }, { $inc: { waiting: -1 } });
    await promoteWaiting(event._id);
    return queued && Signup.findById(queued._id).lean<SettledSignupRecord>();
  }

  async function loadSignup(eventId: string, signupId: string): Promise<SettledSignupRecord> {
    const signup = await Signup.findOne({ _id: signupId, eventId, ...SETTLED }).lean<SettledSignupRecord>();
    if (!signup) throw notFound('没有找到这份报名');
    return signup;
  }

  async function undoPlace(event: SignupEventRecord, status: 'confirmed' | 'waitlisted'): Promise<void> {
    if (status === 'confirmed') await giveBack(event);
    else {
      await Event.updateOne({ _id: event._id, waiting: { $gt: 0 } }, { $inc: { waiting: -1 } });
      await promoteWaiting(event._id);
    }
  }

  async function resolveTicket(event: SignupEventRecord, input: string): Promise<SignupRecord> {
    const eventId = event._id.toString();
    const claim = signer.read(event.kind, input);
    if (!claim) throw new AppError('TICKET_INVALID');
    if (claim.kind === 'qr') {
      if (claim.eventId !== eventId) throw new AppError('TICKET_INVALID');
      const signup = await Signup.findOne({ _id: claim.signupId, eventId: event._id }).lean<SignupRecord>();
      if (!signup) throw new AppError('TICKET_INVALID');
      return signup;
    }
    const candidates = await Signup.find({ eventId: event._id, code: claim.code }).lean<SignupRecord[]>();
    const signup = candidates.find((candidate) => signer.codeMatches(event.kind, eventId, candidate._id.toString(), claim.code));
    if (!signup) throw new AppError('TICKET_INVALID');
    return signup;
  }

  return {
    /**
     * Creates or updates the countable side of an event. A capacity change moves `remaining` by the
     * same amount in one conditional update, so it never drops below the places taken; a larger
     * capacity lets the waitlist move up.
     */
    async defineEvent(definition: EventDefinition): Promise<void> {
      const { id, kind, capacity, admitting, review, ...rest } = definition;
      const waitlist = KIND_RULES[kind].waitlist;
      const modes = { admitting: admitting ?? rest.open, review: review ?? false };
      for (;;) {
        const event = await Event.findById(id).lean<SignupEventRecord>();
        if (!event) {
          try {
            await Event.create({ _id: new Types.ObjectId(id), kind, waitlist, capacity, taken: 0, remaining: capacity, waiting: 0, ...rest, ...modes });
            return;
          } catch (error) {
            if (!isDuplicateKey(error)) throw error;
            continue;
          }
        }
        const delta = capacity - event.capacity;
        if (event.remaining + delta < 0) throw new AppError('EVENT_CAPACITY_BELOW_TAKEN');
        const updated = await Event.findOneAndUpdate(
          { _id: event._id, capacity: event.capacity, remaining: { $gte: -delta } },
          { $set: { ...rest, ...modes, capacity }, $inc: { remaining: delta } },
        ).lean<SignupEventRecord>();
        if (!updated) {
          const now = await loadEvent(id);
          if (now.capacity === event.capacity) throw new AppError('EVENT_CAPACITY_BELOW_TAKEN');
          continue;
        }
        if (waitlist && delta > 0) await promoteWaiting(event._id);
        return;
      }
    },

    /**
     * Those of these events that still have a place left. Every event is defined before its course
     * or fair exists, so it is asked the other way round: the full ones are few, and reading the
     * few costs a fraction of reading every open event's counter.
     */
    async withPlacesLeft(ids: Types.ObjectId[]): Promise<Set<string>> {
      const full = await Event.find({ _id: { $in: ids }, remaining: { $lte: 0 } }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
      const fullIds = new Set(full.map((event) => event._id.toString()));
      return new Set(ids.map((id) => id.toString()).filter((id) => !fullIds.has(id)));
    },

    /** Places of each event, by id; events never defined are left out. */
    async counts(ids: (string | Types.ObjectId)[]): Promise<Map<string, SignupCounts>> {
      if (ids.length === 0) return new Map();
      const events = await readCounters(Event, ids.map(String));
      return new Map(events.map((event) => [event._id.toString(), { capacity: event.capacity, taken: event.taken, remaining: event.remaining, waitlisted: event.waiting }]));
    },

    /**
     * Signs the resident up, once: a repeat (or 20 at the same moment) answers the existing sign-up
     * with `created: false`. A place is taken first with one conditional `$inc`, then the sign-up is
     * stored; if that fails the place goes back. Closed (not open, or started on the server's clock)
     * is 409 SIGNUP_CLOSED, full 409 SIGNUP_FULL unless the kind keeps a waitlist.
     */
    async signUp(eventId: string, residentId: string, body: SignUpBody, options: SignUpOptions = {}): Promise<{ created: boolean; signup: ResidentSignup }> {
      for (let attempt = 0; ; attempt += 1) {
        const outcome = await attemptSignUp(eventId, residentId, body, options, attempt === 0);
        if (outcome) return { created: outcome.created, signup: await presentResident(outcome.signup) };
        if (attempt >= SIGNUP_ATTEMPTS) throw new AppError('SIGNUP_BUSY');
      }
    },

    async mineFor(eventId: string, residentId: string): Promise<ResidentSignup | null> {
      const signup = await Signup.findOne({ eventId, residentId, ...SETTLED }).lean<SettledSignupRecord>();
      return signup ? presentResident(signup) : null;
    },

    /** The resident's sign-ups of one kind, newest first. */
    async mine(residentId: string, kind: SignupEventKind): Promise<ResidentSignup[]> {
      const signups = await Signup.find({ residentId, kind, ...SETTLED }).sort({ createdAt: -1, _id: -1 }).limit(100).lean<SettledSignupRecord[]>();
      return Promise.all(signups.map(presentResident));
    },

    /** The resident's sign-ups among these ids (their own and their household members'), newest first. */
    async mineAmong(residentIds: string[], kind: SignupEventKind): Promise<ResidentSignup[]> {
      const signups = await Signup.find({ residentId: { $in: residentIds }, kind, ...SETTLED }).sort({ createdAt: -1, _id: -1 }).limit(200).lean<SettledSignupRecord[]>();
      return Promise.all(signups.map(presentResident));
    },

    /** One sign-up of the event as the resident sees it (ticket, queue position). */
    residentView: async (eventId: string, signupId: string): Promise<ResidentSignup> => presentResident(await loadSignup(eventId, signupId)),

    /** One sign-up of the event with who it is for, for the owner of the event. */
    async find(eventId: string, signupId: string): Promise<StaffSignup & { residentId: string; contactId: string | null; waitlistPosition: number | null; reason: string | null }> {
      const signup = await loadSignup(eventId, signupId);
      return { ...presentStaffSignup(signup), residentId: signup.residentId, contactId: contactOf(signup), waitlistPosition: await waitlistPosition(signup), reason: signup.reason ?? null };
    },

    /**
     * Sign-ups of the event for staff: pending by priority then time, waitlisted in queue order,
     * the rest in the order they came; `positions` gives each waitlisted one its place in the queue.
     */
    async listFor(eventId: string): Promise<(SettledSignupRecord & { waitlistPosition: number | null })[]> {
      const signups = await Signup.find({ eventId: new Types.ObjectId(eventId), ...SETTLED }).lean<SettledSignupRecord[]>();
      const time = (value: Date | null | undefined) => value?.getTime() ?? 0;
      const queue = signups.filter((s) => s.status === 'waitlisted').sort((a, b) => time(a.waitlistedAt) - time(b.waitlistedAt) || a._id.toString().localeCompare(b._id.toString()));
      const positions = new Map(queue.map((s, i) => [s._id.toString(), i + 1]));
      return signups.map((s) => ({ ...s, waitlistPosition: positions.get(s._id.toString()) ?? null }));
    },

    /**
     * Staff decide on one sign-up: `admit` a pending one (a place, or the waitlist when full),
     * `reject` a pending or waitlisted one, `remove` an admitted one (its place goes to the first
     * in line). Each step is a conditional update on the sign-up's current status; places move
     * only through the event's counters, so nothing is ever overbooked. 409 when the status does
     * not allow it.
     */
    async decide(eventId: string, signupId: string, decision: StaffDecision, reason: string | null = null): Promise<SettledSignupRecord> {
      const event = await loadEvent(eventId);
      const signup = await loadSignup(eventId, signupId);
      const refused = () => new AppError('SIGNUP_DECISION_REFUSED');
      if (decision === 'admit') {
        if (signup.status !== 'pending') throw refused();
        const moved = await admitPendingSignup(event, signup._id);
        if (!moved) throw refused();
        return moved;
      }
      const from = decision === 'reject' ? ['pending', 'waitlisted'] : ['confirmed'];
      if (!from.includes(signup.status)) throw refused();
      const before = await Signup.findOneAndUpdate(
        { _id: signup._id, status: { $in: from } },
        { $set: { status: decision === 'reject' ? 'rejected' : 'removed', reason, cancelledAt: clock.now() } },
      ).lean<SettledSignupRecord>();
      if (!before) throw refused();
      if (before.status === 'confirmed') await giveBack(event);
      else if (before.status === 'waitlisted') await Event.updateOne({ _id: event._id, waiting: { $gt: 0 } }, { $inc: { waiting: -1 } });
      return (await Signup.findById(signup._id).lean<SettledSignupRecord>())!;
    },

    /**
     * Admits every pending sign-up in order (priority first, then the time they applied) until the
     * places are gone; the rest join the waitlist in the same order. Answers the sign-ups moved.
     */
    async admitPending(eventId: string): Promise<SettledSignupRecord[]> {
      const event = await loadEvent(eventId);
      const pending = await Signup.find({ eventId: event._id, status: 'pending' }, { _id: 1 }).sort({ priority: -1, pendingAt: 1, _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
      const moved: SettledSignupRecord[] = [];
      for (const { _id } of pending) {
        const outcome = await admitPendingSignup(event, _id);
        if (outcome) moved.push(outcome);
      }
      return moved;
    },

    /** What staff scanned or typed, as the sign-up of this event it belongs to (400 TICKET_INVALID otherwise). */
    async identify(eventId: string, ticket: string): Promise<SettledSignupRecord> {
      const signup = await resolveTicket(await loadEvent(eventId), ticket);
      if (signup.status === SIGNUP_CLAIMED) throw new AppError('TICKET_INVALID');
      return signup as SettledSignupRecord;
    },

    /** The resident cancels before the start; a confirmed place goes back (to the waitlist first). */
    async cancel(eventId: string, residentId: string): Promise<ResidentSignup> {
      const signup = await Signup.findOne({ eventId, residentId, ...SETTLED }).lean<SettledSignupRecord>();
      if (!signup) throw notFound('没有找到这次报名');
      if (signup.status === 'cancelled') return presentResident(signup);
      const event = await loadEvent(eventId);
      const now = clock.now();
      if (event.startsAt.getTime() <= now.getTime()) throw new AppError('SIGNUP_NOT_CANCELLABLE');
      const before = await Signup.findOneAndUpdate(
        { _id: signup._id, status: { $in: ['confirmed', 'waitlisted', 'pending'] }, checkedInAt: null },
        { $set: { status: 'cancelled', cancelledAt: now } },
      ).lean<SignupRecord>();
      if (!before) {
        const current = await Signup.findById(signup._id).lean<SettledSignupRecord>();
        if (current?.status === 'cancelled') return presentResident(current);
        throw new AppError('SIGNUP_NOT_CANCELLABLE');
      }
      if (before.status === 'confirmed') await giveBack(event);
      else if (before.status === 'waitlisted') await Event.updateOne({ _id: event._id, waiting: { $gt: 0 } }, { $inc: { waiting: -1 } });
      return presentResident((await Signup.findById(signup._id).lean<SettledSignupRecord>())!);
    },

    /**
     * Checks a ticket in at the door: the QR payload (signature checked) or the short code of a
     * sign-up of this event. One conditional update (`checkedInAt: null`) lets only the first
     * scan through; a second is 409 TICKET_ALREADY_CHECKED_IN saying when the first was.
     */
    async checkIn(eventId: string, ticket: string, staff: { displayName: string }): Promise<StaffSignup> {
      const event = await loadEvent(eventId);
      const signup = await resolveTicket(event, ticket);
      if (signup.status !== 'confirmed') throw new AppError('TICKET_NOT_VALID');
      const updated = await Signup.findOneAndUpdate(
        { _id: signup._id, status: 'confirmed', checkedInAt: null },
        { $set: { checkedInAt: clock.now(), checkedInBy: staff.displayName } },
        { new: true },
      ).lean<SettledSignupRecord>();
      if (updated) return presentStaffSignup(updated);
      const current = (await Signup.findById(signup._id).lean<SignupRecord>())!;
      if (!current.checkedInAt) throw new AppError('TICKET_NOT_VALID');
      throw new AppError(
        'TICKET_ALREADY_CHECKED_IN',
        `这张电子票已于 ${chinaTime(current.checkedInAt)} 签到${current.checkedInBy ? `（${current.checkedInBy}）` : ''}，不能重复签到`,
        [{ field: 'firstCheckedInAt', message: current.checkedInAt.toISOString() }],
      );
    },

    async stats(eventId: string): Promise<{ confirmed: number; checkedIn: number; cancelled: number; waitlisted: number }> {
      const id = new Types.ObjectId(eventId);
      const [confirmed, checkedIn, cancelled, waitlisted] = await Promise.all([
        Signup.countDocuments({ eventId: id, status: 'confirmed' }),
        Signup.countDocuments({ eventId: id, status: 'confirmed', checkedInAt: { $ne: null } }),
        Signup.countDocuments({ eventId: id, status: 'cancelled' }),
        Signup.countDocuments({ eventId: id, status: 'waitlisted' }),
      ]);
      return { confirmed, checkedIn, cancelled, waitlisted };
    },

    /** Every sign-up of the event in the order they came, with the full name for the bureau's sheet. */
    async roster(eventId: string): Promise<(StaffSignup & { name: string })[]> {
      const signups = await Signup.find({ eventId: new Types.ObjectId(eventId), ...SETTLED }).sort({ createdAt: 1, _id: 1 }).lean<SettledSignupRecord[]>();
      return signups.map((signup) => ({ ...presentStaffSignup(signup), name: signup.name }));
    },

    /**
     * The reminder the day before: for every open event starting within 24 hours, each confirmed
     * sign-up is first marked `reminderQueuedAt` by one conditional update and only the winner
     * queues the message. The marks live in the database, so a restart, a second run or a second
     * server process never queues one twice (a crash between the mark and the queue loses that
     * one reminder rather than risking a double).
     */
    async queueReminders(): Promise<number> {
      const now = clock.now();
      const events = await Event.find({ open: true, startsAt: { $gt: now, $lte: new Date(now.getTime() + REMINDER_LEAD_MS) } }).lean<SignupEventRecord[]>();
      let queued = 0;
      for (const event of events) {
        const due = await Signup.find({ eventId: event._id, status: 'confirmed', reminderQueuedAt: null }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
        for (const { _id } of due) {
          const won = await Signup.findOneAndUpdate({ _id, status: 'confirmed', reminderQueuedAt: null }, { $set: { reminderQueuedAt: now } }).lean<SignupRecord>();
          const contactId = won && contactOf(won);
          if (!contactId) continue;
          const rules = KIND_RULES[event.kind];
          await deps.notifications.eventReminder({
            residentId: contactId,
            title: event.title,
            startsAt: event.startsAt,
            place: event.place,
            note: rules.reminderNote,
            page: rules.reminderPage(event._id.toString()),
            at: now,
          });
          queued += 1;
        }
      }
      return queued;
    },
  };
}

export type SignupsService = ReturnType<typeof createSignupsService>;
