import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { MyScope, ScanScope } from '@contract/api/checkin';
import { useAsync } from '../hooks/use-async';
import { api } from '../services/api';

const KEY = 'staff.scope';

/**
 * The scopes the staff member may scan in, and the one chosen (remembered on the device, so the
 * scanner and the lookup page agree and a volunteer picks their 驿站 once).
 */
export function useStaffScope() {
  const scopes = useAsync(() => api.checkin.myScopes(), []);
  const [chosen, setChosen] = useState<string>(() => String(Taro.getStorageSync(KEY) || ''));
  const list: MyScope[] = scopes.data ?? [];
  const current = list.find((s) => `${s.kind}:${s.id}` === chosen) ?? list[0];

  useEffect(() => {
    if (current && `${current.kind}:${current.id}` !== chosen) setChosen(`${current.kind}:${current.id}`);
  }, [current, chosen]);

  const choose = (index: number) => {
    const next = list[index];
    if (!next) return;
    const key = `${next.kind}:${next.id}`;
    setChosen(key);
    Taro.setStorageSync(KEY, key);
  };

  return { scopes, list, current, choose };
}

/** Only kind + id go to the server: the inputs are strict, and a MyScope also carries its name. */
export const bareScope = (scope: ScanScope): ScanScope => ({ kind: scope.kind, id: scope.id });

export const SCOPE_KIND_LABEL: Record<MyScope['kind'], string> = { station: '驿站', contest: '赛场', session: '课程' };
