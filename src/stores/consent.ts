import Taro from '@tarojs/taro';

/** Which privacy notice the user agreed to before a flow first collected personal data. */
export type ConsentPurpose = 'profile' | 'contest' | 'retirement' | 'retirementBatch' | 'location' | 'photo';

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

/** What each purpose collects and why, said in the consent prompt (kept short for a phone modal). */
export const CONSENT_TEXT: Record<ConsentPurpose, { title: string; content: string }> = {
  profile: {
    title: '个人信息使用说明',
    content: '姓名、手机号、工作单位用于办理入会和各项服务；手机号对工作人员只显示 138****5678。',
  },
  contest: {
    title: '报名信息使用说明',
    content: '报名信息仅用于比赛资格审核、签到和成绩公示，手机号对工作人员遮挡显示。',
  },
  retirement: {
    title: '身份证号使用说明',
    content: '身份证号仅用于防止重复申请，不保存明文，只保存"前3后4"的遮挡形式。',
  },
  retirementBatch: {
    title: '代办信息使用说明',
    content: '为本单位退休职工代办光荣退休，请先告知本人。身份证号仅用于防止重复申请，只保存"前3后4"的遮挡形式。',
  },
  location: {
    title: '使用您的位置',
    content: '为了把离您最近的驿站排在前面，需要获取您当前的位置。位置只用于这一次排序，不会保存。是否同意？',
  },
  photo: {
    title: '照片使用说明',
    content:
      '照片由您自愿上传，只用于印在光荣退休证书上，审核的工会工作人员可以看到。删除个人数据时照片一并删除。是否同意？',
  },
};

/**
 * Asks once before the first collection for `purpose`; remembered after the user agrees.
 * Resolves false (and collects nothing) when the user declines.
 */
export async function ensureConsent(purpose: ConsentPurpose): Promise<boolean> {
  if (hasConsented(purpose)) return true;
  const { title, content } = CONSENT_TEXT[purpose];
  const res = await Taro.showModal({ title, content, confirmText: '同意', cancelText: '不同意' });
  if (!res.confirm) return false;
  recordConsent(purpose);
  return true;
}
