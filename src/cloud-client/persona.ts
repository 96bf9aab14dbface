import Taro from '@tarojs/taro';

const KEY = 'persona';

/** The OPENID the emulator should treat us as (emulator builds only). */
export function getPersona(): string {
  try {
    return (Taro.getStorageSync(KEY) as string) || '';
  } catch {
    return '';
  }
}

export function setPersona(openid: string): void {
  Taro.setStorageSync(KEY, openid);
}

/** Run-time emulator URL: set by tests (window.__EMULATOR_URL__) or the dev, else the build's default. */
export function emulatorUrl(): string {
  const w = typeof window !== 'undefined' ? (window as unknown as { __EMULATOR_URL__?: string }) : undefined;
  let stored = '';
  try {
    stored = (Taro.getStorageSync('emulator-url') as string) || '';
  } catch {
    stored = '';
  }
  return (w?.__EMULATOR_URL__ || stored || process.env.TARO_APP_EMULATOR_URL || 'http://127.0.0.1:9870').replace(
    /\/$/,
    '',
  );
}
