import {
  allowedAnnouncementActions,
  announcementLevelsFor,
  announcementTypesFor,
  announcementViewStatus,
  createAnnouncementBodySchema,
  nextAnnouncementStatus,
} from './announcements';

describe('announcement machine', () => {
  it.each([
    ['draft', 'publish', 'published'],
    ['scheduled', 'publish', 'published'],
    ['draft', 'schedule', 'scheduled'],
    ['scheduled', 'unschedule', 'draft'],
    ['scheduled', 'publishDue', 'published'],
    ['published', 'withdraw', 'withdrawn'],
    ['published', 'publish', null],
    ['withdrawn', 'publish', null],
    ['draft', 'withdraw', null],
    ['draft', 'publishDue', null],
  ] as const)('%s + %s → %s', (status, action, to) => {
    expect(nextAnnouncementStatus(status, action)).toBe(to);
  });

  it('offers staff only the actions the status allows', () => {
    expect(allowedAnnouncementActions('draft')).toEqual(['publish']);
    expect(allowedAnnouncementActions('scheduled')).toEqual(['publish', 'unschedule']);
    expect(allowedAnnouncementActions('published')).toEqual(['withdraw']);
    expect(allowedAnnouncementActions('withdrawn')).toEqual([]);
  });

  it('shows a published announcement past its expiry as expired', () => {
    const now = new Date('2026-07-01T00:00:00Z');
    expect(announcementViewStatus({ status: 'published', expiresAt: '2026-06-30T23:59:59Z' }, now)).toBe('expired');
    expect(announcementViewStatus({ status: 'published', expiresAt: '2026-07-01T00:00:01Z' }, now)).toBe('published');
    expect(announcementViewStatus({ status: 'withdrawn', expiresAt: '2026-06-01T00:00:00Z' }, now)).toBe('withdrawn');
  });
});

describe('who publishes what', () => {
  it('lets hr staff publish only job and training types, county-wide', () => {
    expect(announcementTypesFor('hr_staff')).toEqual(['notice', 'policy_promotion']);
    expect(announcementLevelsFor('hr_staff')).toEqual(['county']);
    expect(announcementLevelsFor('township_staff')).toEqual(['township', 'village']);
    expect(announcementLevelsFor('village_cadre')).toEqual(['village']);
  });

  it('requires an expiry on a hazard alert, naming the field', () => {
    const result = createAnnouncementBodySchema.safeParse({ type: 'hazard_alert', title: '滑坡预警', bodyHtml: '<p>请转移</p>', divisionCode: '532329100000' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['expiresAt']);
  });
});
