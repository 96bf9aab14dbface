import { View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { useSetupNeeded } from '../../stores/setup';
import { useMe } from '../../stores/me';
import { SERVICE_ENTRIES } from './entries';
import { canSee, WORKBENCH_LINKS, type WorkbenchLink } from './workbench';
import { PageLink } from '../../components/page-link';
import './index.scss';

function LinkList({ title, links }: { title: string; links: WorkbenchLink[] }) {
  if (links.length === 0) return null;
  return (
    <View className="services__section">
      <View className="services__section-title">{title}</View>
      {links.map((l) => (
        <PageLink key={l.url} url={l.url} className="card services__link" label={l.title}>
          <View className="services__link-title">{l.title}</View>
          <View className="muted">{l.hint}</View>
        </PageLink>
      ))}
    </View>
  );
}

export default function ServicesPage() {
  const me = useMe();
  const roles = me.data?.roles ?? [];
  const links = (group: WorkbenchLink['group']) => WORKBENCH_LINKS.filter((l) => l.group === group && canSee(l, roles));
  const setupNeeded = useSetupNeeded(me.data);

  return (
    <PageShell title="服务">
      {SERVICE_ENTRIES.map((entry) => (
        <PageLink key={entry.key} url={entry.url} className="card services__entry" label={entry.title}>
          <View className="services__mark" style={{ background: entry.color }}>
            {entry.mark}
          </View>
          <View className="services__body">
            <View className="services__title">{entry.title}</View>
            <View className="services__desc">{entry.description}</View>
          </View>
        </PageLink>
      ))}
      <LinkList title="工作台" links={links('scan')} />
      <LinkList title="管理" links={links('manage')} />
      <LinkList title="管理后台" links={links('setup')} />
      {setupNeeded ? (
        <LinkList
          title="初始设置"
          links={[
            {
              group: 'setup',
              title: '成为超级管理员',
              hint: '系统还没有管理员：部署人员凭设置码开通',
              url: '/admin/pages/setup/index',
              roles: [],
            },
          ]}
        />
      ) : null}
    </PageShell>
  );
}
