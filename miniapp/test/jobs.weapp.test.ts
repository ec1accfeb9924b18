/**
 * The compiled 找工作 and 招聘会 subpackage pages in miniprogram-simulate: the posting list without
 * signing in, one-tap apply that becomes "已投递" (and never a second application), the employer's
 * phone only once the server gives it, and the e-ticket's QR code drawn on WeChat.
 */
import type { JobFair, JobPosting, JobPostingSummary, ResidentJobApplication, ResidentJobFairSignup, Resident } from '@anqian/shared';
import { startWeapp, tapText, textOf, waitForText, type FakeServer, type SimComponent } from './weapp-simulate';

const resident: Resident = {
  id: '665f1c2e8a1b2c3d4e5f6a70',
  phoneMasked: null,
  cadre: null,
  consent: { version: 'v1', acceptedAt: '2025-01-01T00:00:00.000Z', sensitive: false },
  currentPrivacyVersion: 'v1',
};

function summary(index: number): JobPostingSummary {
  return {
    id: `6a00000000000000000200${String(index).padStart(2, '0')}`,
    employerId: '6a0000000000000000030001',
    employerName: '武定县安心家政服务有限公司',
    title: index === 0 ? '住家保姆（照顾老人）' : `岗位 ${index}`,
    category: 'housekeeping',
    workplace: { kind: 'county', divisionCode: '532329101000' },
    workplaceName: '狮山镇',
    headcount: 5,
    hired: 0,
    pay: { kind: 'monthly', minYuan: 3200, maxYuan: 3800 },
    payLabel: '3200-3800 元/月',
    foodAndLodging: 'both',
    priorityRelocated: index === 0,
    closingDate: '2027-03-31',
    status: 'published',
    closedReason: null,
    publishedAt: '2026-12-01T02:00:00.000Z',
    updatedAt: '2026-12-01T02:00:00.000Z',
  };
}

const POSTINGS = Array.from({ length: 12 }, (_, index) => summary(index));
const posting: JobPosting = {
  ...POSTINGS[0],
  description: '照顾一位 80 岁老人的饮食起居。',
  hours: '住家，月休 4 天',
  requirements: { ageMin: 30, ageMax: 55, skills: ['做饭'], other: '' },
  transport: '',
  employer: { name: '武定县安心家政服务有限公司', industry: '居民服务业', address: '狮山镇龙泉路 18 号' },
};

const application = (status: ResidentJobApplication['status'], employerContact: ResidentJobApplication['employerContact']): ResidentJobApplication => ({
  id: '6a0000000000000000040001',
  posting: { id: posting.id, title: posting.title, employerName: posting.employerName, payLabel: posting.payLabel, workplaceName: posting.workplaceName, status: 'published' },
  status,
  nextStep: status === 'invited' ? '请按约定时间去面试。' : '已投递，等待人社局和用工单位查看。',
  message: status === 'invited' ? '12 月 20 日上午 9 点面试' : '',
  timeline: [{ action: 'apply', from: null, to: 'submitted', at: '2026-12-02T02:00:00.000Z', message: '' }],
  employerContact,
  canWithdraw: true,
  createdAt: '2026-12-02T02:00:00.000Z',
  updatedAt: '2026-12-02T02:00:00.000Z',
});

const fair: JobFair = {
  id: '6a0000000000000000050001',
  title: '1月搬迁群众就业专场招聘会',
  date: '2027-01-15',
  startTime: '09:00',
  endTime: '12:00',
  startsAt: '2027-01-15T01:00:00.000Z',
  endsAt: '2027-01-15T04:00:00.000Z',
  venue: '县城安置社区服务中心广场',
  organiser: '县人力资源和社会保障局',
  description: '',
  capacity: 500,
  taken: 12,
  remaining: 488,
  status: 'published',
  phase: 'open',
  employers: [],
  postings: [],
  cancelReason: null,
  publishedAt: '2026-12-01T02:00:00.000Z',
  createdAt: '2026-12-01T02:00:00.000Z',
  updatedAt: '2026-12-01T02:00:00.000Z',
};

const signup: ResidentJobFairSignup = {
  id: '6a0000000000000000060001',
  eventId: fair.id,
  status: 'confirmed',
  name: '王秀英',
  ticket: { qr: `AQT1:F:${fair.id}:6a0000000000000000060001:kF3t9Qz1Xw2Lr8Yp0aBcDe`, code: 'YKGZ-0YN7' },
  waitlistPosition: null,
  checkedInAt: null,
  createdAt: '2026-12-02T02:00:00.000Z',
  cancelledAt: null,
  reason: null,
  fair,
};

let mine: ResidentJobApplication[] = [];
const applyCalls: string[] = [];

