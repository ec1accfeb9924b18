import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { SUBSCRIBE_TEMPLATE_KEYS } from '@anqian/shared';

/** `cancelled`: never sent because what it announced was withdrawn first. */
const OUTBOUND_STATUSES = ['pending', 'sending', 'sent', 'refused', 'failed', 'cancelled'] as const;

/** A subscribe message waiting for (or done with) delivery through WeChat. */
const outboundMessageSchema = new Schema(
  {
    residentId: { type: String, required: true },
    templateKey: { type: String, enum: SUBSCRIBE_TEMPLATE_KEYS, required: true },
    /** The acceptance this message spends; unique, so each pays for one message only. */
    grantId: { type: Schema.Types.ObjectId, required: true, unique: true },
    /** Template data as WeChat takes it: `{ thing1: { value } }`. */
    data: { type: Schema.Types.Mixed, required: true },
    page: { type: String, required: true },
    status: { type: String, enum: OUTBOUND_STATUSES, required: true, default: 'pending' },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    claimedAt: { type: Date, default: null },
    sentAt: { type: Date, default: null },
    /** WeChat's errcode and message or the network failure; never a token. */
    lastError: { type: String, default: null },
  },
  { collection: 'outbound_messages', timestamps: true, minimize: false },
);

outboundMessageSchema.index({ status: 1, nextAttemptAt: 1 });
outboundMessageSchema.index({ residentId: 1 });

/**
 * One delivery attempt, keyed `<message id>:<attempt number>`. A worker owns an attempt by
 * inserting its key; a second worker's insert of the same key fails, so it never sends.
 */
const deliveryAttemptSchema = new Schema(
  {
    _id: { type: String, required: true },
    messageId: { type: Schema.Types.ObjectId, required: true, index: true },
    startedAt: { type: Date, required: true },
    outcome: { type: String, enum: ['sent', 'retrying', 'refused', 'failed'], default: null },
    error: { type: String, default: null },
  },
  { collection: 'outbound_attempts' },
);

export type OutboundMessageRecord = InferSchemaType<typeof outboundMessageSchema> & { _id: Types.ObjectId };

export const outboundMessageModel = (connection: Connection) => connection.model('OutboundMessage', outboundMessageSchema);
export const deliveryAttemptModel = (connection: Connection) => connection.model('DeliveryAttempt', deliveryAttemptSchema);
