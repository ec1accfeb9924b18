import type { ResidentRegistration } from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { AppError } from '../../errors';
import { presentForResident } from './registration.presenter';
import { enteredBy, ownedBy, type RegistrationWorkflow, type ResubmitBody, type SubmitBody } from './registration-workflow';

/** What residents and village cadres do with registrations from the mini-program. */
export function createResidentRegistrations(workflow: RegistrationWorkflow) {
  const { store, lookups, forResident, loadVisible, submit, resubmit, applyTransition, refusal } = workflow;
  const { recordsOf, summaries } = store;

  const ownedScope = (residentId: string) => ({ residentId });

  return {
    async submitAsResident(residentId: string, body: SubmitBody): Promise<{ registration: ResidentRegistration; created: boolean }> {
      const { record, created } = await submit({
        body,
        source: 'resident',
        residentId,
        submitter: { kind: 'resident', id: residentId, name: body.household.head.name },
        idempotencyKey: `resident:${residentId}:${body.idempotencyKey}`,
        photoOwner: { kind: 'resident', id: residentId },
      });
      return { registration: await forResident(record), created };
    },

    /** A village cadre registers a household of their own village from their WeChat. */
    async submitAsCadre(cadre: StaffActor, residentId: string, body: SubmitBody): Promise<{ registration: ResidentRegistration; created: boolean }> {
      if (body.household.villageCode !== cadre.divisionCode) throw new AppError('OUT_OF_SCOPE', '只能为本村的农户登记');
      const { record, created } = await submit({
        body,
        source: 'cadre',
        residentId: null,
        enteredBy: { staffId: cadre.id, name: cadre.displayName },
        submitter: { kind: 'cadre', id: cadre.id, name: cadre.displayName, role: cadre.role },
        idempotencyKey: `cadre:${cadre.id}:${body.idempotencyKey}`,
        photoOwner: { kind: 'resident', id: residentId },
      });
      return { registration: await forResident(record, 'cadre'), created };
    },

    async listOwn(residentId: string): Promise<{ items: ResidentRegistration[] }> {
      const records = await recordsOf({ residentId });
      const found = await lookups(records);
      return { items: records.map((record) => presentForResident(record, found)) };
    },

    async listEnteredBy(cadre: StaffActor): Promise<{ items: ResidentRegistration[] }> {
      const records = await recordsOf({ enteredByStaffId: cadre.id });
      const found = await lookups(records);
      return { items: records.map((record) => presentForResident(record, found, 'cadre')) };
    },

    async getOwn(residentId: string, id: string): Promise<ResidentRegistration> {
      return forResident(await loadVisible(id, ownedBy(residentId)));
    },

    async getEnteredBy(cadre: StaffActor, id: string): Promise<ResidentRegistration> {
      return forResident(await loadVisible(id, enteredBy(cadre)), 'cadre');
    },

    /** Villages the resident has registered in, for their default public-notice list. */
    async villagesOf(residentId: string): Promise<string[]> {
      const records = await summaries.find({ residentId });
      return [...new Set(records.map((record) => record.divisionCode))];
    },

    /** A returned registration, corrected: the household and wishes are replaced as a whole. */
    async resubmit(residentId: string, id: string, body: ResubmitBody): Promise<ResidentRegistration> {
      return resubmit(id, body, {
        visible: ownedBy(residentId),
        scope: ownedScope(residentId),
        actor: { kind: 'resident', id: residentId, name: body.household.head.name, role: null },
        photoOwner: { kind: 'resident', id: residentId },
      });
    },

    /** The cadre who entered a registration corrects it when it is returned; `residentId` is their WeChat sign-in. */
    async resubmitAsCadre(cadre: StaffActor, residentId: string, id: string, body: ResubmitBody): Promise<ResidentRegistration> {
      if (body.household.villageCode !== cadre.divisionCode) throw new AppError('OUT_OF_SCOPE', '只能为本村的农户登记');
      return resubmit(
        id,
        body,
        {
          visible: enteredBy(cadre),
          scope: { 'enteredBy.staffId': cadre.id },
          actor: { kind: 'cadre', id: cadre.id, name: cadre.displayName, role: cadre.role },
          photoOwner: { kind: 'resident', id: residentId },
        },
        'cadre',
      );
    },

    async withdraw(residentId: string, id: string): Promise<ResidentRegistration> {
      const current = await loadVisible(id, ownedBy(residentId));
      const updated = await applyTransition(ownedScope(residentId), current, {
        action: 'withdraw',
        by: 'household',
        actor: { kind: 'resident', id: residentId, name: current.household.head.name, role: null },
      });
      return forResident(updated ?? (await refusal(id, ownedBy(residentId))));
    },
  };
}
