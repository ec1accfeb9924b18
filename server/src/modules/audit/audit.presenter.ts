import type { Types } from 'mongoose';
import type { AuditEntry } from '@anqian/shared';
import type { AuditRecord } from './audit.model';

export function presentAudit(record: AuditRecord & { _id: Types.ObjectId }): AuditEntry {
  return {
    id: record._id.toString(),
    at: record.at.toISOString(),
    actorId: record.actorId ?? null,
    actorName: record.actorName,
    role: record.role ?? null,
    divisionCode: record.divisionCode ?? null,
    ip: record.ip,
    action: record.action,
    targetType: record.targetType ?? null,
    targetId: record.targetId ?? null,
    targetName: record.targetName ?? null,
    result: record.result,
    detail: record.detail ?? null,
    changes: (record.changes ?? []).map(({ field, before, after }) => ({ field: field ?? '', before: before ?? '', after: after ?? '' })),
  };
}
