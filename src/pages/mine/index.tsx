import { Label, Switch, View } from '@tarojs/components';
import { Button } from '../../components/button';
import Taro from '@tarojs/taro';
import type { MyProfile } from '@contract/api/member';
import { isEmulatorBuild } from '../../cloud-client';
import { PageShell } from '../../components/page-shell';
import { StateView } from '../../components/state-view';
import { StatusTag, type Tone } from '../../components/status-tag';
import { useElderMode } from '../../stores/elder-mode';
import { useMe } from '../../stores/me';
import { useSetupNeeded } from '../../stores/setup';
import { MemberCard } from './member-card';
import './index.scss';

const MEMBERSHIP: Record<MyProfile['membership']['status'], { text: string; tone: Tone }> = {
  none: { text: '未入会', tone: 'muted' },
  pending: { text: '入会审核中', tone: 'warning' },
  member: { text: '工会会员', tone: 'success' },
  returned: { text: '入会申请被退回', tone: 'danger' },
};

const RECORDS = [
  { title: '我的比武报名', url: '/contest/pages/mine/index' },
  { title: '我的课程预约', url: '/academy/pages/mine/index' },
  { title: '我的退休证书申请', url: '/retirement/pages/mine/index' },
  { title: '我的礼包券', url: '/gifts/pages/mine/index' },
];

const go = (url: string) => () => Taro.navigateTo({ url });

function Row({ title, hint, url }: { title: string; hint?: string; url: string }) {
  return (
    <View className="mine__row" role="button" aria-label={title} onClick={go(url)}>
      <View>{title}</View>
      <View className="mine__row-hint">{hint ?? '›'}</View>
    </View>
  );
}

export default function MinePage() {
  const me = useMe();
  const [elder, setElder] = useElderMode();
  const data = me.data;
  const setupNeeded = useSetupNeeded(data);
  const status = data ? MEMBERSHIP[data.membership.status] : null;

  return (
    <PageShell className="mine">
      <StateView of={me}>
        {data ? (
          <>
            <View className="card mine__head">
              <View className="mine__name">{data.profile?.name ?? '新朋友，您好'}</View>
              {status ? <StatusTag text={status.text} tone={status.tone} /> : null}
              {!data.profileComplete ? (
                <Button className="mine__cta" onClick={go('/member/pages/profile/index')}>
                  完善会员信息
                </Button>
              ) : null}
              {data.profileComplete && (data.membership.status === 'none' || data.membership.status === 'returned') ? (
                <Button className="mine__cta" onClick={go('/member/pages/apply/index')}>
                  {data.membership.status === 'returned' ? '查看原因并重新申请入会' : '申请加入工会'}
                </Button>
              ) : null}
              {data.membership.status === 'pending' ? (
                <View className="muted">入会申请已提交，审核结果会通过消息通知您</View>
              ) : null}
            </View>

            {data.membership.status === 'member' ? <MemberCard me={data} /> : null}

            <View className="card">
              <Row
                title="我的消息"
                hint={data.unreadMessages ? `${data.unreadMessages} 条未读` : undefined}
                url="/member/pages/messages/index"
              />
              <Row
                title="个人信息"
                hint={data.profileComplete ? '查看和修改' : '待完善'}
                url="/member/pages/profile/index"
              />
              {data.membership.status === 'member' ? (
                <Row title="转会（更换工作单位）" url="/member/pages/transfer/index" />
              ) : null}
              {data.roles.includes('admin') || data.roles.includes('admin:members') ? (
                <Row title="入会审核" url="/member/pages/applications/index" />
              ) : null}
              {setupNeeded ? <Row title="成为超级管理员" hint="系统尚未设置 ›" url="/admin/pages/setup/index" /> : null}
              {/* The scanning itself lives on the invite page (admin subpackage): the main package stays small. */}
              <View
                className="mine__row"
                role="button"
                aria-label="扫一扫"
                onClick={go('/admin/pages/invite/index?scan=1')}
              >
                <View>
                  <View>扫一扫</View>
                  <View className="muted">收到工作邀请（驿站、赛场工作人员等）时扫码接受</View>
                </View>
                <View className="mine__row-hint">›</View>
              </View>
            </View>

            <View className="card">
              {RECORDS.map((r) => (
                <Row key={r.url} title={r.title} url={r.url} />
              ))}
            </View>
          </>
        ) : null}
      </StateView>

      <View className="card">
        {/* The whole row is the switch's label: one big target, not a small toggle. */}
        <Label className="mine__row">
          <View>
            <View>长辈模式</View>
            <View className="muted">字更大、按钮更大、颜色更清楚</View>
          </View>
          <Switch checked={elder} aria-label="长辈模式" color="#c8161d" onChange={(e) => setElder(e.detail.value)} />
        </Label>
        <Row title="用户隐私保护指引" url="/member/pages/privacy/index" />
        <Row title="查看或删除我的数据" url="/member/pages/my-data/index" />
        {isEmulatorBuild() ? <Row title="切换体验身份（演示环境）" url="/pages/persona/index" /> : null}
      </View>
    </PageShell>
  );
}
