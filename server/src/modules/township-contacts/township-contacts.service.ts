import type { Connection } from 'mongoose';
import { type ResidentTownshipContacts, type StaffTownshipContact, type TownshipContact, townshipCodeOf } from '@anqian/shared';
import type { Clock } from '../../clock';
import type { StaffActor } from '../../security/staff-actor';
import { isInScope } from '../../security/scope';
import type { DivisionsService } from '../divisions/divisions.service';
import { townshipContactModel, type TownshipContactRecord } from './township-contact.model';

/** Township office phones: county staff keep them, residents see whom to call, notices print them. */
export function createTownshipContactsService(deps: {
  connection: Connection;
  divisions: DivisionsService;
  /** The villages a resident has registered in (the registrations service's answer). */
  villagesOf: (residentId: string) => Promise<string[]>;
  clock: Clock;
}) {
  const Contact = townshipContactModel(deps.connection);
  const { divisions } = deps;

  async function townships() {
    return (await divisions.tree()).children;
  }

  async function records(codes?: string[]): Promise<Map<string, TownshipContactRecord>> {
    const found = await Contact.find(codes ? { _id: { $in: codes } } : {}).lean<TownshipContactRecord[]>();
    return new Map(found.map((record) => [record._id, record]));
  }

  /** The townships of `villageCodes` (or of whole townships), in code order, with their phones. */
  async function ofDivisions(codes: readonly string[]): Promise<TownshipContact[]> {
    const wanted = [...new Set(codes.map((code) => townshipCodeOf(code)).filter((code): code is string => code !== null))].sort();
    if (wanted.length === 0) return [];
    const stored = await records(wanted);
    return Promise.all(
      wanted.map(async (code) => ({ townshipCode: code, townshipName: await divisions.nameOf(code), officePhone: stored.get(code)?.officePhone ?? null })),
    );
  }

  return {
    ofDivisions,

    /** Every township in the caller's area, phone set or not, for the county's settings page. */
    async listForStaff(actor: StaffActor): Promise<{ items: StaffTownshipContact[] }> {
      const visible = (await townships()).filter((township) => isInScope(actor, township.code));
      const stored = await records(visible.map((township) => township.code));
      return {
        items: visible.map((township) => {
          const record = stored.get(township.code);
          return {
            townshipCode: township.code,
            townshipName: township.name,
            officePhone: record?.officePhone ?? null,
            updatedAt: record?.updatedAt.toISOString() ?? null,
            updatedByName: record?.updatedByName ?? null,
          };
        }),
      };
    },

    /** Sets (or with null clears) one township's phone; answers the new value and the one it replaced. */
    async set(actor: StaffActor, code: string, officePhone: string | null): Promise<{ contact: StaffTownshipContact; previous: string | null }> {
      await divisions.assertExists(code, 'params.code', 'township');
      const now = deps.clock.now();
      const before = await Contact.findOneAndUpdate(
        { _id: code },
        { $set: { officePhone, updatedAt: now, updatedById: actor.id, updatedByName: actor.displayName } },
        { upsert: true, new: false },
      ).lean<TownshipContactRecord>();
      return {
        contact: {
          townshipCode: code,
          townshipName: await divisions.nameOf(code),
          officePhone,
          updatedAt: now.toISOString(),
          updatedByName: actor.displayName,
        },
        previous: before?.officePhone ?? null,
      };
    },

    /**
     * Whom a resident can call: the township of `villageCode`, or of each village they registered
     * in. A resident with no registration yet gets every township office that has a phone.
     */
    async forResident(residentId: string, villageCode?: string): Promise<ResidentTownshipContacts> {
      if (villageCode) {
        await divisions.assertExists(villageCode, 'query.villageCode');
        return { items: await ofDivisions([villageCode]), own: true };
      }
      const villages = await deps.villagesOf(residentId);
      if (villages.length > 0) return { items: await ofDivisions(villages), own: true };
      const all = await ofDivisions((await townships()).map((township) => township.code));
      return { items: all.filter((contact) => contact.officePhone !== null), own: false };
    },
  };
}

export type TownshipContactsService = ReturnType<typeof createTownshipContactsService>;
