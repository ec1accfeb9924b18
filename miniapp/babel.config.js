// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // No React fast refresh: the H5 dev build is served from disk by the API (config/dev.ts).
        hot: false,
      },
    ],
  ],
};
