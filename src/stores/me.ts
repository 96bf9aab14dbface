import { useDidShow } from '@tarojs/taro';
import type { MyProfile } from '@contract/api/member';
import { useAsync } from '../hooks/use-async';
import { api } from '../services/api';

/** The caller's profile, roles and membership; refreshed whenever the page shows again. */
export function useMe() {
  const me = useAsync<MyProfile>(() => api.member.getMe(), []);
  useDidShow(() => {
    if (!me.loading) void me.reload();
  });
  return me;
}

export function hasAnyRole(me: MyProfile | undefined, ...roles: MyProfile['roles']): boolean {
  return !!me && roles.some((r) => me.roles.includes(r));
}

/** Any admin role: the super admin ('admin') or the admin of one domain ('admin:contests'...). */
export function isAnyAdmin(roles: readonly MyProfile['roles'][number][]): boolean {
  return roles.some((r) => r === 'admin' || r.startsWith('admin:'));
}
