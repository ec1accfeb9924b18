import {
  type InternalStep,
  type PhotoRef,
  type PublicHistoryEntry,
  REQUEST_ACTION_LABELS,
  REQUEST_CATEGORY_LABELS,
  REQUEST_OPEN_STATUSES,
  REQUEST_REOPEN_DAYS,
  REQUEST_STAGE_LABELS,
  type RequestAction,
  type RequestPlace,
  type RequestStage,
  type RequestStatus,
  type ResidentRequest,
  type ResidentRequestSummary,
  STAFF_ROLE_LABELS,
  type StaffRequestDetail,
  type StaffRequestSummary,
  type StageStep,
  requestStage,
} from '@anqian/shared';
import type { RequestRecord } from './resident-request.model';

const EXCERPT_LENGTH = 40;
const REOPEN_WINDOW_MS = REQUEST_REOPEN_DAYS * 86_400_000;
/** `nextDue` of a request with nothing left to do: sorts after every real date. */
export const NO_DUE = '9999-12-31';

const excerpt = (text: string) => {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  return characters.length <= EXCERPT_LENGTH ? characters.join('') : `${characters.slice(0, EXCERPT_LENGTH).join('')}…`;
};

const iso = (at: Date | null | undefined) => (at ? at.toISOString() : null);
const isOpen = (status: RequestStatus) => REQUEST_OPEN_STATUSES.includes(status);
export const isRequestOverdue = (record: Pick<RequestRecord, 'nextDue'>, today: string) => record.nextDue < today;

function stageOf(record: RequestRecord): RequestStage {
  return requestStage(record.status as RequestStatus, record.handlingSince !== null);
}

/** Replies of the current round: after the reopening, if any. */
const roundReplies = (record: RequestRecord) => (record.reopenedAt ? record.replies.filter((reply) => reply.at >= record.reopenedAt!) : record.replies);

/** The four stages, dated as far as the current round got. */
function stageSteps(record: RequestRecord): StageStep[] {
  const stage = stageOf(record);
  const firstReply = roundReplies(record)[0]?.at ?? null;
  const dates: Record<StageStep['stage'], Date | null> = {
    submitted: record.submittedAt,
    processing: record.handlingSince ?? (stage === 'replied' || stage === 'closed' ? firstReply : null),
    replied: stage === 'replied' || stage === 'closed' ? firstReply : null,
    closed: stage === 'closed' ? record.closedAt : null,
  };
  return (['submitted', 'processing', 'replied', 'closed'] as const).map((key) => ({ stage: key, label: REQUEST_STAGE_LABELS[key], at: iso(dates[key]) }));
}

/**
 * The resident's history, read from the internal steps but naming none of them: who assigned or
 * transferred, and why, stays inside. A round shows 处理中 once, at its first handling step.
 */
function publicHistory(record: RequestRecord): PublicHistoryEntry[] {
  const history: PublicHistoryEntry[] = [];
  let handled = false;
  let replyIndex = 0;
  for (const step of record.steps) {
    const at = step.at.toISOString();
    const action = step.action as RequestAction | 'submit';
    if (action === 'submit') history.push({ kind: 'submitted', label: REQUEST_STAGE_LABELS.submitted, at });
    else if (action === 'assign' || action === 'transfer') {
      if (!handled) history.push({ kind: 'processing', label: REQUEST_STAGE_LABELS.processing, at });
      handled = true;
    } else if (action === 'reply') {
      const reply = record.replies[replyIndex];
      replyIndex += 1;
      handled = true;
      if (reply) history.push({ kind: 'reply', label: `${reply.office}答复`, at: reply.at.toISOString(), text: reply.text });
    } else if (action === 'reopen') {
      history.push({ kind: 'reopened', label: '您申请了重新处理', at, text: step.detail ?? undefined });
      handled = true;
    } else if (action === 'close' || action === 'autoClose') history.push({ kind: 'closed', label: REQUEST_STAGE_LABELS.closed, at });
    else if (action === 'withdraw') history.push({ kind: 'withdrawn', label: REQUEST_STAGE_LABELS.withdrawn, at });
  }
  return history;
}

