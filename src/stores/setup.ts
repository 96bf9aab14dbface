import type { MyProfile } from '@contract/api/member';
import { useEffect, useState } from 'react';
import { api } from '../services/api';
import { isAnyAdmin } from './me';

// Once a super admin exists it never goes back: remember it for the session and stop asking.
let settled = false;

/**
 * True while the system has no super admin yet (a fresh deployment), for a signed-in user who holds no
 * admin role: 我的 and 服务 then offer 「成为超级管理员」. Any failure counts as "no": the entry is a
 * convenience, the setup page itself is always reachable by its link.
 */
export function useSetupNeeded(me: MyProfile | undefined): boolean {
  const [needed, setNeeded] = useState(false);
  const admin_ = !!me && isAnyAdmin(me.roles);
  useEffect(() => {
    if (!me || admin_ || settled) return;
    let live = true;
    api.admin
      .setupStatus()
      .then((s) => {
        if (!s.needed) settled = true;
        if (live) setNeeded(s.needed);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [me, admin_]);
  return needed && !admin_;
}
