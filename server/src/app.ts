import bodyParser from '@koa/bodyparser';
import cors from '@koa/cors';
import Koa from 'koa';
import mount from 'koa-mount';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { AppContextExtras, AppState } from './app-context';
import { clockFor, type Clock } from './clock';
import type { Config } from './config';
import { errorHandler } from './middleware/errors';
import { requestId } from './middleware/request-id';
import { securityHeaders } from './middleware/security-headers';
import { buildRouter } from './routing/router';
import { routeTable } from './routing/route-table';
import { createServices, type ServiceDeps } from './services';
import { spa } from './static-sites';

export type AppDeps = {
  config: Config;
  connection: Connection;
  logger: Logger;
  wechat: ServiceDeps['wechat'];
  /** Development only: the fake WeChat API, mounted so the H5 build can ask it for codes. */
  fakeWechat?: Koa;
  /** Tests pass one they can move forward; otherwise the system clock (or the configured test offset). */
  clock?: Clock;
};

/** Builds the Koa app without listening, so tests mount `app.callback()` directly. */
export function createApp(deps: AppDeps) {
  const { config } = deps;
  const app = new Koa<AppState, AppContextExtras>({ proxy: config.trustProxy });
  const serviceDeps = { connection: deps.connection, config, wechat: deps.wechat, clock: deps.clock ?? clockFor(config) };
  const services = createServices(serviceDeps);
  app.context.services = services;
  app.context.config = config;
  app.context.clock = serviceDeps.clock;
  app.silent = true;

  app.use(requestId(deps.logger));
  app.use(errorHandler());
  app.use(securityHeaders({ hsts: config.env === 'production' }));
  if (config.adminOrigin) app.use(cors({ origin: config.adminOrigin, credentials: true }));
  app.use(
    bodyParser({
      enableTypes: ['json'],
      jsonLimit: `${config.bodyLimitKb}kb`,
      encoding: 'utf-8',
      onError: (error) => {
        throw error;
      },
    }),
  );
  if (deps.fakeWechat) app.use(mount('/fake-wechat', deps.fakeWechat));
  app.use(spa('/admin', config.adminDist, '请运行 npm run build -w admin'));
  app.use(spa('/h5', config.h5Dist, '请运行 npm run build:h5 -w miniapp'));
  app.use(buildRouter(routeTable));
  app.use(async (ctx, next) => {
    if (ctx.path === '/') ctx.redirect('/admin/');
    else await next();
  });

  return { app, services, serviceDeps };
}
