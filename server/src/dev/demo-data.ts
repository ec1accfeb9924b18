import type { CreateStaffBody } from '@anqian/shared';
import type { Services } from '../services';

/** Printed by the start script; exists only outside production. */
export const DEMO_PASSWORD = 'Anqian@2026';

export async function seedDemoData(services: Services): Promise<CreateStaffBody[]> {
  const county = await services.divisions.tree();
  const township = county.children[0];
  const village = township.children[0];
  const accounts: CreateStaffBody[] = [
    { username: 'county_admin', displayName: '县级管理员（演示）', role: 'county_admin', divisionCode: county.code, phone: '13800000001' },
    { username: 'township_staff', displayName: `${township.name}工作人员（演示）`, role: 'township_staff', divisionCode: township.code, phone: '13800000002' },
    { username: 'village_cadre', displayName: `${village.name}村干部（演示）`, role: 'village_cadre', divisionCode: village.code, phone: '13800000003' },
    { username: 'hr_staff', displayName: '县人社局（演示）', role: 'hr_staff', divisionCode: county.code, phone: '13800000004' },
  ];
  for (const account of accounts) await services.staff.ensureAccount(account, DEMO_PASSWORD);
  return accounts;
}
