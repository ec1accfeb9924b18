/** Who may publish a notice; everyone else with registration access only reads them. */
export const PUBLISHING_ROLES = ['county_admin', 'township_staff'] as const;
