import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { readBuildEnv } from './build-env';

const sharedDir = path.resolve(__dirname, '..', '..', 'shared');

export default defineConfig<'webpack5'>(async (merge) => {
  const env = readBuildEnv();
  // Taro writes dist/weapp/project.config.json with the appid from TARO_APP_ID.
  process.env.TARO_APP_ID = env.appId;

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'anqian-miniapp',
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      // The workspace package is TypeScript source; point at it explicitly so both targets compile it.
      '@anqian/shared': path.join(sharedDir, 'src', 'index.ts'),
    },
    env: {
      TARO_APP_API_BASE: JSON.stringify(env.apiBase),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      prebundle: { exclude: ['@anqian/shared'] },
    },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      postcss: {
        // Sizes stay in CSS px (see src/styles/_tokens.scss): no rpx/rem scaling with screen width.
        pxtransform: { enable: false, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // webpack's 244 KiB web budget does not fit a framework bundle; the budget that matters
        // is WeChat's, enforced by scripts/check-weapp-package.mjs.
        chain.performance.hints(false);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: false, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      devServer: {
        port: 10086,
        // The API and the dev-only fake WeChat server share one origin in dev.
        proxy: [{ context: ['/api', '/fake-wechat'], target: 'http://127.0.0.1:3000', changeOrigin: true }],
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
