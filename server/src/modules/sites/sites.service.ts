import { Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import type { ListSitesQuery, Page, Site, SiteRef, UpdateSiteBody, siteBodySchema } from '@anqian/shared';
import { escapeRegex } from '../../db/escape-regex';
import { AppError, notFound } from '../../errors';
import type { DivisionsService } from '../divisions/divisions.service';
import { siteModel, type SiteRecord } from './site.model';
import { presentSite, siteRef } from './site.presenter';

const unknownSite = (field: string) => new AppError('VALIDATION_FAILED', undefined, [{ field, message: '安置点不存在' }]);

/** Resettlement sites: reference data for the whole county, and the places registrations are assigned to. */
export function createSitesService(deps: { connection: Connection; divisions: DivisionsService }) {
  const Site = siteModel(deps.connection);
  const { divisions } = deps;

  const present = async (site: SiteRecord) => presentSite(site, await divisions.nameOf(site.townshipCode));

  async function load(id: string): Promise<SiteRecord> {
    const site = await Site.findById(id).lean<SiteRecord>();
    if (!site) throw notFound('安置点不存在');
    return site;
  }

  return {
    async list(query: ListSitesQuery): Promise<Page<Site>> {
      const filter: Record<string, unknown> = {};
      if (query.townshipCode) filter.townshipCode = query.townshipCode;
      if (query.constructionStatus) filter.constructionStatus = query.constructionStatus;
      if (query.q) filter.name = { $regex: escapeRegex(query.q) };
      const [sites, total] = await Promise.all([
        Site.find(filter)
          .sort({ townshipCode: 1, name: 1, _id: 1 })
          .skip((query.page - 1) * query.pageSize)
          .limit(query.pageSize)
          .lean<SiteRecord[]>(),
        Site.countDocuments(filter),
      ]);
      return { items: await Promise.all(sites.map(present)), total, page: query.page, pageSize: query.pageSize };
    },

    /** Every site, for the resident's preferred-site picker (a county has a dozen or so). */
    async all(): Promise<{ items: Site[] }> {
      const sites = await Site.find({}).sort({ townshipCode: 1, name: 1, _id: 1 }).lean<SiteRecord[]>();
      return { items: await Promise.all(sites.map(present)) };
    },

    get: async (id: string): Promise<Site> => present(await load(id)),

    async create(body: z.output<typeof siteBodySchema>): Promise<Site> {
      await divisions.assertExists(body.townshipCode, 'body.townshipCode', 'township');
      const created = await Site.create({ ...body, assigned: 0, remaining: body.capacity });
      return present(created.toObject() as SiteRecord);
    },

    /**
     * A capacity change moves `remaining` by the same amount in one conditional update, so it can
     * neither drop below the households already assigned nor lose a reservation made meanwhile.
     */
    async update(id: string, body: UpdateSiteBody): Promise<Site> {
      const { capacity, ...rest } = body;
      if (rest.townshipCode) await divisions.assertExists(rest.townshipCode, 'body.townshipCode', 'township');
      for (;;) {
        const site = await load(id);
        const filter: Record<string, unknown> = { _id: site._id };
        const update: Record<string, unknown> = { $set: { ...rest } };
        if (capacity !== undefined) {
          const delta = capacity - site.capacity;
          if (site.remaining + delta < 0) throw new AppError('SITE_CAPACITY_BELOW_ASSIGNED');
          Object.assign(filter, { capacity: site.capacity, remaining: { $gte: -delta } });
          update.$set = { ...rest, capacity };
          update.$inc = { remaining: delta };
        }
        const updated = await Site.findOneAndUpdate(filter, update, { new: true }).lean<SiteRecord>();
        if (updated) return present(updated);
        // Either another edit changed the capacity (try again) or approvals filled the places.
        const now = await load(id);
        if (now.capacity === site.capacity) throw new AppError('SITE_CAPACITY_BELOW_ASSIGNED');
      }
    },

    /** Takes one place; 409 SITE_FULL when none is left. `field` names the input for an unknown id. */
    async reserve(id: string, field: string): Promise<SiteRef> {
      const site = await Site.findOneAndUpdate({ _id: id, remaining: { $gt: 0 } }, { $inc: { remaining: -1, assigned: 1 } }, { new: true }).lean<SiteRecord>();
      if (site) return siteRef(site, await divisions.nameOf(site.townshipCode));
      if (!(await Site.exists({ _id: id }))) throw unknownSite(field);
      throw new AppError('SITE_FULL');
    },

    /** Gives back a place taken by `reserve`. */
    async release(id: string): Promise<void> {
      await Site.updateOne({ _id: id, assigned: { $gt: 0 } }, { $inc: { remaining: 1, assigned: -1 } });
    },

    async assertExists(id: string, field: string): Promise<void> {
      if (!(await Site.exists({ _id: id }))) throw unknownSite(field);
    },

    async refs(ids: (string | Types.ObjectId)[]): Promise<Map<string, SiteRef>> {
      if (ids.length === 0) return new Map();
      const sites = await Site.find({ _id: { $in: ids } }).lean<SiteRecord[]>();
      const refs = await Promise.all(sites.map(async (site) => siteRef(site, await divisions.nameOf(site.townshipCode))));
      return new Map(refs.map((ref) => [ref.id, ref]));
    },
  };
}

export type SitesService = ReturnType<typeof createSitesService>;
