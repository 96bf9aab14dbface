import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { ContestAdminView } from '@contract/api/contest';
import { PageShell, StateView, StatusTag, type Tone, useAsync } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { AdminTable } from '../../components/admin-table';
import '../../components/admin.scss';
// Last: the desk layout overrides the phone's.
import '../../components/desk.scss';

const TONE: Record<ContestAdminView['status'], Tone> = { draft: 'warning', published: 'success', closed: 'muted' };
const EDIT = '/admin/pages/contest/index';

/** 比武赛事设置: every contest (drafts too), 新建, 修改, 发布, 关闭, 复制为明年的比武. */
export default function ContestsAdminPage() {
  const loaded = useAsync(() => api.contest.adminContests(), []);
  // One write per intent: publish, close or copy one contest.
  const write = useWrite(
    ({ op, contestId }: { op: 'publish' | 'close' | 'copy'; contestId: string }, id: string) =>
      op === 'publish'
        ? api.contest.publishContest({ contestId }, id)
        : op === 'close'
          ? api.contest.closeContest({ contestId }, id)
          : api.contest.copyContest({ contestId }, id),
    { report: '未能完成' },
  );
  // Back from the editor: show what was saved there.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void loaded.reload();
    shown.current = true;
  });
  const list = loaded.data ?? [];

  const act = async (op: 'publish' | 'close' | 'copy', c: ContestAdminView, done: string) => {
    const made = await write.run({ op, contestId: c.id });
    if (!made) return undefined;
    await Taro.showToast({ title: done, icon: 'success' });
    await loaded.reload();
    return made;
  };
  const publish = async (c: ContestAdminView) => {
    const ok = await Taro.showModal({
      title: '发布比武',
      content: `发布后职工就能看到“${c.title}”，并在报名时间内报名。`,
    });
    if (ok.confirm) await act('publish', c, '已发布');
  };
  const close = async (c: ContestAdminView) => {
    const ok = await Taro.showModal({
      title: '关闭比武',
      content: `关闭后不能再报名；已报名的职工仍能看到报名记录、准考证和成绩。`,
    });
    if (ok.confirm) await act('close', c, '已关闭');
  };
  const copy = async (c: ContestAdminView) => {
    const ok = await Taro.showModal({
      title: '复制为明年的比武',
      content: `按“${c.title}”新建一份草稿：项目和名额照搬，日期顺延一年，报名人数从零开始。`,
    });
    if (!ok.confirm) return;
    const made = await act('copy', c, '已复制');
    if (made) await Taro.navigateTo({ url: `${EDIT}?id=${made.id}` });
  };

  return (
    <PageShell title="比武赛事设置" className="admin-page">
      <StateView of={loaded}>
        <View className="admin__toolbar">
          <Button className="admin-contests__new" onClick={() => void Taro.navigateTo({ url: EDIT })}>
            新建比武
          </Button>
        </View>
        <AdminTable
          label="比武"
          rows={list}
          emptyText="还没有比武。点“新建比武”，填好后添加比赛项目再发布。"
          rowKey={(c) => c.id}
          muted={(c) => c.status === 'closed'}
          columns={[
            { key: 'title', title: '比武', primary: true, render: (c) => c.title },
            { key: 'status', title: '状态', render: (c) => <StatusTag text={c.statusText} tone={TONE[c.status]} /> },
            {
              key: 'window',
              title: '报名时间',
              render: (c) => `${c.registrationOpensText} 至 ${c.registrationClosesText}`,
            },
            {
              key: 'trades',
              title: '项目',
              render: (c) =>
                c.trades.length ? c.trades.map((t) => `${t.name}（${t.taken}/${t.quota}）`).join('、') : '尚未添加',
            },
            { key: 'venue', title: '场地', render: (c) => c.venue },
          ]}
          actions={(c) => [
            { label: '修改', onClick: () => void Taro.navigateTo({ url: `${EDIT}?id=${c.id}` }) },
            c.status === 'draft' && { label: '发布', onClick: () => void publish(c) },
            c.status === 'published' && { label: '关闭', onClick: () => void close(c) },
            { label: '复制为明年', onClick: () => void copy(c) },
          ]}
        />
      </StateView>
    </PageShell>
  );
}
