/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
    /** API base for the weapp build, injected at build time by config/index.ts. */
    TARO_APP_API_BASE: string;
  }
}
