import type { DivisionLevel } from './divisions';

export const STAFF_ROLES = ['county_admin', 'township_staff', 'village_cadre', 'hr_staff'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  county_admin: '县级管理员',
  township_staff: '乡镇工作人员',
  village_cadre: '村干部',
  hr_staff: '人社局工作人员',
};

/** The division level an account of each role is bound to. */
export const ROLE_DIVISION_LEVEL: Record<StaffRole, DivisionLevel> = {
  county_admin: 'county',
  township_staff: 'township',
  village_cadre: 'village',
  hr_staff: 'county',
};

/** Staff who work on relocation in their area: registrations, public notices, sites, the dashboard. */
export const RELOCATION_STAFF_ROLES = ['county_admin', 'township_staff', 'village_cadre'] as const satisfies readonly StaffRole[];

/** Offices that handle registrations and publish for their area: accept and verify, notices, policies, ledgers. */
export const AREA_OFFICE_ROLES = ['county_admin', 'township_staff'] as const satisfies readonly StaffRole[];

/** The county administration alone: approval, sites, subsidy standards, staff accounts, the audit log. */
export const COUNTY_ADMIN_ROLES = ['county_admin'] as const satisfies readonly StaffRole[];

/** The human-resources bureau: employers, job postings, applications and job fairs. */
export const HR_ROLES = ['hr_staff'] as const satisfies readonly StaffRole[];
