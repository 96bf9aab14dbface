import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { formatTime } from '../../../utils/format';
import { PageShell } from '../../../components/page-shell';
import { StateView } from '../../../components/state-view';
import { useAsync } from '../../../hooks/use-async';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';

export default function MessagesPage() {
  const list = useAsync(() => api.member.listMessages({ limit: 50 }), []);

  // Quiet: a failed mark is retried on the next visit, nothing to tell the worker.
  const marking = useWrite(api.member.markMessagesRead, { report: false });
  useEffect(() => {
    const unread = list.data?.items.filter((m) => !m.read).map((m) => m.id) ?? [];
    if (unread.length) void marking.run({ ids: unread }).catch(() => undefined);
    // Once per loaded list: `marking` is a new object every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
