/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.less';
declare module '*.scss';
declare module '*.sass';
declare module '*.styl';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro: affects the build output. */
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** Mini-program appid (see project.config.json); optional. */
    TARO_APP_ID?: string;
    /** CloudBase environment id; empty means "talk to the local emulator over HTTP". */
    TARO_APP_CLOUD_ENV?: string;
    /** Build-time default emulator URL (http://127.0.0.1:9870); H5 can override it at run time. */
    TARO_APP_EMULATOR_URL?: string;
    /** Transport override: 'http' (emulator) | 'wx-cloud'; empty picks by platform. */
    TARO_APP_TRANSPORT?: string;
  }
}

interface Window {
  /** Run-time emulator URL for H5 (set by the e2e harness before the app loads). */
  __EMULATOR_URL__?: string;
}
