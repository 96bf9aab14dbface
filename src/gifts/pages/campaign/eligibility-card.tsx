import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import type { Eligibility } from '@contract/api/gift';

/** Whether the worker may claim, and if not, why and what to do about it. */
export function EligibilityCard({ eligibility }: { eligibility: Eligibility }) {
  if (eligibility.eligible) {
    return <View className="card gift-eligibility gift-eligibility--ok">✓ 您符合领取条件，请在下方选择驿站领取</View>;
  }
  const action =
    eligibility.code === 'PROFILE_INCOMPLETE'
      ? { text: '去完善会员信息', url: '/member/pages/profile/index' }
      : eligibility.code === 'NOT_MEMBER'
        ? { text: '申请入会', url: '/member/pages/apply/index' }
        : null;
  return (
    <View className="card gift-eligibility gift-eligibility--no" role="alert">
      <View>! {eligibility.reason ?? '暂不能领取'}</View>
      {action ? (
        <Button className="gift-eligibility__action" onClick={() => Taro.navigateTo({ url: action.url })}>
          {action.text}
        </Button>
      ) : null}
    </View>
  );
}
