import type { PublicNotice, PublicNoticeSummary, TownshipContact } from '@anqian/shared';
import type { PublicNoticeRecord } from './public-notice.model';

export function noticePhase(notice: { startDate: string; endDate: string }, today: string): PublicNoticeSummary['phase'] {
  if (today < notice.startDate) return 'upcoming';
  return today > notice.endDate ? 'ended' : 'open';
}

export function presentNoticeSummary(notice: PublicNoticeRecord, extras: { today: string; townshipNames: string[] }): PublicNoticeSummary {
  return {
    id: notice._id.toString(),
    title: notice.title,
    startDate: notice.startDate,
    endDate: notice.endDate,
    phase: noticePhase(notice, extras.today),
    householdCount: notice.entries.length,
    townshipNames: extras.townshipNames,
    publishedBy: notice.publishedBy,
    publishedAt: notice.publishedAt.toISOString(),
  };
}

export function presentNotice(notice: PublicNoticeRecord, extras: { today: string; townshipNames: string[]; contacts: TownshipContact[] }): PublicNotice {
  return {
    ...presentNoticeSummary(notice, extras),
    intro: notice.intro,
    entries: notice.entries.map((entry) => ({
      registrationId: entry.registrationId.toString(),
      headName: entry.headName,
      headIdNumberMasked: entry.headIdNumberMasked,
      memberCount: entry.memberCount,
      villageName: entry.villageName,
      ...(entry.resettlementType && { resettlementType: entry.resettlementType }),
    })),
    contacts: extras.contacts,
  };
}
