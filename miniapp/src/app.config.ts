export default defineAppConfig({
  pages: ['pages/home/index', 'pages/services/index', 'pages/messages/index', 'pages/mine/index'],
  // Low-traffic pages live in subpackages so the main package stays well under WeChat's limit.
  subPackages: [
    { root: 'subpackages/account', pages: ['pages/privacy/index'] },
    {
      root: 'subpackages/registration',
      pages: ['pages/form/index', 'pages/list/index', 'pages/detail/index', 'pages/cadre-login/index', 'pages/cadre-list/index'],
    },
    { root: 'subpackages/notices', pages: ['pages/list/index', 'pages/detail/index'] },
    { root: 'subpackages/policies', pages: ['pages/list/index', 'pages/detail/index'] },
    { root: 'subpackages/subsidy', pages: ['pages/calculator/index'] },
    {
      root: 'subpackages/jobs',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/resume/index', 'pages/applications/index', 'pages/application/index'],
    },
    { root: 'subpackages/job-fairs', pages: ['pages/list/index', 'pages/detail/index', 'pages/ticket/index', 'pages/mine/index'] },
    { root: 'subpackages/announcements', pages: ['pages/list/index', 'pages/detail/index', 'pages/area/index'] },
    { root: 'subpackages/requests', pages: ['pages/list/index', 'pages/new/index', 'pages/detail/index'] },
    { root: 'subpackages/training', pages: ['pages/list/index', 'pages/detail/index', 'pages/mine/index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#0052d9',
    navigationBarTitleText: '安迁通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4d4d4d',
    selectedColor: '#0052d9',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    // Icons come from scripts/make-tab-icons.mjs.
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/services/index', text: '办事', iconPath: 'assets/tab/services.png', selectedIconPath: 'assets/tab/services-active.png' },
      { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tab/messages.png', selectedIconPath: 'assets/tab/messages-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  __usePrivacyCheck__: true,
});
