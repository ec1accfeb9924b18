import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import {
  calculateSubsidy,
  chinaDate,
  findRuleSetOverlap,
  type RegistrationStatus,
  type RegistrationSubsidy,
  type ResettlementType,
  ruleSetInForce,
  SPECIAL_STATUSES,
  type SpecialStatus,
  type StaffSubsidyRuleSet,
  type SubsidyEstimate,
  type SubsidyInput,
  type subsidyRuleSetBodySchema,
  type SubsidyRuleSet,
  type SubsidyRules,
  type SubsidyRuleSetSummary,
  type SubsidySnapshot,
  subsidyInputFromHousehold,
  type updateSubsidyRuleSetBodySchema,
} from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { createChangeToken, createTokenCache } from '../../db/change-token';
import { isDuplicateKey } from '../../db/duplicate-key';
import { AppError, notFound } from '../../errors';
import type { PoliciesService, PolicyCitation } from '../policies/policies.service';
import { presentRuleSet, presentRuleSetSummary, presentStaffRuleSet } from './subsidy.presenter';
import { subsidyModels, type RuleSetRecord, type RuleSetVersionRecord } from './subsidy-rule-set.model';

type RuleSetBody = z.output<typeof subsidyRuleSetBodySchema>;
type UpdateRuleSetBody = z.output<typeof updateSubsidyRuleSetBodySchema>;

/** What a registration's estimate needs: the household facts, the chosen resettlement and the amounts fixed at approval. */
export type SubsidyBasis = {
  household: { head: { specialStatus: readonly SpecialStatus[] }; members: readonly { specialStatus: readonly SpecialStatus[] }[]; house: { floorArea: number } };
  resettlementType?: ResettlementType | null;
  status: RegistrationStatus;
  subsidy: SubsidySnapshot | null;
};

const OPTIONAL_ITEMS = ['householdBase', 'demolition', 'earlyMove', 'householdCap'] as const;
const LOCK_ID = 'rule-set-writes';
const LOCK_TTL_MS = 30_000;
const LOCK_WAIT_MS = 10_000;

const ruleSetNotFound = () => notFound('补助标准不存在');

/** The stored fields of a body: the period and the rule items, nothing else. */
function rulesOf(body: SubsidyRules & { name: string; effectiveFrom: string; effectiveTo: string }) {
  return {
    name: body.name,
    effectiveFrom: body.effectiveFrom,
    effectiveTo: body.effectiveTo,
    housing: body.housing,
    specialStatus: body.specialStatus,
    ...Object.fromEntries(OPTIONAL_ITEMS.filter((key) => body[key]).map((key) => [key, body[key]])),
  };
}

/** Every policy document a rule set cites, with the field that cites it. */
function citations(body: RuleSetBody): PolicyCitation[] {
  const list: PolicyCitation[] = [{ field: 'body.housing.policyId', policyId: body.housing.policyId }];
  if (body.householdBase) list.push({ field: 'body.householdBase.policyId', policyId: body.householdBase.policyId });
  for (const status of SPECIAL_STATUSES) {
    const item = body.specialStatus[status];
    if (item) list.push({ field: `body.specialStatus.${status}.policyId`, policyId: item.policyId });
  }
  for (const key of ['demolition', 'earlyMove', 'householdCap'] as const) {
    const item = body[key];
    if (item) list.push({ field: `body.${key}.policyId`, policyId: item.policyId });
  }
  return list;
}

