import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { STAFF_ROLE_LABELS } from '@anqian/shared';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { connectDatabase, syncIndexes } from './db/connect';
import { EmbeddedDbError, startEmbeddedDatabase, type EmbeddedDb } from './db/embedded';
import { DEMO_PASSWORD, seedDemoData } from './dev/demo-data';
import { createFakeWechatApp } from './dev/fake-wechat/fake-wechat-app';
import { createMongoAccessTokenStore } from './integrations/wechat/access-token-store';
import { createWechatClient } from './integrations/wechat/wechat-client';
import { startMaintenance } from './jobs/maintenance';
import { createLogger, type Logger } from './logger';

const SHUTDOWN_GRACE_MS = 10_000;

const envFile = path.resolve(__dirname, '../../.env');

async function main() {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const embedded = config.mongodbUri ? null : await startEmbeddedDatabase({ dataDir: config.embeddedDbDir, log: (line) => logger.info(line) });
  try {
    await serve(config, logger, embedded);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

async function serve(config: Config, logger: Logger, embedded: EmbeddedDb | null) {
  const connection = await connectDatabase(config.mongodbUri ?? embedded!.uri, config.mongodbDb);

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const origin = `http://${config.host}:${(server.address() as AddressInfo).port}`;

  const fakeWechat = config.wechat.useFake ? createFakeWechatApp({ appId: config.wechat.appId, appSecret: config.wechat.appSecret }) : undefined;
  const wechat = createWechatClient({
    baseUrl: fakeWechat ? `${origin}/fake-wechat` : config.wechat.apiBase,
    appId: config.wechat.appId,
    appSecret: config.wechat.appSecret,
    tokenStore: createMongoAccessTokenStore(connection, config.wechat.appId),
    logger: logger.child({ module: 'wechat' }),
  });
  const { app, services, serviceDeps } = createApp({ config, connection, logger, wechat, fakeWechat });
  await syncIndexes(connection);
  await services.divisions.ensureSeeded();
  const demoAccounts = config.env === 'production' ? [] : await seedDemoData(services, serviceDeps);
  server.on('request', app.callback());
  const stopMaintenance = startMaintenance(services, config, logger);

  const lines = [
    '',
    '安迁通 is running',
    `  API            ${origin}/api/health   (docs: ${origin}/api/docs/ui)`,
    `  Admin console  ${origin}/admin/`,
    `  Mini-program   ${origin}/h5/   (H5 build; open at phone size)`,
    `  Database       ${embedded ? `embedded FerretDB on port ${embedded.port}, data in ${config.embeddedDbDir}` : 'MONGODB_URI'}`,
  ];
  if (demoAccounts.length) {
    lines.push(`  Demo staff accounts (password ${DEMO_PASSWORD}):`);
    for (const account of demoAccounts) lines.push(`    ${account.username.padEnd(15)} ${STAFF_ROLE_LABELS[account.role]}`);
    lines.push('  Demo resident: tap 微信一键登录 in the H5 build; it signs in through the fake WeChat API.');
  }
  console.log(lines.join('\n') + '\n');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stopMaintenance();
    const forced = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    server.closeIdleConnections();
    await new Promise((resolve) => server.close(resolve));
    clearTimeout(forced);
    await services.ledgerImport.stopJobs();
    await connection.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof ConfigError || error instanceof EmbeddedDbError ? `\n启动失败：${error.message}\n` : error);
  process.exit(1);
});
