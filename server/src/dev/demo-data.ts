import {
  addDays,
  createPolicyBodySchema,
  type CreateStaffBody,
  defaultNoticeIntro,
  type DivisionNode,
  earliestPeriodEnd,
  type Household,
  householdSchema,
  type RegistrationStatus,
  type StaffUser,
  subsidyRuleSetBodySchema,
  wishesSchema,
  withCheckDigit,
} from '@anqian/shared';
import { DEMO_POLICIES, DEMO_SUBSIDY_RULE_SET, DEMO_SUBSIDY_RULE_SET_BODY } from '@anqian/shared/src/subsidy-demo';
import { type Clock, shiftedClock } from '../clock';
import type { StaffActor } from '../security/staff-actor';
import { createServices, type ServiceDeps, type Services } from '../services';

/** Printed by the start script; exists only outside production. */
export const DEMO_PASSWORD = 'Anqian@2026';

/**
 * Demo accounts, policies, sites and registrations. `deps` are the services' own: the registrations'
 * history is replayed through the same services on a clock set back in time (see
 * `seedDemoRegistrations`).
 */
export async function seedDemoData(services: Services, deps: ServiceDeps & { clock: Clock }): Promise<CreateStaffBody[]> {
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
  // Before the registrations, so the demo approval fixes its subsidy with this rule set.
  await seedDemoPolicies(services, county);
  const siteIds = await seedDemoSites(services, county);
  // Before the registrations, so the demo notice's text carries the township's phone.
  await seedDemoTownshipPhones(services, county);
  await seedDemoRegistrations(services, deps, county, siteIds[0]);
  await seedDemoJobFairs(services, county, deps.clock);
  return accounts;
}

/** The county's subsidy standard and the document it cites, under their fixed ids (the worked cases hold for them). */
async function seedDemoPolicies(services: Services, county: DivisionNode): Promise<void> {
  const admin = await actorOf(services, county, 'county_admin');
  for (const { id, body } of DEMO_POLICIES) {
    await services.policies.ensurePublished(admin, id, createPolicyBodySchema.parse({ ...body, divisionCode: county.code }));
  }
  await services.subsidies.ensureRuleSet(admin, DEMO_SUBSIDY_RULE_SET.id, subsidyRuleSetBodySchema.parse(DEMO_SUBSIDY_RULE_SET_BODY));
}

/** Made-up office phones for the townships with demo sites; a phone the county has since set is kept. */
async function seedDemoTownshipPhones(services: Services, county: DivisionNode): Promise<void> {
  const admin = await actorOf(services, county, 'county_admin');
  const townships = county.children.slice(0, 3);
  const current = await services.townshipContacts.ofDivisions(townships.map((township) => township.code));
  for (const [index, contact] of current.entries()) {
    if (!contact.officePhone) await services.townshipContacts.set(admin, contact.townshipCode, `0878-800010${index + 1}`);
  }
}

/** Three of the county's twelve sites, as the county plan describes them. */
async function seedDemoSites(services: Services, county: DivisionNode): Promise<string[]> {
  const sites = [
    { name: `${county.children[0].name}国道旁集中安置点`, townshipCode: county.children[0].code, capacity: 800, facilities: ['school', 'clinic', 'market', 'bus'], constructionStatus: 'completed', address: '国道旁，学校和卫生院步行 10 分钟' },
    { name: `${county.children[1].name}新街社区安置点`, townshipCode: county.children[1].code, capacity: 500, facilities: ['community_center', 'workshop', 'elderly_care'], constructionStatus: 'under_construction', address: '新街社区扩建片区' },
    { name: `${county.children[2].name}集镇安置点`, townshipCode: county.children[2].code, capacity: 120, facilities: ['clinic'], constructionStatus: 'planned', address: '集镇东侧' },
  ] as const;
  const existing = (await services.sites.all()).items;
  const ids: string[] = [];
  for (const site of sites) {
    const found = existing.find((s) => s.name === site.name);
    ids.push(found ? found.id : (await services.sites.create({ ...site, type: 'centralized', facilities: [...site.facilities] })).id);
  }
  return ids;
}

type DemoHousehold = { head: string; spouse: string; birth: string; villageIndex: number; status: RegistrationStatus; type: 'centralized' | 'scattered' | 'urban' };

