import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { hasAnyRole, useMe } from '../../stores/me';
import { SERVICE_ENTRIES } from './entries';
import { WORKBENCH_LINKS, type WorkbenchLink } from './workbench';
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
  const visible = (l: WorkbenchLink) => l.roles.some((r) => roles.includes(r));

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
      {hasAnyRole(me.data, 'staff', 'teacher', 'admin', 'enterprise') ? (
        <>
          <LinkList title="工作台" links={WORKBENCH_LINKS.filter((l) => l.group === 'scan' && visible(l))} />
          <LinkList title="管理" links={WORKBENCH_LINKS.filter((l) => l.group === 'manage' && visible(l))} />
        </>
      ) : null}
    </PageShell>
  );
}
