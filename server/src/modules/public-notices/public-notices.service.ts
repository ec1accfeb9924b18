import type { Connection } from 'mongoose';
import type { z } from 'zod';
import {
  type CreatedPublicNotice,
  type createPublicNoticeBodySchema,
  type listPublicNoticesQuerySchema,
  noticePeriodProblems,
  type NoticePeriodRule,
  type Page,
  type PublicNotice,
  type PublicNoticeSummary,
  townshipCodeOf,
} from '@anqian/shared';
import type { Clock } from '../../clock';
import type { StaffActor } from '../../security/staff-actor';
import { AppError, notFound, validationFailed } from '../../errors';
import { assertInScope, divisionFilter } from '../../security/scope';
import type { DivisionsService } from '../divisions/divisions.service';
import type { RegistrationsService } from '../registrations/registrations.service';
import type { TownshipContactsService } from '../township-contacts/township-contacts.service';
import { createCjkFont, renderNoticePdf } from './notice-pdf';
import { publicNoticeModel, type PublicNoticeRecord } from './public-notice.model';
import { presentNotice, presentNoticeSummary } from './public-notice.presenter';

type CreateBody = z.output<typeof createPublicNoticeBodySchema>;
type ListQuery = z.output<typeof listPublicNoticesQuerySchema>;

/** Public notices (公示) of verified households; publishing one moves each household to `publicizing`. */
export function createPublicNoticesService(deps: {
  connection: Connection;
  divisions: DivisionsService;
  registrations: RegistrationsService;
  townshipContacts: TownshipContactsService;
  clock: Clock;
  /** The Chinese font for the PDF (see `createCjkFont`). */
  cjkFontPath: string;
  /** The county's shortest notice period, both ends included. */
  noticeMinDays: number;
}) {
  const Notice = publicNoticeModel(deps.connection);
  const { divisions, registrations, townshipContacts, clock } = deps;
  const cjkFont = createCjkFont(deps.cjkFontPath);

  const periodRule = (): NoticePeriodRule => ({ today: clock.today(), minDays: deps.noticeMinDays });

  async function extras(notice: PublicNoticeRecord) {
    const townships = [...new Set(notice.villageCodes.map((code) => townshipCodeOf(code)!))].sort();
    return { today: clock.today(), townshipNames: await Promise.all(townships.map((code) => divisions.nameOf(code))) };
  }

  async function page(filter: Record<string, unknown>, query: ListQuery): Promise<Page<PublicNoticeSummary>> {
    const [notices, total] = await Promise.all([
      Notice.find(filter)
        .sort({ publishedAt: -1, _id: -1 })
        .skip((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .lean<PublicNoticeRecord[]>(),
      Notice.countDocuments(filter),
    ]);
    const items = await Promise.all(notices.map(async (notice) => presentNoticeSummary(notice, await extras(notice))));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** The detail adds each township's office phone, as set today, for objections. */
  async function detail(notice: PublicNoticeRecord): Promise<PublicNotice> {
    return presentNotice(notice, { ...(await extras(notice)), contacts: await townshipContacts.ofDivisions(notice.villageCodes) });
  }

  async function show(filter: Record<string, unknown>): Promise<PublicNotice> {
    const notice = await Notice.findOne(filter).lean<PublicNoticeRecord>();
    if (!notice) throw notFound('公示不存在');
    return detail(notice);
  }

  return {
    /** What a valid period is today: the admin console offers only such dates. */
    periodRule,

    /**
     * The period must start today or later and last the county's minimum, so every household on
     * the notice is open to objections for all of it; there is no way to change the dates after.
     * The notice is stored first, then each household moves to `publicizing` with its own
     * conditional update. One that changed status meanwhile is taken off the notice again, so a
     * notice never lists a household that is not on public notice.
     */
    async create(actor: StaffActor, body: CreateBody): Promise<CreatedPublicNotice> {
      const problems = Object.entries(noticePeriodProblems(body, periodRule()));
      if (problems.length) throw validationFailed(problems.map(([field, message]) => ({ field: `body.${field}`, message })));
      const entries = await registrations.noticeEntries(actor, body.registrationIds);
      const created = await Notice.create({
        title: body.title,
        intro: body.intro,
        startDate: body.startDate,
        endDate: body.endDate,
        entries,
        villageCodes: [...new Set(entries.map((entry) => entry.villageCode))],
        publishedById: actor.id,
        publishedBy: await divisions.nameOf(actor.divisionCode),
        publishedAt: clock.now(),
      });
      const ref = { id: created._id.toString(), title: body.title, startDate: body.startDate, endDate: body.endDate };
      const skipped: typeof entries = [];
      for (const entry of entries) {
        if (!(await registrations.publicize(actor, entry.registrationId, ref))) skipped.push(entry);
      }
      if (skipped.length === entries.length) {
        await Notice.deleteOne({ _id: created._id });
        throw new AppError('REGISTRATION_TRANSITION_NOT_ALLOWED', '所选登记的状态已变化，未能发布公示，请刷新后重试');
      }
      let notice = created.toObject() as PublicNoticeRecord;
      if (skipped.length) {
        const kept = entries.filter((entry) => !skipped.includes(entry));
        notice = (await Notice.findOneAndUpdate(
          { _id: created._id },
          { $set: { entries: kept, villageCodes: [...new Set(kept.map((entry) => entry.villageCode))] } },
          { new: true },
        ).lean<PublicNoticeRecord>())!;
      }
      return {
        ...(await detail(notice)),
        skipped: skipped.map((entry) => ({ registrationId: entry.registrationId, headName: entry.headName })),
      };
    },

    /** Notices that list at least one household of the caller's area. */
    async list(actor: StaffActor, query: ListQuery): Promise<Page<PublicNoticeSummary>> {
      const filter = divisionFilter(actor, 'villageCodes');
      if (query.villageCode) {
        assertInScope(actor, query.villageCode);
        filter.villageCodes = query.villageCode;
      }
      return page(filter, query);
    },

    get: (actor: StaffActor, id: string) => show({ _id: id, ...divisionFilter(actor, 'villageCodes') }),

    /** The notice as an A4 PDF for the village noticeboard; 503 `PDF_FONT_MISSING` without a Chinese font. */
    async pdf(actor: StaffActor, id: string): Promise<{ title: string; pdf: Buffer }> {
      const notice = await show({ _id: id, ...divisionFilter(actor, 'villageCodes') });
      return { title: notice.title, pdf: await renderNoticePdf(notice, await cjkFont()) };
    },

    /** A village's notices; by default those of the villages the resident has registered in. */
    async listForResident(residentId: string, query: ListQuery): Promise<Page<PublicNoticeSummary>> {
      const villages = query.villageCode ? [query.villageCode] : await registrations.villagesOf(residentId);
      return page({ villageCodes: { $in: villages } }, query);
    },

    /** Public notices are public by nature; ID numbers on them are masked. */
    getForResident: (id: string) => show({ _id: id }),
  };
}

export type PublicNoticesService = ReturnType<typeof createPublicNoticesService>;
