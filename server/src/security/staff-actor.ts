import type { StaffRole } from '@anqian/shared';

/** The staff member behind a request, as every scoped query needs it. */
export type StaffActor = {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  divisionCode: string;
};
