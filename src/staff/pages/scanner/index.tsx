import { Input, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { PageShell, StateView, useAsync } from '../../../components';
import { api } from '../../../services/api';
import { invitationInScan, openInvitation, scanForInvitation } from '../../../utils/scan-target';
import { ScanResultView } from '../../components/scan-result';
import { RecentScans, ScopeCounts } from '../../components/scope-activity';
import { ScopePicker } from '../../components/scope-picker';
import { bareScope, useStaffScope } from '../../scope';
import { useVerdict } from '../../use-verdict';
import './index.scss';

/** H5 has no camera scanner: staff paste or type the code, so the whole flow runs in a browser. */
const TYPED = process.env.TARO_ENV === 'h5';

export default function ScannerPage() {
  const { scopes, list, current, choose } = useStaffScope();
  // Someone without a staff role who got here (a shared link): offered the one scan they can use.
  const notStaff = (scopes.error as { code?: string } | null)?.code === 'FORBIDDEN';
  const key = current ? `${current.kind}:${current.id}` : '';
  const counts = useAsync(async () => (current ? api.checkin.counts({ scope: bareScope(current) }) : []), [key]);
  const recent = useAsync(async () => (current ? api.checkin.recent({ scope: bareScope(current) }) : []), [key]);
  const refresh = () => {
    void counts.reload();
    void recent.reload();
  };
  const verdict = useVerdict(refresh);
  const [typed, setTyped] = useState('');

  useDidShow(() => {
    if (current) refresh();
  });

  /** An invitation is not checked in: it is the scanning person's own, to open and accept (after a confirm). */
  const invitation = async (scan: { result?: string; path?: string }): Promise<boolean> => {
    const token = invitationInScan(scan);
    if (!token) return false;
    const ok = await Taro.showModal({
      title: '这是一张工作邀请',
      content: '不是核验用的二维码。要打开这张邀请，查看并由您本人接受吗？',
      confirmText: '打开',
      cancelText: '不用了',
    });
    if (ok.confirm) await openInvitation(token);
    return true;
  };

  const scanWithCamera = async () => {
    if (!current) return;
    let code: string;
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      if (await invitation(res)) return;
      code = res.result;
    } catch (e) {
      // Closing the camera is not an error worth a dialog.
      const msg = (e as { errMsg?: string })?.errMsg ?? '';
      if (!/cancel/i.test(msg)) await Taro.showToast({ title: '未能打开扫码，请重试', icon: 'none' });
      return;
    }
    await verdict.scan({ code, scope: bareScope(current) });
  };

  const verifyTyped = async () => {
    if (!current || !typed.trim()) return;
    if (await invitation({ result: typed })) return setTyped('');
    await verdict.scan({ code: typed.trim(), scope: bareScope(current) });
  };

  const next = () => {
    verdict.clear();
    setTyped('');
    if (!TYPED) void scanWithCamera();
  };

  return (
    <PageShell className="staff-scanner">
      <StateView
        loading={scopes.loading}
        error={notStaff ? null : scopes.error}
        onRetry={scopes.reload}
        empty={list.length === 0}
        emptyText={
          notStaff
            ? '您还不是工作人员。收到了工作邀请？扫描邀请二维码，接受后即可在这里核验'
            : '您还没有分配工作场地，请联系区总工会管理员'
        }
        emptyAction={
          <Button variant="outline" className="staff-scanner__invite" onClick={() => void scanForInvitation()}>
            扫描工作邀请
          </Button>
        }
      >
        {current ? (
          <View>
            <ScopePicker list={list} current={current} onChoose={choose} />
            <ScopeCounts counts={counts.data} error={counts.error} />
            {TYPED ? (
              <View className="card staff-scanner__typed">
                <View className="staff-scanner__hint">粘贴或输入二维码内容</View>
                <Input
                  className="form-field__input staff-scanner__input"
                  value={typed}
                  placeholder="二维码内容"
                  onInput={(e) => setTyped(e.detail.value)}
                  onConfirm={verifyTyped}
                />
                <Button
                  className="staff-scanner__verify"
                  disabled={verdict.busy || !typed.trim()}
                  onClick={verifyTyped}
                >
                  核验
                </Button>
              </View>
            ) : (
              <Button className="staff-scanner__scan" disabled={verdict.busy} onClick={scanWithCamera}>
                <View className="staff-scanner__scan-icon" aria-hidden>
                  ⌗
                </View>
                扫一扫
              </Button>
            )}
            <Button
              variant="outline"
              className="staff-scanner__lookup"
              onClick={() => Taro.navigateTo({ url: '/staff/pages/lookup/index' })}
            >
              对方没带手机？按姓名查找
            </Button>
            <RecentScans
              items={recent.data}
              loading={recent.loading}
              error={recent.error}
              onRetry={recent.reload}
              now={Date.now()}
              onUndo={verdict.reopen}
            />
          </View>
        ) : null}
      </StateView>
      {verdict.result ? (
        <ScanResultView
          key={verdict.undoing ? 'undo' : 'scan'}
          result={verdict.result}
          now={Date.now()}
          onNext={verdict.undoing ? verdict.clear : next}
          onUndo={verdict.undo}
          asking={verdict.undoing}
          nextText={verdict.undoing ? '不撤销，返回' : undefined}
        />
      ) : null}
    </PageShell>
  );
}
