/** Page paths used for navigation; they must match app.config.ts. */
export const ROUTES = {
  home: '/pages/home/index',
  services: '/pages/services/index',
  messages: '/pages/messages/index',
  mine: '/pages/mine/index',
  privacy: '/subpackages/account/pages/privacy/index',
  registrationForm: '/subpackages/registration/pages/form/index',
  registrationList: '/subpackages/registration/pages/list/index',
  /** Also the page subscribe messages open (`?id=`): keep the path stable. */
  registrationDetail: '/subpackages/registration/pages/detail/index',
  cadreLogin: '/subpackages/registration/pages/cadre-login/index',
  cadreRegistrations: '/subpackages/registration/pages/cadre-list/index',
  notices: '/subpackages/notices/pages/list/index',
  noticeDetail: '/subpackages/notices/pages/detail/index',
  policies: '/subpackages/policies/pages/list/index',
  /** `?id=` (and `&version=` for an earlier version); subsidy line items link here by policy id. */
  policyDetail: '/subpackages/policies/pages/detail/index',
  subsidyCalculator: '/subpackages/subsidy/pages/calculator/index',
  jobs: '/subpackages/jobs/pages/list/index',
  jobDetail: '/subpackages/jobs/pages/detail/index',
  resume: '/subpackages/jobs/pages/resume/index',
  jobApplications: '/subpackages/jobs/pages/applications/index',
  /** `?id=`: job_application_status subscribe messages open this page; keep the path stable. */
  jobApplication: '/subpackages/jobs/pages/application/index',
  jobFairs: '/subpackages/job-fairs/pages/list/index',
  jobFairDetail: '/subpackages/job-fairs/pages/detail/index',
  /** `?id=<fairId>`: the day-before event_reminder opens this page; keep the path stable. */
  jobFairTicket: '/subpackages/job-fairs/pages/ticket/index',
  myJobFairs: '/subpackages/job-fairs/pages/mine/index',
  announcements: '/subpackages/announcements/pages/list/index',
  /** `?id=`: hazard_alert subscribe messages open this page; keep the path stable. */
  announcementDetail: '/subpackages/announcements/pages/detail/index',
  announcementArea: '/subpackages/announcements/pages/area/index',
  requests: '/subpackages/requests/pages/list/index',
  newRequest: '/subpackages/requests/pages/new/index',
  /** `?id=`: request_reply subscribe messages open this page; keep the path stable. */
  requestDetail: '/subpackages/requests/pages/detail/index',
  training: '/subpackages/training/pages/list/index',
  /** `?id=<courseId>`: training_status and the day-before reminder open this page; keep the path stable. */
  trainingDetail: '/subpackages/training/pages/detail/index',
  myTraining: '/subpackages/training/pages/mine/index',
} as const;
