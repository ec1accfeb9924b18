import type { UserConfigExport } from '@tarojs/cli';

/**
 * `npm run dev` (taro build --type h5 --watch): the API server serves dist/h5 under /h5/, so the
 * watch build must land on disk. Its own dev server (port 10086, proxying /api) still works, but
 * without live reload: the page is usually open on the API's origin, where that socket cannot connect.
 */
export default {
  logger: { quiet: false, stats: true },
  // Prebundled dependencies live only in the dev server's memory, not in dist/h5.
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  mini: {},
  h5: {
    devServer: {
      hot: false,
      liveReload: false,
      client: false,
      devMiddleware: { writeToDisk: true },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
