import { Button, View } from '@tarojs/components';
import type { OnSpotCandidate } from '@contract/api/gift';
import { StatusTag } from '../../../components';

/** Who the lookup found: masked name and phone, and whether they may take a pack. */
export function Candidates(props: { list: OnSpotCandidate[]; busy: boolean; onGive: (c: OnSpotCandidate) => void }) {
  if (props.list.length === 0) {
    return (
      <View className="card gift-onspot__none" role="status">
        没有找到这位职工。请核对姓名和手机尾号；还没登记会员信息的，请先帮他在小程序登记。
      </View>
    );
  }
  return (
    <View>
      {props.list.map((c) => (
        <View key={c.memberNo} className="card gift-onspot__match">
          <View className="gift-onspot__who">
            {c.personName} · {c.phone}
            {c.group ? ` · ${c.group}` : ''}
          </View>
          <StatusTag
            text={c.eligibility.eligible ? '符合领取条件' : '不能领取'}
            tone={c.eligibility.eligible ? 'success' : 'danger'}
          />
          {c.eligibility.eligible ? (
            <Button className="btn btn-primary gift-onspot__give" loading={props.busy} onClick={() => props.onGive(c)}>
              现场发放
            </Button>
          ) : (
            <View className="gift-onspot__reason" role="alert">
              {c.eligibility.reason ?? '暂不能领取'}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