const server: FakeServer = ({ url, method }) => {
  if (url.endsWith('/resident/me')) return { statusCode: 200, data: resident };
  if (url.includes('/resident/job-postings?')) {
    const query = new URLSearchParams(url.split('?')[1]);
    const page = Number(query.get('page'));
    const pageSize = Number(query.get('pageSize'));
    return { statusCode: 200, data: { items: POSTINGS.slice((page - 1) * pageSize, page * pageSize), total: POSTINGS.length, page, pageSize } };
  }
  if (url.endsWith(`/resident/job-postings/${posting.id}`)) return { statusCode: 200, data: posting };
  if (url.endsWith(`/resident/job-postings/${posting.id}/apply`) && method === 'POST') {
    applyCalls.push(url);
    mine = [application('submitted', null)];
    return { statusCode: 201, data: mine[0] };
  }
  if (url.endsWith('/resident/resume')) {
    return { statusCode: 200, data: { resume: { name: '王秀英', phoneMasked: '138****1234', age: 48, skills: ['保洁'], experience: '', wantedPayYuan: null, wantedPlace: '', availableFrom: null, freeText: '', member: null, updatedAt: '2026-12-01T02:00:00.000Z' }, householdMembers: [] } };
  }
  if (url.endsWith('/resident/job-applications')) return { statusCode: 200, data: { items: mine } };
  if (url.endsWith(`/resident/job-applications/${mine[0]?.id}`)) return { statusCode: 200, data: mine[0] };
  if (url.endsWith(`/resident/job-fairs/${fair.id}/signup`)) return { statusCode: 200, data: signup };
  return undefined;
};

describe('weapp jobs and job fairs (compiled)', () => {
  let weapp: ReturnType<typeof startWeapp>;

  beforeAll(() => {
    weapp = startWeapp({
      server,
      storage: new Map<string, unknown>([
        ['aq.settings.v1', { largeText: true }],
        ['aq.tokens.v1', { accessToken: 'access', refreshToken: 'refresh-token-value', expiresAt: Date.now() + 3_600_000 }],
        ['aq.resident.v1', resident],
      ]),
    });
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    // Navigation is recorded, not performed: each test renders the page it checks.
    wx.navigateTo = (options: { success?: (result: unknown) => void }) => setTimeout(() => options.success?.({ errMsg: 'navigateTo:ok' }), 0);
  });

  it('lists postings a page at a time in large text, each with its pay and food and lodging', async () => {
    const page = weapp.render('subpackages/jobs/pages/list/index');
    await waitForText(page, '加载更多（已显示 10 / 12）');
    const text = textOf(page);
    expect(text).toContain('住家保姆（照顾老人）');
    expect(text).toContain('3200-3800 元/月');
    expect(text).toContain('包吃包住');
    expect(text).toContain('优先招搬迁群众');
    expect(page.querySelector('.aq-page')!.dom.className).toContain('aq-page--large');
    tapText(page, '.aq-btn', '加载更多（已显示 10 / 12）');
    await waitForText(page, '已全部显示，共 12 个岗位');
  });

  it('applies with one tap; the posting then shows the application instead of a second 投递', async () => {
    mine = [];
    const page = weapp.render('subpackages/jobs/pages/detail/index', { id: posting.id });
    await waitForText(page, '想做这份工作？');
    expect(textOf(page)).not.toContain('13987650012');
    tapText(page, '.aq-btn', '投递');
    for (let attempt = 0; attempt < 50 && applyCalls.length === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(applyCalls).toHaveLength(1);

    const again = weapp.render('subpackages/jobs/pages/detail/index', { id: posting.id });
    await waitForText(again, '您已投递这个岗位');
    expect(again.querySelectorAll('.aq-btn').map(textOf)).not.toContain('投递');
  });

  it('shows the employer phone only when the server includes it (after an invitation)', async () => {
    mine = [application('submitted', null)];
    const before = weapp.render('subpackages/jobs/pages/application/index', { id: mine[0].id });
    await waitForText(before, '已投递，等待人社局和用工单位查看。');
    expect(textOf(before)).not.toContain('单位联系人');

    mine = [application('invited', { name: '张经理', phone: '13987650012' })];
    const after = weapp.render('subpackages/jobs/pages/application/index', { id: mine[0].id });
    await waitForText(after, '拨打 13987650012');
    expect(textOf(after)).toContain('12 月 20 日上午 9 点面试');
  });

  it('draws the ticket QR code and the short code in big letters', async () => {
    const page: SimComponent = weapp.render('subpackages/job-fairs/pages/ticket/index', { id: fair.id });
    await waitForText(page, 'YKGZ-0YN7');
    expect(page.querySelectorAll('.jf-qr__run').length).toBeGreaterThan(100);
    const text = textOf(page);
    expect(text).toContain('王秀英');
    expect(text).toContain('1月15日（星期五） 09:00-12:00');
    expect(text).toContain('县城安置社区服务中心广场');
  });
});
