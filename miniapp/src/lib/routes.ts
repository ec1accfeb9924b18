/** Page paths used for navigation; they must match app.config.ts. */
export const ROUTES = {
  home: '/pages/home/index',
  services: '/pages/services/index',
  messages: '/pages/messages/index',
  mine: '/pages/mine/index',
  privacy: '/subpackages/account/pages/privacy/index',
} as const;
