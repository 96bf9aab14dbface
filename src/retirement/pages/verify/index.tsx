import { Input, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useRouter } from '@tarojs/taro';
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
          <View>{check.nameMasked}</View>
        </View>
        <View className="retirement-verify__row">
          <View className="retirement-verify__key">原工作单位</View>
          <View>{check.employer}</View>
        </View>
        <View className="retirement-verify__row">
          <View className="retirement-verify__key">签发日期</View>
          <View>{formatDate(check.issuedAt)}</View>
        </View>
      </View>
      <View className="retirement-verify__issuer">签发单位：嘉兴市秀洲区总工会</View>
    </View>
  );
}

export default function VerifyPage() {
  const token = tokenFrom(useRouter().params);
  const [serial, setSerial] = useState('');
  const [bySerial, setBySerial] = useState<CertificateCheck | null>(null);
  const byToken = useAsync(
    () => (token ? api.retirement.verifyCertificate({ token }) : Promise.resolve(null)),
    [token],
  );

  const lookup = async () => {
    try {
      setBySerial(await api.retirement.verifyCertificate({ serial: serial.trim() }));
    } catch (e) {
      void Taro.showModal({
        title: '查询结果',
        content: e instanceof ServiceError ? e.message : '请稍后再试',
        showCancel: false,
      });
    }
  };

  return (
    <PageShell className="retirement-verify" title="光荣退休证书验证">
      {token ? (
        <StateView loading={byToken.loading} error={byToken.error} onRetry={byToken.reload}>
          {byToken.data ? <Result check={byToken.data} /> : null}
        </StateView>
      ) : null}
      {bySerial ? <Result check={bySerial} /> : null}
      {!token ? (
        <View className="card">
          <View className="retirement-verify__hint">输入证书上的编号查询，例如：秀工荣退〔2026〕第0001号</View>
          <Input
            className="form-field__input retirement-verify__serial"
            value={serial}
            maxlength={40}
            placeholder="证书编号"
            aria-label="证书编号"
            onInput={(e) => setSerial(e.detail.value)}
          />
          <Button className="retirement-verify__submit" onClick={lookup}>
            查询
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
