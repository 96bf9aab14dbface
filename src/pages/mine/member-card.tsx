import { View } from '@tarojs/components';
import { Button } from '../../components/button';
import { useState } from 'react';
import type { MyProfile } from '@contract/api/member';
import { QrCode } from '../../components/qr-code';
import { useRefreshingCode } from '../../hooks/use-refreshing-code';
import { api } from '../../services/api';

function CodePanel() {
  const { code, error, refresh } = useRefreshingCode(() => api.member.memberCode());
  if (error) {
    return (
      <View className="member-card__code" role="alert">
        <View className="member-card__error">{error.message}</View>
        <Button variant="outline" onClick={refresh}>
          重新获取
        </Button>
      </View>
    );
  }
  if (!code) return <View className="member-card__code muted">正在生成会员码…</View>;
  return (
    <View className="member-card__code">
      <QrCode value={code.token} size={240} label="会员码" />
      <View className="muted">会员码每分钟自动刷新，截图无效</View>
    </View>
  );
}

/** The e-member card: number, name, employer, and the code staff scan for 会员核验. */
export function MemberCard({ me }: { me: MyProfile }) {
  const [showCode, setShowCode] = useState(false);
  return (
    <View className="member-card">
      <View className="member-card__org">秀洲区总工会 · 电子会员卡</View>
      <View className="member-card__name">{me.profile?.name}</View>
      <View className="member-card__line">会员号 {me.membership.memberNo}</View>
      <View className="member-card__line">{me.membership.employer ?? me.profile?.employer}</View>
      <Button className="member-card__toggle" onClick={() => setShowCode((v) => !v)}>
        {showCode ? '收起会员码' : '出示会员码'}
      </Button>
      {showCode ? <CodePanel /> : null}
    </View>
  );
}
