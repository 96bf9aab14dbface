import { Input, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { CertificateCheck } from '@contract/api/retirement';
import { PageShell } from '../../../components/page-shell';
import { StateView } from '../../../components/state-view';
import { StatusTag } from '../../../components/status-tag';
import { useAsync } from '../../../hooks/use-async';
import { ServiceError } from '../../../services/call';
import { api } from '../../../services/api';
import { formatDate } from '../../components/status';
import '../../../components/form-field/index.scss';
import './index.scss';

/**
 * Public: opened by scanning the certificate's QR (`?t=<token>`, or `?q=<the scanned link>` when
 * WeChat opens a 普通链接二维码), or by typing the serial number. Shows valid/revoked, masked name,
 * employer and issue date, nothing else.
 */
function tokenFrom(params: Record<string, string | undefined>): string {
  if (params.t) return decodeURIComponent(params.t);
  if (params.q) return decodeURIComponent(params.q);
  return '';
}

function Result({ check }: { check: CertificateCheck }) {
  const valid = check.status === 'valid';
  return (
    <View className={`card retirement-verify__result retirement-verify__result--${check.status}`}>
      <View className="retirement-verify__mark">{valid ? '✓' : '✕'}</View>
      <View className="retirement-verify__headline">{valid ? '证书真实有效' : '此证书已撤销'}</View>
      <StatusTag text={valid ? '有效' : '已撤销'} tone={valid ? 'success' : 'danger'} />
      <View className="retirement-verify__rows">
        <View className="retirement-verify__row">
          <View className="retirement-verify__key">持证人</View>
          <View className="retirement-verify__value">{check.nameMasked}</View>
        </View>
        <View className="retirement-verify__row">
          <View className="retirement-verify__key">原工作单位</View>
          <View className="retirement-verify__value">{check.employer}</View>
        </View>
        <View className="retirement-verify__row">
          <View className="retirement-verify__key">签发日期</View>
          <View className="retirement-verify__value">{formatDate(check.issuedAt)}</View>
        </View>
      </View>
      <View className="retirement-verify__issuer">签发单位：嘉兴市秀洲区总工会</View>
    </View>
  );
}

/** What a code refusal says; the server's words are written for a printed certificate. */
const messageOf = (e: unknown) => (e instanceof ServiceError ? e.message : '网络不给力，请稍后再试');

export default function VerifyPage() {
  const token = tokenFrom(useRouter().params);
  const [serial, setSerial] = useState('');
  // One answer at a time: a new lookup clears the last one, so 有效 and 查无 never show together.
  const [answer, setAnswer] = useState<{ check: CertificateCheck } | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const byToken = useAsync(
    () => (token ? api.retirement.verifyCertificate({ token }) : Promise.resolve(null)),
    [token],
  );
  // A code that does not verify (smudged, altered) leaves the serial number as the way to check.
  const codeRefused = !!token && byToken.error instanceof ServiceError && /^TOKEN_/.test(byToken.error.code);

  const lookup = async () => {
    if (busy) return;
    if (!serial.trim()) {
      setAnswer({ error: '请输入证书上的编号，例如 2026-0003' });
      return;
    }
    setAnswer(null);
    setBusy(true);
    try {
      setAnswer({ check: await api.retirement.verifyCertificate({ serial: serial.trim() }) });
    } catch (e) {
      setAnswer({ error: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className="retirement-verify" title="光荣退休证书验证">
      {token && !codeRefused ? (
        <StateView loading={byToken.loading} error={byToken.error} onRetry={byToken.reload}>
          {byToken.data ? <Result check={byToken.data} /> : null}
        </StateView>
      ) : null}
      {codeRefused ? (
        <View className="card retirement-verify__result retirement-verify__result--unknown" role="alert">
          <View className="retirement-verify__mark">?</View>
          <View className="retirement-verify__headline">二维码未能核验</View>
          <View>{byToken.error?.message}</View>
        </View>
      ) : null}
      {answer && 'check' in answer ? <Result check={answer.check} /> : null}
      {answer && 'error' in answer ? (
        <View className="card retirement-verify__result retirement-verify__result--unknown" role="alert">
          <View className="retirement-verify__mark">?</View>
          <View className="retirement-verify__headline">未查到</View>
          <View>{answer.error}</View>
        </View>
      ) : null}
      {!token || codeRefused ? (
        <View className="card">
          <View className="retirement-verify__hint">
            输入证书上的编号查询，例如：秀工荣退〔2026〕第0001号，也可只输入年份和序号：2026-0001
          </View>
          <Input
            className="form-field__input retirement-verify__serial"
            value={serial}
            maxlength={40}
            placeholder="证书编号，如 2026-0001"
            aria-label="证书编号"
            onInput={(e) => {
              setSerial(e.detail.value);
              setAnswer(null);
            }}
            onConfirm={() => void lookup()}
          />
          <Button className="retirement-verify__submit" busy={busy} onClick={() => void lookup()}>
            查询
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
