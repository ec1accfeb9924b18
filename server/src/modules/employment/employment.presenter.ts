import { ageOn, type EmploymentEvent, type EmploymentHousehold } from '@anqian/shared';
import type { LedgerEvent, LedgerRecord } from './employment.model';

const eventOf = (event: LedgerEvent): EmploymentEvent => ({
  status: event.status,
  date: event.date,
  source: event.source,
  by: event.by,
  note: event.note,
  at: event.at.toISOString(),
});

/** Names shown in full to staff of the area, ID numbers masked, as in the registrations list. */
export function presentHousehold(record: LedgerRecord, names: Map<string, string>, today: string): EmploymentHousehold {
  return {
    id: record._id.toString(),
    registrationId: record._id.toString(),
    headName: record.headName,
    divisionCode: record.divisionCode,
    villageName: names.get(record.divisionCode) ?? record.divisionCode,
    townshipCode: record.townshipCode,
    townshipName: names.get(record.townshipCode) ?? record.townshipCode,
    members: record.members.map((member) => ({
      key: member.key,
      name: member.name,
      relation: member.relation,
      idNumberMasked: member.idNumberMasked,
      age: ageOn(member.birthDate, today),
      workAbility: member.workAbility,
      workingAge: member.workingAge,
      status: member.status ?? null,
      statusDate: member.statusDate ?? null,
      source: member.source ?? null,
      enteredBy: member.enteredBy ?? null,
      history: member.history.map(eventOf),
    })),
    workingAgeCount: record.workingAgeCount,
    labourCount: record.labourCount,
    employedCount: record.employedCount,
    unrecordedCount: record.unrecordedCount,
    zeroEmployment: record.zeroEmployment,
    updatedAt: record.updatedAt.toISOString(),
  };
}