/** The cadre's village (index 0) is entered by the cadre, the others imported; only the former can be returned. */
const DEMO_HOUSEHOLDS: DemoHousehold[] = [
  { head: '张国华', spouse: '李桂芬', birth: '19650312', villageIndex: 0, status: 'submitted', type: 'centralized' },
  { head: '王德明', spouse: '赵秀兰', birth: '19580704', villageIndex: 0, status: 'accepted', type: 'centralized' },
  { head: '李成林', spouse: '杨春梅', birth: '19720918', villageIndex: 0, status: 'verified', type: 'urban' },
  { head: '赵有才', spouse: '陈玉珍', birth: '19610125', villageIndex: 1, status: 'publicizing', type: 'centralized' },
  { head: '刘正平', spouse: '何丽华', birth: '19790630', villageIndex: 1, status: 'approved', type: 'centralized' },
  { head: '杨文富', spouse: '周美英', birth: '19550811', villageIndex: 0, status: 'returned', type: 'scattered' },
  { head: '陈家旺', spouse: '吴兰芳', birth: '19831102', villageIndex: 2, status: 'submitted', type: 'scattered' },
  { head: '周永福', spouse: '郑桂英', birth: '19680227', villageIndex: 2, status: 'verified', type: 'centralized' },
];

const STAGES: RegistrationStatus[] = ['submitted', 'accepted', 'verified', 'publicizing', 'approved'];
const reached = (status: RegistrationStatus, stage: RegistrationStatus) =>
  status === 'returned' ? stage === 'submitted' || stage === 'accepted' : STAGES.indexOf(status) >= STAGES.indexOf(stage);

/** One published job fair on the 15th of each of the next three months; none once the bureau has any. */
async function seedDemoJobFairs(services: Services, county: DivisionNode, clock: Clock): Promise<void> {
  if ((await services.jobFairs.list({ page: 1, pageSize: 1 })).total > 0) return;
  const hr = await actorOf(services, county, 'hr_staff');
  const [year, month] = clock.today().split('-').map(Number);
  const venues = ['县城易地搬迁安置社区服务中心广场', `${county.children[0].name}安置点综合服务站`, '县人力资源市场一楼大厅'];
  for (const [index, venue] of venues.entries()) {
    const first = new Date(Date.UTC(year, month + index, 15));
    const date = first.toISOString().slice(0, 10);
    const fair = await services.jobFairs.create(hr, {
      title: `${first.getUTCMonth() + 1}月搬迁群众就业专场招聘会`,
      date,
      startTime: '09:00',
      endTime: '12:00',
      venue,
      organiser: '县人力资源和社会保障局',
      capacity: [500, 300, 400][index],
      description: '家政服务、电子商务、建筑施工等岗位现场招聘，请带上手机电子票和身份证',
      employerIds: [],
      postingIds: [],
    });
    await services.jobFairs.publish(fair.id);
  }
}

async function actorOf(services: Services, county: DivisionNode, username: string): Promise<StaffActor> {
  const root: StaffActor = { id: 'demo', username: 'demo', displayName: 'demo', role: 'county_admin', divisionCode: county.code };
  const user = (await services.staff.list(root, { q: username, page: 1, pageSize: 100 })).items.find((u: StaffUser) => u.username === username)!;
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, divisionCode: user.divisionCode };
}

/**
 * Eight households of the first township at different steps, entered by the demo cadre (their
 * village) or imported by the township. Each has a fixed idempotency key, so a restart finds
 * them instead of adding more; only a newly created one is moved along.
 *
 * They are entered, checked and put on a notice as if that had happened days ago, through the
 * services on a clock set back that far: the notice obeys today's rules (it starts the day it is
 * published and lasts the county's minimum) and has ended by now, so its households can be
 * approved today, as one of them is.
 */
