import Taro from '@tarojs/taro';

/** Which privacy notice the user agreed to before a flow first collected personal data. */
export type ConsentPurpose = 'profile' | 'contest' | 'retirement' | 'location' | 'photo';

const KEY = 'privacy-consent';

function read(): Record<string, number> {
  try {
    const raw = Taro.getStorageSync(KEY);
    return raw && typeof raw === 'object' ? (raw as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export function hasConsented(purpose: ConsentPurpose): boolean {
  return Boolean(read()[purpose]);
}

export function recordConsent(purpose: ConsentPurpose): void {
  Taro.setStorageSync(KEY, { ...read(), [purpose]: Date.now() });
}
