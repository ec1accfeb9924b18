import type { RegistrationStatus } from '../registration-machine';
import type { ResettlementType, Willingness } from './registration';

export type RegistrationDashboard = {
  total: number;
  byStatus: Record<RegistrationStatus, number>;
  byTownship: { code: string; name: string; total: number; approved: number }[];
  byWillingness: Record<Willingness, number>;
  byResettlementType: Record<ResettlementType, number>;
  sites: { id: string; name: string; capacity: number; assigned: number }[];
};
