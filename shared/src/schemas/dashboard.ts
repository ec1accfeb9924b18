import type { RegistrationStatus } from '../registration-machine';
import type { EmploymentDashboard } from './employment';
import type { ResettlementType, Willingness } from './registration';

export type RegistrationDashboard = {
  total: number;
  byStatus: Record<RegistrationStatus, number>;
  byTownship: { code: string; name: string; total: number; approved: number }[];
  byWillingness: Record<Willingness, number>;
  byResettlementType: Record<ResettlementType, number>;
  sites: { id: string; name: string; capacity: number; assigned: number }[];
  /** Working-age members of approved households in work, and zero-employment households, by township. */
  employment: EmploymentDashboard;
};

/** Skills training across the county: trainees admitted, completers and employment after training, per category. */
export type TrainingDashboard = {
  trainees: number;
  completed: number;
  /** Completers per trainee of finished courses, 0 to 1. */
  completionRate: number;
  hired: number;
  byCategory: { category: string; label: string; courses: number; trainees: number; completed: number; hired: number; employmentRate: number }[];
};