const presentReplies = (record: RequestRecord) => record.replies.map((reply) => ({ id: reply._id.toString(), text: reply.text, at: reply.at.toISOString(), office: reply.office }));
const presentRating = (record: RequestRecord) => (record.rating ? { score: record.rating.score, comment: record.rating.comment ?? '', at: record.rating.at.toISOString() } : null);

export function presentResidentSummary(record: RequestRecord): ResidentRequestSummary {
  const stage = stageOf(record);
  return {
    id: record._id.toString(),
    category: record.category,
    categoryLabel: REQUEST_CATEGORY_LABELS[record.category],
    excerpt: excerpt(record.text),
    stage,
    stageLabel: REQUEST_STAGE_LABELS[stage],
    submittedAt: record.submittedAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    replyCount: record.replies.length,
  };
}

export function reopenDeadline(record: RequestRecord): Date | null {
  const status = record.status as RequestStatus;
  if ((status !== 'replied' && status !== 'closed') || record.reopenCount > 0 || !record.lastRepliedAt) return null;
  return new Date(record.lastRepliedAt.getTime() + REOPEN_WINDOW_MS);
}

export function presentForResident(record: RequestRecord, place: RequestPlace, photos: PhotoRef[], now: Date): ResidentRequest {
  const status = record.status as RequestStatus;
  const until = reopenDeadline(record);
  const canReopen = until !== null && now <= until;
  return {
    ...presentResidentSummary(record),
    text: record.text,
    photos,
    place,
    steps: stageSteps(record),
    history: publicHistory(record),
    replies: presentReplies(record),
    rating: presentRating(record),
    canRate: (status === 'replied' || status === 'closed') && !record.rating,
    canReopen,
    reopenUntil: canReopen ? until.toISOString() : null,
    canWithdraw: status === 'submitted' || status === 'assigned',
  };
}

export type StaffNames = { village: string; township: string; handler: string };

export function presentStaffSummary(record: RequestRecord, names: StaffNames, today: string): StaffRequestSummary {
  return {
    id: record._id.toString(),
    category: record.category,
    excerpt: excerpt(record.text),
    status: record.status as RequestStatus,
    stage: stageOf(record),
    villageCode: record.villageCode,
    villageName: names.village,
    townshipName: names.township,
    handlerCode: record.handlerCode,
    handlerName: names.handler,
    assignee: record.assignee ? { id: record.assignee.staffId, name: record.assignee.name } : null,
    submittedAt: record.submittedAt.toISOString(),
    replyDue: record.replyDue ?? null,
    doneDue: record.doneDue,
    overdue: isOpen(record.status as RequestStatus) && isRequestOverdue(record, today),
    replyCount: record.replies.length,
    reopened: record.reopenCount > 0,
    rating: record.rating?.score ?? null,
  };
}

export function presentStaffDetail(
  record: RequestRecord,
  extras: { names: StaffNames; place: RequestPlace; photos: PhotoRef[]; residentPhoneMasked: string | null; today: string; can: StaffRequestDetail['can'] },
): StaffRequestDetail {
  const steps: InternalStep[] = record.steps.map((step) => ({
    action: step.action as InternalStep['action'],
    label: REQUEST_ACTION_LABELS[step.action as RequestAction] ?? step.action,
    at: step.at.toISOString(),
    actorName: step.actor.kind === 'resident' ? '群众本人' : step.actor.name,
    from: (step.from as RequestStatus | null) ?? null,
    to: (step.to as RequestStatus | null) ?? null,
    detail: step.detail ?? null,
  }));
  return {
    ...presentStaffSummary(record, extras.names, extras.today),
    text: record.text,
    photos: extras.photos,
    place: extras.place,
    residentPhoneMasked: extras.residentPhoneMasked,
    firstReplyDue: record.firstReplyDue,
    replies: record.replies.map((reply) => ({ id: reply._id.toString(), text: reply.text, at: reply.at.toISOString(), office: reply.office, staffName: reply.staffName })),
    notes: record.notes.map((note) => ({
      id: note._id.toString(),
      text: note.text,
      at: note.at.toISOString(),
      staffName: note.staffName,
      roleLabel: STAFF_ROLE_LABELS[note.role],
    })),
    steps,
    residentView: { stage: stageOf(record), steps: stageSteps(record), history: publicHistory(record) },
    ratingDetail: presentRating(record),
    can: extras.can,
  };
}
