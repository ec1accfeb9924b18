import {
  addDays,
  createAnnouncementBodySchema,
  createPolicyBodySchema,
  type CreateStaffBody,
  defaultNoticeIntro,
  type DivisionNode,
  earliestPeriodEnd,
  type EmploymentStatus,
  type Household,
  householdSchema,
  createPostingBodySchema,
  employerBodySchema,
  listEmployersQuerySchema,
  listRegistrationsQuerySchema,
  type RegistrationStatus,
  type StaffUser,
  TRAINING_CATEGORY_LABELS,
  type TrainingCategory,
  subsidyRuleSetBodySchema,
  wishesSchema,
  withCheckDigit,
  withCreditCodeCheck,
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
  await seedDemoEmployment(services, county, deps.clock);
  await seedDemoJobs(services, deps, county);
  await seedDemoJobFairs(services, county, deps.clock);
  await seedDemoTraining(services, deps, county);
  await seedDemoAnnouncements(services, county, deps.clock);
  await seedDemoResidentRequests(services, deps, county);
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
  { head: '黄正军', spouse: '马秀珍', birth: '19820415', villageIndex: 0, status: 'approved', type: 'scattered' },
  { head: '罗开明', spouse: '段玉兰', birth: '19760809', villageIndex: 1, status: 'approved', type: 'urban' },
  { head: '施国强', spouse: '普翠英', birth: '19880121', villageIndex: 2, status: 'approved', type: 'scattered' },
];

/** Statuses the township recorded for the approved demo households (head, spouse); 罗开明's is a zero-employment household. */
const DEMO_EMPLOYMENT: Record<string, [EmploymentStatus, EmploymentStatus]> = {
  刘正平: ['local_job', 'public_welfare'],
  黄正军: ['migrant_outside_county', 'flexible'],
  罗开明: ['unemployed', 'no_ability'],
};

const STAGES: RegistrationStatus[] = ['submitted', 'accepted', 'verified', 'publicizing', 'approved'];
const reached = (status: RegistrationStatus, stage: RegistrationStatus) =>
  status === 'returned' ? stage === 'submitted' || stage === 'accepted' : STAGES.indexOf(status) >= STAGES.indexOf(stage);

/** The township records the demo households' employment; members who already have a status keep it. */
async function seedDemoEmployment(services: Services, county: DivisionNode, clock: Clock): Promise<void> {
  await services.employment.backfill();
  const townshipStaff = await actorOf(services, county, 'township_staff');
  const { items } = await services.employment.list(townshipStaff, { page: 1, pageSize: 100 });
  for (const household of items) {
    const statuses = DEMO_EMPLOYMENT[household.headName];
    if (!statuses) continue;
    for (const [index, member] of household.members.entries()) {
      if (member.status || !member.workingAge || !statuses[index]) continue;
      await services.employment.setStatus(townshipStaff, household.id, member.key, { status: statuses[index], date: addDays(clock.today(), -20), note: '入户走访了解' });
    }
  }
}

/**
 * Our own demo texts need no WeChat content check, and the fake WeChat does not answer until the
 * server is up: services for seeding whose check always passes.
 */
function withTrustedText(deps: ServiceDeps & { clock: Clock }): ServiceDeps & { clock: Clock } {
  return { ...deps, wechat: { ...deps.wechat, checkText: async () => ({ suggest: 'pass' as const, label: 100 }) } };
}

const DEMO_EMPLOYERS = [
  { name: '县康馨家政服务有限公司', code: '91530000MA6K0001', industry: '家政服务', address: '县城易地搬迁安置社区 3 栋 1 楼', contactName: '李娟', contactPhone: '13900001001' },
  { name: '县山货电子商务有限公司', code: '91530000MA6K0002', industry: '电子商务', address: '县电子商务公共服务中心 2 楼', contactName: '王磊', contactPhone: '13900001002' },
  { name: '县城投建筑工程有限公司', code: '91530000MA6K0003', industry: '建筑施工', address: '县城东环路 18 号', contactName: '张建国', contactPhone: '13900001003' },
  { name: '县绿源生猪养殖专业合作社', code: '93530000MA6K0004', industry: '养殖', address: '县城北郊养殖园区', contactName: '赵春', contactPhone: '13900001004' },
];

