import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { Registration, TicketCode } from '@contract/api/contest';
import { PageShell, QrCode, StateView, useRefreshingCode } from '../../../components';
import { api } from '../../../services/api';
import { formatTime } from '../../../utils/format';
import './index.scss';

type Ticket = TicketCode & { registration?: Registration };

/**
 * The check-in ticket: who, which trade, when and where, and a signed code that refreshes every minute
 * (a screenshot will not work). Each refresh also rereads the entry, so once the venue staff scan it the
 * page turns to 已签到 instead of still asking to be shown.
 */
export default function TicketPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { code, error, refresh } = useRefreshingCode<Ticket>(async () => {
    const [ticket, mine] = await Promise.all([
      api.contest.ticketCode({ registrationId: id }),
      api.contest.myRegistrations(),
    ]);
    return { ...ticket, registration: mine.find((r) => r.id === id) };
  }, !!id);
  const reg = code?.registration;
  const checkedIn = reg?.status === 'checked_in';

  return (
    <PageShell title="比武入场码">
      <StateView
        loading={!!id && !code && !error}
        error={code ? null : error}
        onRetry={refresh}
        empty={!id}
        emptyText="请从“我的报名”打开入场码"
      >
        {code ? (
          <View className={`card contest-ticket ${checkedIn ? 'contest-ticket--done' : ''}`}>
            {reg ? (
              <View className="contest-ticket__who">
                <View className="contest-ticket__name">{reg.name}</View>
                <View className="contest-ticket__trade">{reg.tradeName}</View>
                <View className="contest-ticket__line">{reg.contestTitle}</View>
                <View className="contest-ticket__line">比赛时间：{formatTime(reg.contestStartsAt)}</View>
                <View className="contest-ticket__line">比赛地点：{reg.venue}</View>
              </View>
            ) : null}
            {checkedIn ? (
              <View className="contest-ticket__checked" role="status">
                <View className="contest-ticket__checked-mark" aria-hidden>
                  ✓
                </View>
                <View className="contest-ticket__checked-word">已签到</View>
                {reg?.checkedInAt ? <View className="muted">签到时间：{formatTime(reg.checkedInAt)}</View> : null}
                <View className="contest-ticket__hint">您已完成签到，请按工作人员指引进入赛位，祝比赛顺利！</View>
              </View>
            ) : (
              <>
                <View className="contest-ticket__code" data-token={code.token}>
                  <QrCode value={code.token} size={240} label="比武入场码" />
                </View>
                <View className="contest-ticket__hint">比赛当天请向赛场工作人员出示此码签到</View>
                <View className="muted">入场码每分钟自动刷新，截图无效</View>
              </>
            )}
          </View>
        ) : null}
      </StateView>
    </PageShell>
  );
}
