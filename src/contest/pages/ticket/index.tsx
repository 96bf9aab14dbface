import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell, QrCode, StateView, useRefreshingCode } from '../../../components';
import { api } from '../../../services/api';
import './index.scss';

/** The check-in ticket: a signed code that refreshes every minute, so a screenshot will not work. */
export default function TicketPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { code, error, refresh } = useRefreshingCode(() => api.contest.ticketCode({ registrationId: id }), !!id);

  return (
    <PageShell title="比武入场码">
      <StateView
        loading={!!id && !code && !error}
        error={error}
        onRetry={refresh}
        empty={!id}
        emptyText="请从“我的报名”打开入场码"
      >
        {code ? (
          <View className="card contest-ticket">
            <View className="contest-ticket__code" data-token={code.token}>
              <QrCode value={code.token} size={240} label="比武入场码" />
            </View>
            <View className="contest-ticket__hint">比赛当天请向赛场工作人员出示此码签到</View>
            <View className="muted">入场码每分钟自动刷新，截图无效</View>
          </View>
        ) : null}
      </StateView>
    </PageShell>
  );
}