async function seedDemoRegistrations(services: Services, deps: ServiceDeps & { clock: Clock }, county: DivisionNode, siteId: string): Promise<void> {
  const township = county.children[0];
  const [cadre, townshipStaff, admin] = await Promise.all(['village_cadre', 'township_staff', 'county_admin'].map((name) => actorOf(services, county, name)));
  const historyClock = shiftedClock(deps.clock, -(deps.config.noticeMinDays + 3));
  const { registrations, publicNotices } = createServices({ ...deps, clock: historyClock });
  const fresh: { id: string; household: DemoHousehold; file: Household }[] = [];
  for (const [index, demo] of DEMO_HOUSEHOLDS.entries()) {
    const villageCode = township.children[demo.villageIndex].code;
    const byCadre = villageCode === cadre.divisionCode;
    const household = householdSchema.parse({
      head: { name: demo.head, idNumber: withCheckDigit(`532329${demo.birth}${String(index).padStart(2, '0')}1`), phone: `1390000${String(index).padStart(4, '0')}`, workAbility: 'full' },
      members: [{ name: demo.spouse, idNumber: withCheckDigit(`532329${demo.birth.slice(0, 4)}0101${String(index).padStart(2, '0')}2`), relation: 'spouse', workAbility: 'weak' }],
      villageCode,
      address: `${index + 1} 组 ${10 + index} 号`,
      hazard: { type: index % 2 ? 'debris_flow' : 'landslide', pointNumber: `YN-532329-${String(100 + index)}` },
      house: { structure: 'earth_wood', floorArea: 60 + index * 7.5, yearBuilt: 1985 + index },
    });
    const submitter = byCadre ? cadre : townshipStaff;
    const { record, created } = await registrations.create({
      household,
      wishes: wishesSchema.parse({ willingness: 'willing', resettlementType: demo.type, reasons: '房屋位于隐患点，雨季不安全' }),
      source: byCadre ? 'cadre' : 'import',
      submitter: { kind: byCadre ? 'cadre' : 'staff', id: submitter.id, name: submitter.displayName, role: submitter.role },
      enteredBy: byCadre ? { staffId: cadre.id, name: cadre.displayName } : null,
      idempotencyKey: `demo:${index}`,
    });
    if (created) fresh.push({ id: record._id.toString(), household: demo, file: household });
  }
  await seedRegisteredTwice(registrations, fresh.find(({ household }) => household.status === 'submitted')?.file);
  const visit = { date: addDays(historyClock.today(), -1), visitors: '镇自然资源所、村委会', peoplePresent: '户主本人及家人', houseStructure: 'matches' as const, hazard: 'confirmed' as const, findings: '房屋后坡有裂缝，属实', photoIds: [] };
  for (const { id, household } of fresh) {
    if (reached(household.status, 'accepted')) await registrations.accept(townshipStaff, id, '材料齐全');
    if (household.status === 'returned') await registrations.returnForCorrection(townshipStaff, id, '请补充房屋照片和隐患点编号');
    if (reached(household.status, 'verified')) await registrations.verify(townshipStaff, id, visit);
  }
  const toPublicize = fresh.filter(({ household }) => reached(household.status, 'publicizing'));
  if (toPublicize.length) {
    await publicNotices.create(townshipStaff, {
      title: `${township.name}第一批避险搬迁农户公示`,
      intro: defaultNoticeIntro({ name: township.name, officePhone: (await services.townshipContacts.ofDivisions([township.code]))[0].officePhone }),
      startDate: historyClock.today(),
      endDate: earliestPeriodEnd(historyClock.today(), deps.config.noticeMinDays),
      registrationIds: toPublicize.map(({ id }) => id),
    });
  }
  for (const { id, household } of fresh) {
    if (household.status === 'approved') await services.registrations.approve(admin, id, { siteId, note: '同意搬迁' });
  }
}

/** A son working in town registered his parents' household again from his own WeChat: the console shows 同户多次登记. */
async function seedRegisteredTwice(registrations: Services['registrations'], household: Household | undefined): Promise<void> {
  if (!household) return;
  const son = { id: '64b0a0a0a0a0a0a0a0a0a0a1', name: `${household.head.name.slice(0, 1)}建军` };
  await registrations.create({
    household: { ...household, head: { ...household.head, phone: '13912340001' } },
    wishes: wishesSchema.parse({ willingness: 'willing', resettlementType: 'urban', reasons: '父母年纪大，想搬到县城和我们一起住' }),
    source: 'resident',
    residentId: son.id,
    submitter: { kind: 'resident', id: son.id, name: son.name },
    idempotencyKey: 'demo:registered-twice',
  });
}
