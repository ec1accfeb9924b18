import type { StaffActor } from '../../security/staff-actor';
import { type ApprovedHousehold, approvedHouseholdOf, householdPeople, type HouseholdPerson, personKeyOf } from './household-people';
import type { RegistrationRecord } from './registration.model';
import type { SubsidyBasis } from '../subsidies/subsidies.service';
import { createRegistrationWorkflow, inAreaOf, ownedBy, type RegistrationsDeps } from './registration-workflow';
import { createResidentRegistrations } from './resident-registrations.service';
import { createStaffRegistrations } from './staff-registrations.service';

/**
 * Registrations as the rest of the server sees them: the residents' and cadres' side, the staff
 * workflow, and `create` for the ledger import, over one workflow and store.
 */
export function createRegistrationsService(deps: RegistrationsDeps) {
  const workflow = createRegistrationWorkflow(deps);
  const { Registration, summaries, recordsOf } = workflow.store;
  const approvalListeners: ((household: ApprovedHousehold) => Promise<void>)[] = [];
  const approved = async (record: RegistrationRecord) => {
    for (const listener of approvalListeners) await listener(approvedHouseholdOf(record, deps.crypto));
  };
  return {
    create: workflow.create,
    reconcileSummaries: workflow.store.summaries.reconcile,
    ...createResidentRegistrations(workflow),
    ...createStaffRegistrations(workflow, { ...deps, approved }),

    /** Called after each approval with the household, ID numbers decrypted. */
    onApproved(listener: (household: ApprovedHousehold) => Promise<void>): void {
      approvalListeners.push(listener);
    },

    async approvedIds(): Promise<string[]> {
      const found = await summaries.find({ status: 'approved' });
      return found.map(({ _id }) => _id.toString());
    },

    async approvedHouseholds(ids: string[]): Promise<ApprovedHousehold[]> {
      const records = await Registration.find({ _id: { $in: ids }, status: 'approved' }).lean<RegistrationRecord[]>();
      return records.map((record) => approvedHouseholdOf(record, deps.crypto));
    },

    /** The members of the resident's own registrations that staff have verified (verified, on notice or approved). */
    async verifiedPeopleOf(residentId: string): Promise<HouseholdPerson[]> {
      const records = await recordsOf({ residentId, status: { $in: ['verified', 'publicizing', 'approved'] } });
      const people = records.flatMap((record) => householdPeople(record, deps.crypto));
      return people.filter((person, index) => people.findIndex((other) => other.key === person.key) === index);
    },

    personKeyOf: (idNumber: string) => personKeyOf(deps.crypto.hash(idNumber)),

    /** What the subsidies module needs to estimate (or show the fixed amounts of) one registration the viewer may see. */
    async subsidyBasis(viewer: { kind: 'staff'; actor: StaffActor } | { kind: 'resident'; id: string }, id: string): Promise<SubsidyBasis> {
      const record = await workflow.loadVisible(id, viewer.kind === 'staff' ? inAreaOf(viewer.actor) : ownedBy(viewer.id));
      return { household: record.household, resettlementType: record.wishes.resettlementType, status: record.status, subsidy: record.subsidy ?? null };
    },
  };
}

export type RegistrationsService = ReturnType<typeof createRegistrationsService>;