/** Four employers of the bureau with a published posting or two each; none once the bureau has any employer. */
async function seedDemoJobs(services: Services, deps: ServiceDeps & { clock: Clock }, county: DivisionNode): Promise<void> {
  if ((await services.employers.list(listEmployersQuerySchema.parse({ pageSize: 1 }))).total > 0) return;
  const hr = await actorOf(services, county, 'hr_staff');
  const jobs = createServices(withTrustedText(deps)).jobs;
  const township = county.children[0];
  const employers = [];
  for (const employer of DEMO_EMPLOYERS) {
    const { code, ...fields } = employer;
    employers.push(await services.employers.create(employerBodySchema.parse({ ...fields, creditCode: withCreditCodeCheck(code.padEnd(17, '0')), divisionCode: county.code })));
  }
  const closingDate = addDays(deps.clock.today(), 45);
  const postings = [
    { employer: 0, title: '家政服务员（保洁、做饭）', category: 'housekeeping', pay: { kind: 'monthly', minYuan: 3000, maxYuan: 4500 }, hours: '每天 8 小时，月休 4 天', foodAndLodging: 'both', headcount: 20, skills: ['家务整理', '做饭'], place: county.code },
    { employer: 0, title: '养老护理员', category: 'housekeeping', pay: { kind: 'monthly', minYuan: 3500, maxYuan: 5000 }, hours: '两班倒，每班 12 小时', foodAndLodging: 'food', headcount: 8, skills: ['老人照护'], place: township.code },
    { employer: 1, title: '电商客服', category: 'ecommerce', pay: { kind: 'monthly', minYuan: 2800, maxYuan: 4000 }, hours: '9:00–18:00，周末轮休', foodAndLodging: 'food', headcount: 6, skills: ['会用手机打字'], place: county.code },
    { employer: 1, title: '农产品分拣打包工', category: 'ecommerce', pay: { kind: 'piece', yuan: 0.5, unit: '箱' }, hours: '白班 8 小时', foodAndLodging: 'none', headcount: 15, skills: [], place: township.code },
    { employer: 2, title: '砌筑工', category: 'construction', pay: { kind: 'daily', yuan: 260 }, hours: '每天 8 小时', foodAndLodging: 'lodging', headcount: 30, skills: ['砌砖'], place: county.code },
    { employer: 3, title: '生猪饲养员', category: 'livestock', pay: { kind: 'monthly', minYuan: 3200, maxYuan: 4200 }, hours: '早晚各一班，中午休息', foodAndLodging: 'both', headcount: 4, skills: [], place: township.children[0].code },
  ] as const;
  for (const posting of postings) {
    const created = await jobs.create(
      hr,
      createPostingBodySchema.parse({
        employerId: employers[posting.employer].id,
        title: posting.title,
        category: posting.category,
        description: '欢迎搬迁群众报名，单位提供岗前培训，试用期工资不低于正式工资的八成。',
        workplace: { kind: 'county', divisionCode: posting.place },
        headcount: posting.headcount,
        pay: posting.pay,
        hours: posting.hours,
        requirements: { ageMin: 18, ageMax: 55, skills: [...posting.skills], other: '' },
        foodAndLodging: posting.foodAndLodging,
        transport: '安置点有班车接送',
        closingDate,
        priorityRelocated: true,
      }),
    );
    await jobs.publish(created.id);
  }
}

/** One published job fair with the demo employers on the 15th of each of the next three months; none once the bureau has any. */
async function seedDemoJobFairs(services: Services, county: DivisionNode, clock: Clock): Promise<void> {
  if ((await services.jobFairs.list({ page: 1, pageSize: 1 })).total > 0) return;
  const hr = await actorOf(services, county, 'hr_staff');
  const employerIds = (await services.employers.list(listEmployersQuerySchema.parse({ pageSize: 10 }))).items.map((employer) => employer.id);
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
      employerIds,
      postingIds: [],
    });
    await services.jobFairs.publish(fair.id);
  }
}

/**
 * Three courses of the bureau: 家政服务 running (two sessions held and ticked), 电子商务 open for
 * sign-up, 建筑施工 finished with certificates. The demo township's verified households apply
 * through its staff (代报名); the past is replayed on shifted clocks. None once any course exists.
 */
