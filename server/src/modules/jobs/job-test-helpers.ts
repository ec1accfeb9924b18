import { addDays, type CreatePostingBody, type DivisionNode, type EmployerBody, withCreditCodeCheck } from '@anqian/shared';

let serial = 0;

/** A valid, unique unified social credit code of a company registered in the test county. */
export function buildCreditCode(): string {
  serial += 1;
  return withCreditCodeCheck(`91532329MA${String(serial).padStart(6, '0')}${'0123456789ABCDEFGHJKLMNPQRTUWXY'[serial % 31]}`);
}

export function buildEmployerBody(overrides: Partial<EmployerBody> = {}): EmployerBody {
  return {
    name: '云岭家政服务有限公司',
    creditCode: buildCreditCode(),
    industry: '居民服务',
    divisionCode: null,
    address: '昆明市五华区人民中路 18 号',
    contactName: '张经理',
    contactPhone: '13887654321',
    ...overrides,
  };
}

/** A complete draft: housekeeping in the county's first township, a monthly range, closing in 30 days. */
export function buildPostingBody(t: { clock: { today(): string }; county: DivisionNode }, employerId: string, overrides: Partial<CreatePostingBody> = {}): CreatePostingBody {
  return {
    employerId,
    title: '家政服务员',
    category: 'housekeeping',
    description: '负责客户家庭保洁、做饭和照看老人，公司统一培训后上岗。',
    workplace: { kind: 'county', divisionCode: t.county.children[0].code },
    headcount: 2,
    pay: { kind: 'monthly', minYuan: 3000, maxYuan: 4500 },
    hours: '8:00-17:30，月休 4 天',
    requirements: { ageMin: 18, ageMax: 55, skills: ['保洁', '做饭'], other: '身体健康，能吃苦' },
    foodAndLodging: 'both',
    transport: '安置点统一接送',
    closingDate: addDays(t.clock.today(), 30),
    priorityRelocated: true,
    ...overrides,
  };
}
