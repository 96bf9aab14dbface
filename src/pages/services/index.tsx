import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { useSetupNeeded } from '../../stores/setup';
import { useMe } from '../../stores/me';
import { SERVICE_ENTRIES } from './entries';
import { canSee, WORKBENCH_LINKS, type WorkbenchLink } from './workbench';
import './index.scss';

function LinkList({ title, links }: { title: string; links: WorkbenchLink[] }) {
  if (links.length === 0) return null;
  return (
    <View className="services__section">
      <View className="services__section-title">{title}</View>
      {links.map((l) => (
        <View
          key={l.url}
          className="card services__link"
          role="button"
          aria-label={l.title}
          onClick={() => Taro.navigateTo({ url: l.url })}
        >
          <View className="services__link-title">{l.title}</View>
          <View className="muted">{l.hint}</View>
        </View>
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
        <View
          key={entry.key}
          className="card services__entry"
          role="button"
          aria-label={entry.title}
          onClick={() => Taro.navigateTo({ url: entry.url })}
        >
          <View className="services__mark" style={{ background: entry.color }}>
            {entry.mark}
          </View>
          <View className="services__body">
            <View className="services__title">{entry.title}</View>
            <View className="services__desc">{entry.description}</View>
          </View>
        </View>
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