async function seedDemoTraining(services: Services, deps: ServiceDeps & { clock: Clock }, county: DivisionNode): Promise<void> {
  if ((await services.training.list({ page: 1, pageSize: 1 })).total > 0) return;
  const [hr, townshipStaff] = await Promise.all(['hr_staff', 'township_staff'].map((name) => actorOf(services, county, name)));
  const township = county.children[0];
  const { items } = await services.registrations.list(townshipStaff, listRegistrationsQuerySchema.parse({ pageSize: 100 }));
  const households = items.filter((item) => ['verified', 'publicizing', 'approved'].includes(item.status));
  // Each course's partner is the demo employer of its trade (订单式), when there is one.
  const employers = (await services.employers.list(listEmployersQuerySchema.parse({ pageSize: 20 }))).items;
  const partnersFor = (category: TrainingCategory) =>
    employers.filter((employer) => employer.industry === TRAINING_CATEGORY_LABELS[category]).map((employer) => ({ employerId: employer.id, committedHires: 10 }));
  const at = (daysAgo: number) => (daysAgo === 0 ? services : createServices({ ...deps, clock: shiftedClock(deps.clock, -daysAgo) })).training;

  async function course(daysAgo: number, body: { title: string; category: TrainingCategory; provider: string; subsidyFen: number; firstDay: number; sessions: string[]; examRequired: boolean }) {
    const training = at(daysAgo);
    const today = shiftedClock(deps.clock, -daysAgo).today();
    const created = await training.create(hr, {
      title: body.title,
      category: body.category,
      provider: body.provider,
      partners: partnersFor(body.category),
      description: '订单式培训，结业考核合格后由合作单位优先招用',
      divisionCode: township.code,
      address: `${township.name}安置点综合服务中心三楼培训室`,
      sessions: body.sessions.map((topic, i) => ({ date: addDays(today, body.firstDay + i * 2), startTime: '09:00', endTime: '16:00', topic })),
      capacity: 30,
      signupDeadline: addDays(today, body.firstDay - 1),
      eligibility: { minAge: 16, maxAge: 60, priorityForRelocated: true, townshipCodes: [] },
      costFen: 0,
      subsidyFen: body.subsidyFen,
      completion: { minAttendancePercent: 80, examRequired: body.examRequired },
      admission: 'review',
    });
    await training.publish(created.id);
    return created.id;
  }

  /** 代报名 for the head or the spouse of each verified household; those the course does not take are skipped. */
  async function applyFor(daysAgo: number, id: string, memberIndex: number, count: number) {
    const applied: string[] = [];
    for (const household of households.slice(0, count)) {
      const viewer = { kind: 'staff' as const, actor: townshipStaff, registrationId: household.id };
      const member = (await at(daysAgo).memberChoices(viewer, id)).items[memberIndex];
      if (!member?.eligible) continue;
      applied.push((await at(daysAgo).apply(viewer, id, member.memberKey)).application.id);
    }
    return applied;
  }

  const construction = await course(30, { title: '建筑施工（砌筑工）培训班', category: 'construction', provider: '县建筑职业技能培训中心', subsidyFen: 180000, firstDay: 2, sessions: ['安全生产', '砌筑基础', '抹灰实操', '结业考核'], examRequired: true });
  const builders = await applyFor(30, construction, 0, 4);
  await at(30).admitPending(construction);
  await at(20).start(construction);
  for (const [n, id] of builders.entries()) {
    for (const session of [1, 2, 3, 4]) if (n !== builders.length - 1 || session < 3) await at(20).setAttendance(hr, id, session, true);
    if (n !== builders.length - 1) await at(20).recordResult(hr, id, { examPassed: true, examScore: 80 + n, certificateKind: 'skill_level', certificateNumber: `JZ2026-${String(n + 1).padStart(4, '0')}` });
  }
  await at(20).finish(construction);

  const housekeeping = await course(5, { title: '家政服务员培训班（第二期）', category: 'housekeeping', provider: '县职业技能培训学校', subsidyFen: 150000, firstDay: 2, sessions: ['家居保洁', '家庭烹饪', '母婴护理', '老人照护', '结业考核'], examRequired: true });
  const housekeepers = await applyFor(5, housekeeping, 1, 6);
  await at(5).admitPending(housekeeping);
  await services.training.start(housekeeping);
  for (const id of housekeepers) for (const session of [1, 2]) await services.training.setAttendance(hr, id, session, true);

  const ecommerce = await course(0, { title: '农村电商直播带货培训班', category: 'ecommerce', provider: '县电子商务公共服务中心', subsidyFen: 120000, firstDay: 10, sessions: ['开店与选品', '短视频拍摄', '直播带货', '售后与物流'], examRequired: false });
  await applyFor(0, ecommerce, 0, 2);
}

/** Made-up residents of the demo township's first two villages (no WeChat account behind them), who chose their village. */
const DEMO_READERS = ['64f0000000000000000a0001', '64f0000000000000000a0002', '64f0000000000000000a0003', '64f0000000000000000a0004', '64f0000000000000000a0005'];

