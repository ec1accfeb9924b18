import { createHash } from 'node:crypto';
import { mongo, Types, type Connection } from 'mongoose';
import { JOB_APPLICATION_STATUS_LABELS, type JobApplicationStatus, REGISTRATION_STATUS_LABELS, type RegistrationStatus, type SubscribeTemplateKey } from '@anqian/shared';
import type { SubscribeMessageData } from '../../integrations/wechat/subscribe-data';
import { WechatApiError, WechatUnavailableError, type WechatClient } from '../../integrations/wechat/wechat-client';
import { deliveryAttemptModel, outboundMessageModel, type OutboundMessageRecord } from './outbound-message.model';
import { subscriptionGrantModel } from './subscription-grant.model';

export type SubscribeSender = Pick<WechatClient, 'sendSubscribeMessage'>;

export type NotificationsDeps = {
  connection: Connection;
  wechat: SubscribeSender;
  /** Our template keys → the template ids configured in the WeChat console. */
  templates: Record<SubscribeTemplateKey, string>;
  /** The resident's openid, or null when the resident no longer exists. */
  openidOf: (residentId: string) => Promise<string | null>;
};

/** Waits after the 1st … 5th failed attempt; the 6th failure gives up. */
const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000];
const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** A claim this old belongs to a worker that died mid-send; another may try again. */
const STALE_CLAIM_MS = 10 * 60_000;
/** Messages one worker run handles at most, so a backlog cannot hold the job for long. */
const MESSAGES_PER_RUN = 100;
/** Acceptances a resident can bank per template; more taps add nothing. */
const MAX_UNUSED_GRANTS = 20;

/**
 * Field keys of the "登记状态变更" template as chosen in the WeChat console:
 * 事项 thing1, 办理状态 phrase2, 更新时间 time3, 备注 thing4.
 */
