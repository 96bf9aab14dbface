import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { formatTime } from '../../../utils/format';
import { PageShell } from '../../../components/page-shell';
import { StateView } from '../../../components/state-view';
import { useAsync } from '../../../hooks/use-async';
import { memberService } from '../../../services/member';

export default function MessagesPage() {
  const list = useAsync(() => memberService.listMessages({ limit: 50 }), []);

  useEffect(() => {
    const unread = list.data?.items.filter((m) => !m.read).map((m) => m.id) ?? [];
    if (unread.length) void memberService.markMessagesRead(unread).catch(() => undefined);
  }, [list.data]);

  return (
    <PageShell title="我的消息">
      <StateView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={list.data?.items.length === 0}
        emptyText="还没有消息。报名、预约、申请有进展时会通知您。"
      >
        {list.data?.items.map((m) => (
          <View
            key={m.id}
            className="card"
            role={m.page ? 'button' : undefined}
            onClick={() => m.page && Taro.navigateTo({ url: m.page })}
          >
            <View style={{ fontWeight: 600 }}>
              {m.read ? '' : '● '}
              {m.title}
            </View>
            <View>{m.body}</View>
            <View className="muted">{formatTime(m.createdAt)}</View>
          </View>
        ))}
      </StateView>
    </PageShell>
  );
}