/**
 * Announcements at every level: a pinned county notice, the bureau's policy promotion, a township
 * meeting residents must read (three of five demo residents have), a village water cut, one
 * scheduled for tomorrow and a live hazard alert for the township. None once any exists.
 */
async function seedDemoAnnouncements(services: Services, county: DivisionNode, clock: Clock): Promise<void> {
  const { announcements } = services;
  const [admin, hr, townshipStaff, cadre] = await Promise.all(['county_admin', 'hr_staff', 'township_staff', 'village_cadre'].map((name) => actorOf(services, county, name)));
  if ((await announcements.list(admin, { page: 1, pageSize: 1 })).total > 0) return;
  const township = county.children[0];
  const hoursAhead = (hours: number) => new Date(clock.now().getTime() + hours * 3_600_000).toISOString();
  const publish = async (actor: StaffActor, body: Parameters<typeof createAnnouncementBodySchema.parse>[0]) => {
    const created = await announcements.create(actor, createAnnouncementBodySchema.parse(body));
    return announcements.publish(actor, created.id);
  };
  for (const [index, residentId] of DEMO_READERS.entries()) await announcements.chooseArea(residentId, township.children[index % 2].code);
  await publish(admin, {
    type: 'notice',
    title: '关于做好2026年避险搬迁入住准备工作的通知',
    bodyHtml: '<p>各乡镇、各搬迁户：</p><p>县城安置社区第一批住房已验收，<strong>请已审批通过的搬迁户</strong>备好户口本、身份证，按乡镇通知的时间办理入住登记。</p>',
    divisionCode: county.code,
    pinned: true,
  });
  await publish(hr, {
    type: 'policy_promotion',
    title: '搬迁群众外出务工交通补贴政策解读',
    bodyHtml: '<p>搬迁劳动力到县外稳定就业 3 个月以上的，可申请一次性交通补贴 500 元。</p><ul><li>带上身份证和劳动合同</li><li>到县人社局或乡镇便民服务中心申请</li></ul>',
    divisionCode: county.code,
  });
  const meeting = await publish(townshipStaff, {
    type: 'meeting',
    title: `须阅知：${township.name}安置点分房抽签大会`,
    bodyHtml: '<p>本周六上午 9 点在镇政府三楼会议室举行分房抽签，每户请派一人参加，不能到场的请委托亲属并带委托书。</p>',
    divisionCode: township.code,
    mustRead: true,
  });
  for (const residentId of DEMO_READERS.slice(0, 3)) await announcements.getForResident(residentId, meeting.id);
  await publish(cadre, {
    type: 'utility_outage',
    title: `${township.children[0].name}周四上午停水`,
    bodyHtml: '<p>因更换供水管道，周四 8:00-12:00 全村停水，请提前储水。</p>',
    divisionCode: township.children[0].code,
  });
  await publish(townshipStaff, {
    type: 'notice',
    title: '安置点入住后物业费减免的通知',
    bodyHtml: '<p>入住后第一年物业费全部减免，第二年起按每月每平方米 0.3 元收取。</p>',
    divisionCode: township.code,
    publishAt: hoursAhead(24),
  });
  await publish(townshipStaff, {
    type: 'hazard_alert',
    title: '滑坡橙色预警：请立即转移到安全地带',
    bodyHtml: '<p>受连续强降雨影响，未来 72 小时内本镇发生滑坡、泥石流的可能性大。</p><p><strong>住在隐患点附近的群众请立即转移到村委会或安置点</strong>，听从村干部安排，雨停后不要急于返回。</p>',
    divisionCode: township.code,
    pinned: true,
    expiresAt: hoursAhead(72),
  });
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

type DemoRequest = {
  daysAgo: number;
  category: 'inquiry' | 'help' | 'complaint' | 'repair' | 'suggestion';
  text: string;
  townshipIndex?: number;
  villageIndex?: number;
  /** What happened to it, in order, on the day it was submitted. */
  then: ('assign' | 'note' | 'reply' | 'close' | 'rate' | 'reopen' | 'transfer')[];
};

const DEMO_REQUEST_RESIDENTS = ['64f0000000000000000b0001', '64f0000000000000000b0002', '64f0000000000000000b0003', '64f0000000000000000b0004'];

/** A dozen residents' requests of every category and state; the first one is well past its reply deadline. */
const DEMO_REQUESTS: DemoRequest[] = [
  { daysAgo: 20, category: 'repair', text: '安置点 2 栋 1 单元的自来水管漏水，楼下墙面都泡湿了，报过一次还没人来修。', then: ['assign'] },
  { daysAgo: 9, category: 'inquiry', text: '请问拆旧复垦奖励什么时候发？我家老房子上个月已经拆完了。', then: ['reply', 'close', 'rate'] },
  { daysAgo: 6, category: 'complaint', text: '安置点晚上有货车进出，噪音很大，老人和小孩睡不好觉。', then: ['assign', 'reply', 'rate'] },
  { daysAgo: 0, category: 'help', text: '我父亲腿脚不方便，搬家那天需要人帮忙搬东西，能不能安排一下？', then: [] },
  { daysAgo: 2, category: 'suggestion', text: '建议在安置点旁边修一个小菜园，大家可以自己种点菜。', then: ['reply'] },
  { daysAgo: 1, category: 'repair', text: '新房子卫生间的门锁坏了，关不上。', then: ['assign', 'note'] },
  { daysAgo: 0, category: 'inquiry', text: '我家户口在外地打工的儿子，能不能算进搬迁人口？', villageIndex: 1, then: [] },
  { daysAgo: 5, category: 'complaint', text: '安置房分配的楼层和公示的不一样，希望县里核实。', then: ['transfer'] },
  { daysAgo: 4, category: 'help', text: '家里老人生病住院，想问问有没有临时救助。', then: ['reply', 'reopen'] },
  { daysAgo: 0, category: 'repair', text: '安置点路灯有三盏不亮，晚上出门很黑。', townshipIndex: 1, then: [] },
  { daysAgo: 8, category: 'suggestion', text: '希望就业培训能安排在周末，平时要干农活走不开。', then: ['reply', 'close'] },
  { daysAgo: 2, category: 'inquiry', text: '集中安置的房子什么时候可以拿钥匙？', villageIndex: 1, then: ['assign', 'note'] },
];

const DEMO_REPLIES: Record<DemoRequest['category'], string> = {
  inquiry: '您好，您咨询的事项已经核实：按县里安排，本月底前统一发放到一卡通账户，请留意银行短信。',
  help: '您好，我们已经联系村委会，村干部会上门了解情况，帮您申请临时救助。',
  complaint: '您好，您反映的问题已经核查，已要求施工单位晚上 10 点后不得进出车辆。',
  repair: '您好，维修人员已经上门修好，如还有问题可以申请重新处理。',
  suggestion: '您好，感谢您的建议，我们已经转给县人社局，下期培训会考虑安排在周末。',
};

/**
 * Replayed through the service on a clock set back to each request's day, with a fixed key each,
 * so a restart finds them instead of adding more; only a newly created one is moved along.
 */
async function seedDemoResidentRequests(services: Services, deps: ServiceDeps & { clock: Clock }, county: DivisionNode): Promise<void> {
  const townshipStaff = await actorOf(services, county, 'township_staff');
  const atDay = new Map<number, Services['residentRequests']>();
  const serviceFor = (daysAgo: number) => {
    if (!atDay.has(daysAgo)) atDay.set(daysAgo, createServices({ ...withTrustedText(deps), clock: shiftedClock(deps.clock, -daysAgo) }).residentRequests);
    return atDay.get(daysAgo)!;
  };
  for (const [index, demo] of DEMO_REQUESTS.entries()) {
    const requests = serviceFor(demo.daysAgo);
    const residentId = DEMO_REQUEST_RESIDENTS[index % DEMO_REQUEST_RESIDENTS.length];
    const villageCode = county.children[demo.townshipIndex ?? 0].children[demo.villageIndex ?? 0].code;
    const { request, created } = await requests.submit(residentId, { idempotencyKey: `demo-request-${index}`, category: demo.category, text: demo.text, photoIds: [], place: { villageCode } });
    if (!created) continue;
    for (const step of demo.then) {
      if (step === 'assign') await requests.assign(townshipStaff, request.id, townshipStaff.id);
      if (step === 'note') await requests.addNote(townshipStaff, request.id, '已电话联系群众，约好明天上门。');
      if (step === 'reply') await requests.reply(townshipStaff, request.id, DEMO_REPLIES[demo.category]);
      if (step === 'close') await requests.close(townshipStaff, request.id);
      if (step === 'rate') await requests.rate(residentId, request.id, { score: index % 2 ? 3 : 5, comment: index % 2 ? '答复了，但是问题还没完全解决' : '很满意，谢谢' });
      if (step === 'reopen') await requests.reopen(residentId, request.id, '救助申请交上去以后一直没有消息');
      if (step === 'transfer') await requests.transfer(townshipStaff, request.id, { divisionCode: county.code, reason: '涉及安置房分配，需县住建局核实' });
    }
  }
}