/** Subsidy standards (county admin) and the estimates made with them. */
export function createSubsidiesService(deps: { connection: Connection; policies: Pick<PoliciesService, 'assertCitable'> }) {
  const { RuleSet, RuleSetVersion, WriteLock } = subsidyModels(deps.connection);
  const changes = createChangeToken(deps.connection, 'subsidy-rule-sets');
  const allRuleSets = createTokenCache<SubsidyRuleSet[]>(changes, async () =>
    (await RuleSet.find({}).lean<RuleSetRecord[]>()).map((record) => presentRuleSet(record, record._id.toString())),
  );

  /**
   * Runs one rule-set save at a time across every server process, so two saves cannot both pass
   * the overlap check, which reads several documents. The lock is a document inserted under a
   * fixed `_id`, which only one insert can win. A lock left by a process that died mid-save
   * expires after LOCK_TTL_MS.
   */
  async function withWriteLock<T>(task: () => Promise<T>): Promise<T> {
    const holder = randomUUID();
    const giveUpAt = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        await WriteLock.create({ _id: LOCK_ID, holder, expiresAt: new Date(Date.now() + LOCK_TTL_MS) });
        break;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const held = await WriteLock.findById(LOCK_ID).lean<{ holder: string; expiresAt: Date }>();
      if (held && held.expiresAt.getTime() < Date.now()) {
        await WriteLock.deleteOne({ _id: LOCK_ID, holder: held.holder });
        continue;
      }
      if (Date.now() > giveUpAt) throw new AppError('DATABASE_UNAVAILABLE', '补助标准正在被他人保存，请稍后再试');
      await delay(50);
    }
    try {
      return await task();
    } finally {
      await WriteLock.deleteOne({ _id: LOCK_ID, holder });
    }
  }

  /** Read under the write lock, straight from the database. */
  async function assertNoOverlap(candidate: { id?: string; effectiveFrom: string; effectiveTo: string }): Promise<void> {
    const saved = await RuleSet.find({}, { name: 1, effectiveFrom: 1, effectiveTo: 1 }).lean<Pick<RuleSetRecord, '_id' | 'name' | 'effectiveFrom' | 'effectiveTo'>[]>();
    const clash = findRuleSetOverlap(
      saved.map((ruleSet) => ({ ...ruleSet, id: ruleSet._id.toString() })),
      candidate,
    );
    if (clash) {
      const message = `与“${clash.name}”（${clash.effectiveFrom} 至 ${clash.effectiveTo}）的执行期重叠`;
      throw new AppError('RULE_SET_OVERLAP', message, [{ field: 'body.effectiveFrom', message }]);
    }
  }

  async function load(id: string): Promise<RuleSetRecord> {
    const record = await RuleSet.findById(id).lean<RuleSetRecord>();
    if (!record) throw ruleSetNotFound();
    return record;
  }

  async function create(actor: StaffActor, body: RuleSetBody, id = new Types.ObjectId()): Promise<StaffSubsidyRuleSet> {
    await deps.policies.assertCitable(citations(body));
    return withWriteLock(async () => {
      await assertNoOverlap(body);
      const created = await RuleSet.create({ _id: id, ...rulesOf(body), version: 1, updatedAt: new Date(), updatedBy: actor.displayName, history: [] });
      await changes.bump();
      return presentStaffRuleSet(created.toObject() as RuleSetRecord, chinaDate());
    });
  }

  async function inForce(date = chinaDate()): Promise<SubsidyRuleSet | undefined> {
    return ruleSetInForce(await allRuleSets(), date);
  }

  return {
    async list(): Promise<{ items: SubsidyRuleSetSummary[] }> {
      const records = await RuleSet.find({}).lean<RuleSetRecord[]>();
      const today = chinaDate();
      records.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
      return { items: records.map((record) => presentRuleSetSummary(record, today)) };
    },

    get: async (id: string): Promise<StaffSubsidyRuleSet> => presentStaffRuleSet(await load(id), chinaDate()),

    create,

    /**
     * Replaces the whole rule set. The previous version is stored first under `"<id>:<version>"`;
     * approved registrations keep their own snapshot, so editing a rule set in force is allowed.
     */
    async update(actor: StaffActor, id: string, body: UpdateRuleSetBody): Promise<StaffSubsidyRuleSet> {
      await deps.policies.assertCitable(citations(body));
      return withWriteLock(async () => {
        const current = await load(id);
        if (current.version !== body.expectedVersion) throw new AppError('RULE_SET_CHANGED');
        const ruleSetId = current._id.toString();
        await assertNoOverlap({ id: ruleSetId, effectiveFrom: body.effectiveFrom, effectiveTo: body.effectiveTo });
        try {
          await RuleSetVersion.create({
            _id: `${ruleSetId}:${current.version}`,
            ruleSetId,
            ...rulesOf(current),
            version: current.version,
            updatedAt: current.updatedAt,
            updatedBy: current.updatedBy,
          });
        } catch (error) {
          if (isDuplicateKey(error)) throw new AppError('RULE_SET_CHANGED');
          throw error;
        }
        const next = rulesOf(body);
        const unset = Object.fromEntries(OPTIONAL_ITEMS.filter((key) => !(key in next)).map((key) => [key, 1]));
        const saved = await RuleSet.findOneAndUpdate(
          { _id: current._id },
          {
            $set: { ...next, version: current.version + 1, updatedAt: new Date(), updatedBy: actor.displayName },
            ...(Object.keys(unset).length && { $unset: unset }),
            $push: { history: { version: current.version, updatedAt: current.updatedAt, updatedBy: current.updatedBy } },
          },
          { new: true },
        ).lean<RuleSetRecord>();
        if (!saved) throw ruleSetNotFound();
        await changes.bump();
        return presentStaffRuleSet(saved, chinaDate());
      });
    },

    /** Only before its period starts: once in force, estimates and approvals may have used it. */
    async remove(id: string): Promise<void> {
      await withWriteLock(async () => {
        const current = await load(id);
        if (current.effectiveFrom <= chinaDate()) throw new AppError('RULE_SET_STARTED');
        await RuleSet.deleteOne({ _id: current._id });
        const ruleSetId = current._id.toString();
        for (let version = 1; version < current.version; version += 1) await RuleSetVersion.deleteOne({ _id: `${ruleSetId}:${version}` });
        await changes.bump();
      });
    },

    async version(id: string, version: number): Promise<SubsidyRuleSet> {
      const current = await load(id);
      const ruleSetId = current._id.toString();
      if (version === current.version) return presentRuleSet(current, ruleSetId);
      const stored = version < current.version ? await RuleSetVersion.findById(`${ruleSetId}:${version}`).lean<RuleSetVersionRecord>() : null;
      if (!stored) throw notFound('该版本不存在');
      return presentRuleSet(stored, ruleSetId);
    },

    /** The rule set in force today, from memory (reloaded when any rule set changes). */
    async current(): Promise<SubsidyRuleSet> {
      const ruleSet = await inForce();
      if (!ruleSet) throw new AppError('SUBSIDY_RULES_NOT_SET');
      return ruleSet;
    },

    /** The same calculation the mini-program makes, against the rule set in force today. */
    async estimate(input: SubsidyInput): Promise<SubsidyEstimate> {
      const ruleSet = await inForce();
      if (!ruleSet) throw new AppError('SUBSIDY_RULES_NOT_SET');
      return calculateSubsidy(input, ruleSet);
    },

    /** What approval fixes on a registration: null when there is no resettlement type or no rule set in force on `date`. */
    async snapshotFor(basis: Pick<SubsidyBasis, 'household' | 'resettlementType'>, date: string): Promise<SubsidySnapshot | null> {
      const ruleSet = basis.resettlementType ? await inForce(date) : undefined;
      if (!ruleSet || !basis.resettlementType) return null;
      const input = subsidyInputFromHousehold(basis.household, basis.resettlementType);
      return { ...calculateSubsidy(input, ruleSet), input, fixedAt: new Date().toISOString() };
    },

    /** The fixed amounts once approved, otherwise a live estimate with today's rule set. */
    async forRegistration(basis: SubsidyBasis): Promise<RegistrationSubsidy> {
      if (basis.subsidy) return { fixed: true, snapshot: basis.subsidy };
      if (basis.status === 'approved') return { fixed: false, estimate: null, reason: 'approved_without_rule_set' };
      if (!basis.resettlementType) return { fixed: false, estimate: null, reason: 'no_resettlement_type' };
      const ruleSet = await inForce();
      if (!ruleSet) return { fixed: false, estimate: null, reason: 'no_rule_set' };
      const input = subsidyInputFromHousehold(basis.household, basis.resettlementType);
      return { fixed: false, estimate: calculateSubsidy(input, ruleSet), input };
    },

    /** Demo seed: stores a rule set under a fixed id, once. */
    async ensureRuleSet(actor: StaffActor, id: string, body: RuleSetBody): Promise<void> {
      if (await RuleSet.exists({ _id: id })) return;
      await create(actor, body, new Types.ObjectId(id));
    },
  };
}

export type SubsidiesService = ReturnType<typeof createSubsidiesService>;
