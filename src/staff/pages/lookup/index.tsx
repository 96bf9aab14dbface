import { Input, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { useState } from 'react';
import type { LookupMatch } from '@contract/api/checkin';
import { lookupInput } from '@contract/api/checkin';
import { PageShell, StateView } from '../../../components';
import { api } from '../../../services/api';
import { ScanResultView } from '../../components/scan-result';
import { ScopePicker } from '../../components/scope-picker';
import { bareScope, useStaffScope } from '../../scope';
import { useVerdict } from '../../use-verdict';
import './index.scss';

/**
 * For a worker without a phone: name + last 4 digits of the phone, searched only within the
 * current scope; then act on one match (the same redemption as a scan, audited as manual).
 */
export default function LookupPage() {
  const { scopes, list, current, choose } = useStaffScope();
  const [name, setName] = useState('');
  const [tail, setTail] = useState('');
  const [problem, setProblem] = useState('');
  const [searching, setSearching] = useState(false);
  const [matches, setMatches] = useState<LookupMatch[] | null>(null);
  const [searchError, setSearchError] = useState<Error | null>(null);
  const verdict = useVerdict(() => undefined);

  const search = async () => {
    if (!current || searching) return;
    const parsed = lookupInput.parse({ scope: { kind: current.kind, id: current.id }, name, phoneTail: tail });
    if (!parsed.ok) {
      setProblem(parsed.issue.message);
      return;
    }
    setProblem('');
    setSearching(true);
    setSearchError(null);
    try {
      setMatches(await api.checkin.lookup(parsed.value));
    } catch (e) {
      setSearchError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setSearching(false);
    }
  };

  const act = (m: LookupMatch) => {
    if (!current) return;
    void verdict.redeem({ kind: m.kind, subjectId: m.subjectId, scope: bareScope(current) });
  };

  return (
    <PageShell title="人工查找" className="staff-lookup">
      <StateView
        loading={scopes.loading}
        error={scopes.error}
        onRetry={scopes.reload}
        empty={list.length === 0}
        emptyText="您还没有分配工作场地，请联系区总工会管理员"
      >
        {current ? (
          <View>
            <ScopePicker
              list={list}
              current={current}
              onChoose={(i) => {
                choose(i);
                setMatches(null);
              }}
            />
            <View className="card">
              <View className="staff-lookup__label">姓名</View>
              <Input
                className="form-field__input staff-lookup__input"
                value={name}
                placeholder="对方的姓名"
                onInput={(e) => setName(e.detail.value)}
              />
              <View className="staff-lookup__label">手机后4位</View>
              <Input
                className="form-field__input staff-lookup__input"
                type="number"
                maxlength={4}
                value={tail}
                placeholder="如 1234"
                onInput={(e) => setTail(e.detail.value)}
              />
              {problem ? <View className="staff-lookup__problem">{problem}</View> : null}
              <Button className="staff-lookup__search" disabled={searching} onClick={search}>
                {searching ? '正在查找…' : '查找'}
              </Button>
            </View>
            {matches !== null || searchError ? (
              <StateView
                error={searchError}
                onRetry={search}
                empty={!matches || matches.length === 0}
                emptyText="本场地没有找到此人，请核对姓名和手机后4位"
              >
                {(matches ?? []).map((m) => (
                  <View key={`${m.kind}:${m.subjectId}`} className="card staff-lookup__match">
                    <View className="staff-lookup__who">
                      {m.personName} <View className="staff-lookup__phone">{m.phone}</View>
                    </View>
                    <View className="muted">{m.summary}</View>
                    <Button className="staff-lookup__act" disabled={verdict.busy} onClick={() => act(m)}>
                      核验此人
                    </Button>
                  </View>
                ))}
              </StateView>
            ) : null}
          </View>
        ) : null}
      </StateView>
      {verdict.result ? (
        <ScanResultView
          result={verdict.result}
          now={Date.now()}
          onNext={() => {
            verdict.clear();
            void search();
          }}
          onUndo={verdict.undo}
        />
      ) : null}
    </PageShell>
  );
}
