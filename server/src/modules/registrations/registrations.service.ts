import type { StaffActor } from '../../security/staff-actor';
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
  return {
    create: workflow.create,
    reconcileSummaries: workflow.store.summaries.reconcile,
    ...createResidentRegistrations(workflow),
    ...createStaffRegistrations(workflow, deps),

    /** What the subsidies module needs to estimate (or show the fixed amounts of) one registration the viewer may see. */
    async subsidyBasis(viewer: { kind: 'staff'; actor: StaffActor } | { kind: 'resident'; id: string }, id: string): Promise<SubsidyBasis> {
      const record = await workflow.loadVisible(id, viewer.kind === 'staff' ? inAreaOf(viewer.actor) : ownedBy(viewer.id));
      return { household: record.household, resettlementType: record.wishes.resettlementType, status: record.status, subsidy: record.subsidy ?? null };
    },
  };
}

export type RegistrationsService = ReturnType<typeof createRegistrationsService>;