const REGISTRATION_STATUS_FIELDS = { subject: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' } as const;
const THING_MAX = 20;

const pad = (value: number) => String(value).padStart(2, '0');

/** WeChat's `time` field, in China time whatever the server's zone: 2026年3月5日 09:30. */
export function chinaTime(at: Date): string {
  const local = new Date(at.getTime() + 8 * 60 * 60_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** A `thing` value: one line, at most 20 characters, shortened with an ellipsis. */
export function thingValue(text: string): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  return characters.length <= THING_MAX ? characters.join('') : `${characters.slice(0, THING_MAX - 1).join('')}…`;
}

function registrationStatusData(event: { status: RegistrationStatus; reason?: string; at: Date }): SubscribeMessageData {
  const fields = REGISTRATION_STATUS_FIELDS;
  return {
    [fields.subject]: { value: '搬迁意愿登记' },
    [fields.status]: { value: REGISTRATION_STATUS_LABELS[event.status] },
    [fields.time]: { value: chinaTime(event.at) },
    [fields.note]: { value: event.reason?.trim() ? thingValue(event.reason) : '无' },
  };
}

/**
 * Field keys of the "求职进度通知" template as chosen in the WeChat console:
 * 岗位名称 thing1, 投递状态 phrase2, 更新时间 time3, 备注 thing4.
 */
const JOB_APPLICATION_STATUS_FIELDS = { posting: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' } as const;

function jobApplicationStatusData(event: { postingTitle: string; status: JobApplicationStatus; message?: string; at: Date }): SubscribeMessageData {
  const fields = JOB_APPLICATION_STATUS_FIELDS;
  return {
    [fields.posting]: { value: thingValue(event.postingTitle) },
    [fields.status]: { value: JOB_APPLICATION_STATUS_LABELS[event.status] },
    [fields.time]: { value: chinaTime(event.at) },
    [fields.note]: { value: event.message?.trim() ? thingValue(event.message) : '无' },
  };
}

/**
 * Field keys of the "活动开始提醒" template as chosen in the WeChat console:
 * 活动名称 thing1, 开始时间 time2, 活动地点 thing3, 温馨提示 thing4.
 */
const EVENT_REMINDER_FIELDS = { title: 'thing1', startsAt: 'time2', place: 'thing3', note: 'thing4' } as const;

function eventReminderData(event: { title: string; startsAt: Date; place: string; note: string }): SubscribeMessageData {
  const fields = EVENT_REMINDER_FIELDS;
  return {
    [fields.title]: { value: thingValue(event.title) },
    [fields.startsAt]: { value: chinaTime(event.startsAt) },
    [fields.place]: { value: thingValue(event.place) },
    [fields.note]: { value: thingValue(event.note) },
  };
}

/**
 * Field keys of the "诉求答复通知" template as chosen in the WeChat console:
 * 诉求类别 thing1, 办理状态 phrase2, 答复时间 time3, 答复内容 thing4.
 */
const REQUEST_REPLY_FIELDS = { category: 'thing1', status: 'phrase2', time: 'time3', reply: 'thing4' } as const;

function requestReplyData(event: { category: string; reply: string; at: Date }): SubscribeMessageData {
  const fields = REQUEST_REPLY_FIELDS;
  return {
    [fields.category]: { value: thingValue(event.category) },
    [fields.status]: { value: '已答复' },
    [fields.time]: { value: chinaTime(event.at) },
    [fields.reply]: { value: thingValue(event.reply) },
  };
}

/**
 * Field keys of the "灾害预警通知" template as chosen in the WeChat console:
 * 预警内容 thing1, 预警区域 thing2, 发布时间 time3, 温馨提示 thing4.
 */
const HAZARD_ALERT_FIELDS = { title: 'thing1', area: 'thing2', time: 'time3', note: 'thing4' } as const;
function hazardAlertData(event: { title: string; areaName: string; at: Date }): SubscribeMessageData {
  const fields = HAZARD_ALERT_FIELDS;
  return {
    [fields.title]: { value: thingValue(event.title) },
    [fields.area]: { value: thingValue(event.areaName) },
    [fields.time]: { value: chinaTime(event.at) },
    [fields.note]: { value: '请立即避险，点开查看详情' },
  };
}

/**
 * Field keys of the "培训报名结果通知" template as chosen in the WeChat console:
 * 培训名称 thing1, 报名状态 phrase2, 更新时间 time3, 温馨提示 thing4.
 */
const TRAINING_STATUS_FIELDS = { course: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' } as const;

function trainingStatusData(event: { courseTitle: string; status: string; note: string; at: Date }): SubscribeMessageData {
  const fields = TRAINING_STATUS_FIELDS;
  return {
    [fields.course]: { value: thingValue(event.courseTitle) },
    [fields.status]: { value: event.status },
    [fields.time]: { value: chinaTime(event.at) },
    [fields.note]: { value: thingValue(event.note) },
  };
}

/** Residents a bulk queueing step handles per round trip (grants read, messages inserted, grants spent). */
const BULK_BATCH = 1000;

/** The id of the one message an event may send a resident: the same on every run, so a rerun inserts nothing twice. */
const bulkMessageId = (eventKey: string, residentId: string) =>
  new Types.ObjectId(createHash('sha256').update(`${eventKey}:${residentId}`).digest().subarray(0, 12));

const hazardAlertPage = (announcementId: string) => `subpackages/announcements/pages/detail/index?id=${announcementId}`;

/** Inserts every document whose unique keys are free; answers the positions refused as duplicates. */
async function insertSkippingDuplicates(collection: mongo.Collection, documents: mongo.Document[]): Promise<Set<number>> {
  try {
    await collection.insertMany(documents, { ordered: false });
    return new Set();
  } catch (error) {
    const writeErrors = (error as { writeErrors?: { code?: number; index: number }[] | { code?: number; index: number } }).writeErrors;
    const failures = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
    if (failures.length === 0 || failures.some((failure) => failure.code !== 11000)) throw error;
    return new Set(failures.map((failure) => failure.index));
  }
}

/** Each collection here has one unique key besides `_id`, so the code alone says which one refused. */
const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

/** For `lastError`: WeChat's errcode and message (the client scrubs tokens from it) or the network reason. */
function describeFailure(error: unknown): string {
  if (error instanceof WechatApiError) return `${error.errcode} ${error.errmsg}`.slice(0, 300);
  if (error instanceof WechatUnavailableError) return `unavailable: ${error.reason}`;
  return `unexpected: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
}

type Outcome = 'sent' | 'retrying' | 'refused' | 'failed';

/**
 * Subscribe messages (订阅消息). Each one-time acceptance is stored on its own and pays for one
 * message; the worker delivers queued messages with retries.
 *
 * Exactly-once steps rest on unique-key inserts: an insert under a unique index has one winner,
 * across server processes too.
 */
export function createNotificationsService(deps: NotificationsDeps) {
  const Grant = subscriptionGrantModel(deps.connection);
  const Message = outboundMessageModel(deps.connection);
  const Attempt = deliveryAttemptModel(deps.connection);

  /** Spends one unused acceptance on the message; without one, nothing is queued. */
  async function queue(residentId: string, templateKey: SubscribeTemplateKey, page: string, data: SubscribeMessageData, at: Date) {
    for (;;) {
      const unused = await Grant.find({ residentId, templateKey, usedAt: null }, { _id: 1 }).sort({ createdAt: 1 }).limit(5).lean();
      if (unused.length === 0) return;
      for (const grant of unused) {
        try {
          await Message.create({ residentId, templateKey, grantId: grant._id, page, data, status: 'pending', attempts: 0, nextAttemptAt: at });
          await Grant.updateOne({ _id: grant._id }, { $set: { usedAt: at } });
          return;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          // Another event took this acceptance first.
          await Grant.updateOne({ _id: grant._id }, { $set: { usedAt: at } });
        }
      }
    }
  }

  /** The next due message this worker could claim, skipping ones another worker took. */
  async function claimNext(now: Date, skip: Types.ObjectId[]): Promise<OutboundMessageRecord | null> {
    // Unsorted, and without `$nin`, so the database stops at the first rows it finds: on the
    // embedded database a sorted or `$nin` query decodes every due message (11 s each with 23,000
    // queued by a county-wide hazard alert). Due messages go out in the order they were stored.
    const firstDue = async (filter: Record<string, unknown>) => {
      const skipped = new Set(skip.map(String));
      const found = await Message.find(filter).limit(skip.length + 1).lean<OutboundMessageRecord[]>();
      return found.find((message) => !skipped.has(message._id.toString())) ?? null;
    };
    for (;;) {
      const due =
        (await firstDue({ status: 'sending', claimedAt: { $lt: new Date(now.getTime() - STALE_CLAIM_MS) } })) ??
        (await firstDue({ status: 'pending', nextAttemptAt: { $lte: now } }));
      if (!due) return null;
      const attempts = due.attempts + 1;
      try {
        await Attempt.create({ _id: `${due._id.toString()}:${attempts}`, messageId: due._id, startedAt: now });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        skip.push(due._id);
        continue;
      }
      // Only as it was found: a message cancelled in the meantime stays cancelled.
      const claimed = await Message.updateOne({ _id: due._id, status: due.status }, { $set: { status: 'sending', claimedAt: now, attempts } });
      if (claimed.modifiedCount === 0) {
        skip.push(due._id);
        continue;
      }
      return { ...due, status: 'sending', claimedAt: now, attempts };
    }
  }

  async function deliver(message: OutboundMessageRecord, now: Date): Promise<Outcome> {
    const finish = async (outcome: Outcome, set: Record<string, unknown>) => {
      await Message.updateOne({ _id: message._id }, { $set: set });
      await Attempt.updateOne({ _id: `${message._id.toString()}:${message.attempts}` }, { $set: { outcome, error: set.lastError ?? null } });
      return outcome;
    };
    try {
      const openid = await deps.openidOf(message.residentId);
      if (!openid) return await finish('failed', { status: 'failed', lastError: 'resident no longer exists' });
      await deps.wechat.sendSubscribeMessage({
        toUser: openid,
        templateId: deps.templates[message.templateKey],
        page: message.page,
        data: message.data as SubscribeMessageData,
        lang: 'zh_CN',
      });
      return await finish('sent', { status: 'sent', sentAt: now, lastError: null });
    } catch (error) {
      const lastError = describeFailure(error);
      if (error instanceof WechatApiError && error.kind === 'refused') return finish('refused', { status: 'refused', lastError });
      // Data or a page WeChat rejects will be rejected again.
      const hopeless = error instanceof WechatApiError && (error.kind === 'bad_data' || error.kind === 'bad_page');
      if (hopeless || message.attempts >= MAX_ATTEMPTS) return finish('failed', { status: 'failed', lastError });
      const nextAttemptAt = new Date(now.getTime() + BACKOFF_MS[message.attempts - 1]);
      return finish('retrying', { status: 'pending', nextAttemptAt, lastError });
    }
  }

  return {
    templateIds: (): Record<SubscribeTemplateKey, string> => ({ ...deps.templates }),

    /** The resident tapped "allow" for these one-time templates: one more message each. */
    async grant(residentId: string, accepted: readonly SubscribeTemplateKey[]): Promise<void> {
      for (const templateKey of new Set(accepted)) {
        if ((await Grant.countDocuments({ residentId, templateKey, usedAt: null })) >= MAX_UNUSED_GRANTS) continue;
        await Grant.create({ residentId, templateKey });
      }
    },

    /**
     * Queues a subscribe message to the resident if they granted one; never throws for WeChat
     * trouble (delivery happens later, in `deliverPendingMessages`).
     */
    async registrationStatusChanged(event: {
      residentId: string;
      registrationId: string;
      status: RegistrationStatus;
      reason?: string;
      at: Date;
    }): Promise<void> {
      const page = `subpackages/registration/pages/detail/index?id=${event.registrationId}`;
      await queue(event.residentId, 'registration_status', page, registrationStatusData(event), event.at);
    },

    /** Queues a subscribe message about a job application's new status, like `registrationStatusChanged`. */
    async jobApplicationStatusChanged(event: {
      residentId: string;
      applicationId: string;
      postingTitle: string;
      status: JobApplicationStatus;
      message?: string;
      at: Date;
    }): Promise<void> {
      const page = `subpackages/jobs/pages/application/index?id=${event.applicationId}`;
      await queue(event.residentId, 'job_application_status', page, jobApplicationStatusData(event), event.at);
    },

    /** Queues the reminder the day before a job fair or course the resident signed up for. */
    async eventReminder(event: { residentId: string; title: string; startsAt: Date; place: string; note: string; page: string; at: Date }): Promise<void> {
      await queue(event.residentId, 'event_reminder', event.page, eventReminderData(event), event.at);
    },

    /** Queues the message about a training application: admitted, off the waitlist, completed (`status` is a short Chinese phrase). */
    async trainingStatusChanged(event: { residentId: string; courseId: string; courseTitle: string; status: string; note: string; at: Date }): Promise<void> {
      const page = `subpackages/training/pages/detail/index?id=${event.courseId}`;
      await queue(event.residentId, 'training_status', page, trainingStatusData(event), event.at);
    },

    /** Queues the message that a resident's request (诉求) has a new reply; `category` is its Chinese label. */
    async requestReplied(event: { residentId: string; requestId: string; category: string; reply: string; at: Date }): Promise<void> {
      const page = `subpackages/requests/pages/detail/index?id=${event.requestId}`;
      await queue(event.residentId, 'request_reply', page, requestReplyData(event), event.at);
    },

    /**
     * A hazard alert to every resident in `residentIds` who banked an acceptance of the template,
     * in batches of a thousand: one read of the acceptances, one insert of the messages and one
     * removal of the acceptances they spent per batch. Each message's id is derived from the
     * announcement and the resident, so a rerun (after a restart, or the maintenance job finishing
     * a cut-off run) inserts nothing twice and spends nothing more. Spent acceptances are removed
     * rather than marked: on the embedded database, updating a thousand documents costs ten times
     * removing them, and the message keeps the acceptance's id. `onQueued` hears how many new
     * messages each batch queued, so progress is recorded as it happens.
     */
    async hazardAlert(
      event: { announcementId: string; residentIds: readonly string[]; title: string; areaName: string; at: Date },
      onQueued: (count: number) => Promise<void>,
    ): Promise<void> {
      const eventKey = `hazard_alert:${event.announcementId}`;
      const data = hazardAlertData(event);
      const page = hazardAlertPage(event.announcementId);
      for (let start = 0; start < event.residentIds.length; start += BULK_BATCH) {
        const batch = event.residentIds.slice(start, start + BULK_BATCH);
        const grants = await Grant.find({ residentId: { $in: batch }, templateKey: 'hazard_alert', usedAt: null }, { residentId: 1 })
          .sort({ createdAt: 1 })
          .lean<{ _id: Types.ObjectId; residentId: string }[]>();
        const grantOf = new Map<string, Types.ObjectId>();
        for (const grant of grants) if (!grantOf.has(grant.residentId)) grantOf.set(grant.residentId, grant._id);
        if (grantOf.size === 0) continue;
        const messages = [...grantOf].map(([residentId, grantId]) => ({
          _id: bulkMessageId(eventKey, residentId),
          residentId,
          templateKey: 'hazard_alert',
          grantId,
          page,
          data,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: event.at,
          claimedAt: null,
          sentAt: null,
          lastError: null,
          createdAt: event.at,
          updatedAt: event.at,
        }));
        // Queued already by an earlier run (same id), or the acceptance went to another message: every other insert stands.
        const refused = await insertSkippingDuplicates(Message.collection, messages);
        const spent = messages.filter((_, index) => !refused.has(index));
        if (spent.length) {
          await Grant.deleteMany({ _id: { $in: spent.map((message) => message.grantId) } });
          await onQueued(spent.length);
        }
      }
    },

    /**
     * A withdrawn alert reaches nobody who has not got it yet: its unsent messages are cancelled
     * and each resident gets the acceptance back, so the next alert still reaches them. The
     * acceptance is given back first under an id derived from the message, then taken away again
     * if the worker claimed the message in between: a rerun after a crash gives nothing back twice.
     * Answers how many messages were cancelled.
     */
    async cancelHazardAlert(announcementId: string): Promise<number> {
      const page = hazardAlertPage(announcementId);
      let cancelled = 0;
      for (;;) {
        const pending = await Message.find({ status: 'pending', templateKey: 'hazard_alert', page }, { residentId: 1, createdAt: 1 })
          .limit(BULK_BATCH)
          .lean<{ _id: Types.ObjectId; residentId: string; createdAt: Date }[]>();
        if (pending.length === 0) return cancelled;
        const returnedGrantId = (messageId: Types.ObjectId) => bulkMessageId('returned', messageId.toString());
        await insertSkippingDuplicates(
          Grant.collection,
          pending.map((message) => ({ _id: returnedGrantId(message._id), residentId: message.residentId, templateKey: 'hazard_alert', usedAt: null, createdAt: message.createdAt })),
        );
        const ids = pending.map((message) => message._id);
        await Message.updateMany({ _id: { $in: ids }, status: 'pending' }, { $set: { status: 'cancelled', lastError: 'withdrawn before sending' } });
        const claimed = await Message.find({ _id: { $in: ids }, status: { $ne: 'cancelled' } }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
        if (claimed.length) await Grant.deleteMany({ _id: { $in: claimed.map((message) => returnedGrantId(message._id)) } });
        cancelled += pending.length - claimed.length;
      }
    },

    /**
     * The worker: claims due messages one at a time, sends each through WeChat and records the
     * outcome. 43101 (the user refused) is final; other failures wait 30 s, 2 min, 10 min, 1 h,
     * 6 h and give up after 6 attempts. Two workers at once never send the same message.
     */
    async deliverPendingMessages(now = new Date()): Promise<Record<Outcome, number>> {
      const outcomes: Record<Outcome, number> = { sent: 0, retrying: 0, refused: 0, failed: 0 };
      const skip: Types.ObjectId[] = [];
      for (let handled = 0; handled < MESSAGES_PER_RUN; handled += 1) {
        const message = await claimNext(now, skip);
        if (!message) break;
        skip.push(message._id);
        outcomes[await deliver(message, now)] += 1;
      }
      return outcomes;
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
