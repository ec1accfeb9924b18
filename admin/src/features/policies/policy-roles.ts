import type { StaffRole } from '@anqian/shared';

/** County admins write any document, township staff their township's; everyone else reads. */
export const POLICY_WRITER_ROLES: readonly StaffRole[] = ['county_admin', 'township_staff'];
