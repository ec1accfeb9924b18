import { Schema, type Connection } from 'mongoose';
import { SUBSCRIBE_TEMPLATE_KEYS } from '@anqian/shared';

/**
 * One one-time subscribe acceptance (the resident tapped "allow" once): it pays for one message.
 * A message takes it by its unique `grantId`, so two events can never spend the same acceptance.
 */
const subscriptionGrantSchema = new Schema(
  {
    residentId: { type: String, required: true },
    templateKey: { type: String, enum: SUBSCRIBE_TEMPLATE_KEYS, required: true },
    /** Set once a message took this acceptance; the unique index on messages decides who did. */
    usedAt: { type: Date, default: null },
  },
  { collection: 'subscription_grants', timestamps: { createdAt: true, updatedAt: false } },
);

subscriptionGrantSchema.index({ residentId: 1, templateKey: 1, usedAt: 1 });

export const subscriptionGrantModel = (connection: Connection) => connection.model('SubscriptionGrant', subscriptionGrantSchema);
