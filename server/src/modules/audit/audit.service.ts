import type { Connection } from 'mongoose';
import { escapeRegex } from '../../db/escape-regex';
import type { AuditChange, AuditEntry, ListAuditQuery, Page } from '@anqian/shared';
import { auditModel } from './audit.model';
import { presentAudit } from './audit.presenter';

export type AuditInput = {
  actor: { id: string; name: string; role: string; divisionCode: string } | null;
  /** Shown when there is no signed-in actor, e.g. the user name tried at a failed sign-in. */
  actorLabel?: string;
  ip: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetName?: string | null;
  result: 'success' | 'failure';
  detail: string | null;
  changes?: AuditChange[];
};

/** Append-only: there is deliberately no update or delete here except the retention purge. */
export function createAuditService(connection: Connection) {
  const AuditLog = auditModel(connection);

  return {
    async record(input: AuditInput): Promise<void> {
      await AuditLog.create({
        actorId: input.actor?.id ?? null,
        actorName: input.actor?.name ?? input.actorLabel ?? '匿名',
        role: input.actor?.role ?? null,
        divisionCode: input.actor?.divisionCode ?? null,
        ip: input.ip,
        action: input.action,
        targetType: input.targetType,
        targetId: input.targetId,
        targetName: input.targetName ?? null,
        result: input.result,
        detail: input.detail,
        ...(input.changes?.length && { changes: input.changes }),
      });
    },

    async list(query: ListAuditQuery): Promise<Page<AuditEntry>> {
      const filter: Record<string, unknown> = {};
      if (query.actor) filter.actorName = { $regex: escapeRegex(query.actor) };
      if (query.action) filter.action = { $regex: `^${escapeRegex(query.action)}` };
      if (query.result) filter.result = query.result;
      if (query.from || query.to) {
        filter.at = { ...(query.from && { $gte: query.from }), ...(query.to && { $lte: query.to }) };
      }
      const [items, total] = await Promise.all([
        AuditLog.find(filter)
          .sort({ at: -1, _id: -1 })
          .skip((query.page - 1) * query.pageSize)
          .limit(query.pageSize)
          .lean(),
        AuditLog.countDocuments(filter),
      ]);
      return { items: items.map(presentAudit), total, page: query.page, pageSize: query.pageSize };
    },

    /** Retention job: removes only records older than the configured retention (≥ 180 days). */
    async purgeOlderThan(days: number): Promise<number> {
      const cutoff = new Date(Date.now() - days * 86_400_000);
      const { deletedCount } = await AuditLog.deleteMany({ at: { $lt: cutoff } });
      return deletedCount;
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
