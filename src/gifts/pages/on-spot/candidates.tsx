import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import type { OnSpotCandidate, OnSpotClaimed } from '@contract/api/gift';
import { StatusTag } from '../../../components';

/** When and where the worker took their one pack, in words (not only the tag's colour). */
const claimedText = (a: OnSpotClaimed) =>
  `${a.atText} 已在${a.stationName}领取（${a.statusText}），每人限一份，不能再发放。`;

/** Who the lookup found: masked name and phone, and whether they may take a pack (not when they already hold one). */
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
          {c.alreadyClaimed ? (
            <>
              <StatusTag text="已领过" tone="warning" />
              <View className="gift-onspot__claimed" role="alert">
                {claimedText(c.alreadyClaimed)}
              </View>
            </>
          ) : (
            <>
              <StatusTag
                text={c.eligibility.eligible ? '符合领取条件' : '不能领取'}
                tone={c.eligibility.eligible ? 'success' : 'danger'}
              />
              {c.eligibility.eligible ? (
                <Button className="gift-onspot__give" busy={props.busy} onClick={() => props.onGive(c)}>
                  现场发放
                </Button>
              ) : (
                <View className="gift-onspot__reason" role="alert">
                  {c.eligibility.reason ?? '暂不能领取'}
                </View>
              )}
            </>
          )}
        </View>
      ))}
    </View>
  );
}
