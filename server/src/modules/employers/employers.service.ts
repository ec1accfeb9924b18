import type { Connection, Types } from 'mongoose';
import type { z } from 'zod';
import type { Employer, employerBodySchema, EmployerStatus, ListEmployersQuery, Page, updateEmployerBodySchema } from '@anqian/shared';
import { createChangeToken, createTokenCache } from '../../db/change-token';
import { isDuplicateKey } from '../../db/duplicate-key';
import { escapeRegex } from '../../db/escape-regex';
import { AppError, notFound } from '../../errors';
import type { FieldCrypto } from '../../security/field-crypto';
import type { DivisionsService } from '../divisions/divisions.service';
import { employerModel, type EmployerRecord } from './employer.model';
import { presentEmployer } from './employer.presenter';

type CreateBody = z.output<typeof employerBodySchema>;
type UpdateBody = z.output<typeof updateEmployerBodySchema>;

const employerNotFound = () => notFound('用工单位不存在');

/** Bumped on every change of an employer's name or standing, which the residents' job board shows. */
export const EMPLOYERS_CHANGE_TOKEN = 'employers';

/** What the job board needs of an employer: its name and standing, and its contact once a resident is invited. */
export type EmployerRef = { id: string; name: string; industry: string; address: string; status: EmployerStatus };

/** The employer register of the human-resources bureau (county-wide, hr_staff writes). */
export function createEmployersService(deps: { connection: Connection; crypto: FieldCrypto; divisions: DivisionsService }) {
  const Employer = employerModel(deps.connection);
  const { crypto, divisions } = deps;
  const changes = createChangeToken(deps.connection, EMPLOYERS_CHANGE_TOKEN);

  const present = async (employer: EmployerRecord) =>
    presentEmployer(employer, crypto, employer.divisionCode ? await divisions.nameOf(employer.divisionCode) : '县外');
  const refOf = (employer: EmployerRecord): EmployerRef => ({
    id: employer._id.toString(),
    name: employer.name,
    industry: employer.industry,
    address: employer.address,
    status: employer.status,
  });

  // Every list that names employers (job board, fairs, courses) asks for these: the register is a
  // few hundred rows, held in memory until an employer is added or changed.
  const register = createTokenCache(changes, async () => {
    const employers = await Employer.find({}, { name: 1, industry: 1, address: 1, status: 1 }).lean<EmployerRecord[]>();
    return new Map(employers.map((employer) => [employer._id.toString(), refOf(employer)]));
  });

  async function load(id: string): Promise<EmployerRecord> {
    const employer = await Employer.findById(id).lean<EmployerRecord>();
    if (!employer) throw employerNotFound();
    return employer;
  }

  const creditCodeTaken = (error: unknown) => {
    if (isDuplicateKey(error)) throw new AppError('EMPLOYER_CREDIT_CODE_TAKEN');
    throw error;
  };

  async function setStatus(id: string, status: EmployerStatus): Promise<Employer> {
    const updated = await Employer.findOneAndUpdate({ _id: id }, { $set: { status } }, { new: true }).lean<EmployerRecord>();
    if (!updated) throw employerNotFound();
    await changes.bump();
    return present(updated);
  }

  return {
    async list(query: ListEmployersQuery): Promise<Page<Employer>> {
      const filter: Record<string, unknown> = {};
      if (query.status) filter.status = query.status;
      if (query.q) filter.$or = [{ name: { $regex: escapeRegex(query.q) } }, { creditCode: { $regex: `^${escapeRegex(query.q.toUpperCase())}` } }];
      const [employers, total] = await Promise.all([
        Employer.find(filter)
          .sort({ createdAt: -1, _id: -1 })
          .skip((query.page - 1) * query.pageSize)
          .limit(query.pageSize)
          .lean<EmployerRecord[]>(),
        Employer.countDocuments(filter),
      ]);
      return { items: await Promise.all(employers.map(present)), total, page: query.page, pageSize: query.pageSize };
    },

    get: async (id: string): Promise<Employer> => present(await load(id)),

    async create(body: CreateBody): Promise<Employer> {
      if (body.divisionCode) await divisions.assertExists(body.divisionCode, 'body.divisionCode');
      const { contactPhone, ...rest } = body;
      const created = await Employer.create({ ...rest, contactPhone: crypto.seal(contactPhone), status: 'active' }).catch(creditCodeTaken);
      await changes.bump();
      return present(created.toObject() as EmployerRecord);
    },

    async update(id: string, body: UpdateBody): Promise<Employer> {
      if (body.divisionCode) await divisions.assertExists(body.divisionCode, 'body.divisionCode');
      const { contactPhone, ...rest } = body;
      const set = { ...rest, ...(contactPhone !== undefined && { contactPhone: crypto.seal(contactPhone) }) };
      const updated = await Employer.findOneAndUpdate({ _id: id }, { $set: set }, { new: true }).lean<EmployerRecord>().catch(creditCodeTaken);
      if (!updated) throw employerNotFound();
      await changes.bump();
      return present(updated);
    },

    suspend: (id: string) => setStatus(id, 'suspended'),
    activate: (id: string) => setStatus(id, 'active'),

    /** The full contact phone, for an audited reveal. */
    revealPhone: async (id: string): Promise<{ phone: string }> => ({ phone: crypto.decrypt((await load(id)).contactPhone.enc) }),

    /** `field` names the input when the id is unknown. */
    async ref(id: string | Types.ObjectId, field?: string): Promise<EmployerRef> {
      const employer = await Employer.findById(id).lean<EmployerRecord>();
      if (!employer) {
        if (field) throw new AppError('VALIDATION_FAILED', undefined, [{ field, message: '用工单位不存在' }]);
        throw employerNotFound();
      }
      return refOf(employer);
    },

    async refs(ids: (string | Types.ObjectId)[]): Promise<Map<string, EmployerRef>> {
      if (ids.length === 0) return new Map();
      const known = await register();
      return new Map(ids.flatMap((id) => (known.has(id.toString()) ? [[id.toString(), known.get(id.toString())!] as const] : [])));
    },

    /** Employers whose name contains `q`, for the postings' keyword search. */
    async idsNamed(q: string): Promise<Types.ObjectId[]> {
      const found = await Employer.find({ name: { $regex: escapeRegex(q) } }, { _id: 1 }).limit(200).lean<{ _id: Types.ObjectId }[]>();
      return found.map((employer) => employer._id);
    },

    /** Suspended employers (few): their postings are hidden from residents until they are active again. */
    async suspendedIds(): Promise<Types.ObjectId[]> {
      const found = await Employer.find({ status: 'suspended' }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
      return found.map((employer) => employer._id);
    },

    /** The contact a resident invited to an interview may call. */
    async contactOf(id: string | Types.ObjectId): Promise<{ name: string; phone: string } | null> {
      const employer = await Employer.findById(id, { contactName: 1, contactPhone: 1 }).lean<EmployerRecord>();
      return employer ? { name: employer.contactName, phone: crypto.decrypt(employer.contactPhone.enc) } : null;
    },
  };
}

export type EmployersService = ReturnType<typeof createEmployersService>;
