import { Input, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/button';
import Taro, { useRouter } from '@tarojs/taro';
import { invitationTokenFrom } from '@contract/api/admin';
import { FormField, PageShell, StateView, StatusTag, useAsync } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { scanInvitationCode } from '../../../utils/scan-target';
import '../../components/admin.scss';
// Last: the desk layout overrides the phone's.
import '../../components/desk.scss';

/** A pasted link may carry a broken escape: then it is read as typed. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** H5 has no camera scanner: there the invitation link is pasted. */
const CAMERA = process.env.TARO_ENV !== 'h5';

/**
 * The invited person's page, opened from the share card (`?t=`), a scanned QR / 小程序码 (`scene`), or a
 * copied link: what the invitation grants, and one button to accept it. Opened without one (我的 →
 * 扫一扫, `?scan=1`), it scans for it (the camera opens at once) or takes the pasted link.
 */
export default function InvitePage() {
  const params = useRouter().params;
  // A 小程序码 hands its scene over URL-encoded.
  const given = invitationTokenFrom(decodeURIComponent(params.t ?? params.scene ?? ''));
  const [pasted, setPasted] = useState('');
  const [typed, setTyped] = useState('');
  const [pasteError, setPasteError] = useState(false);
  const token = given || pasted;
  const preview = useAsync(
    () => (token ? api.admin.previewInvitation({ token }) : Promise.resolve(undefined)),
    [token],
  );
  const scan = async () => {
    const found = await scanInvitationCode();
    if (found) setPasted(found);
  };
  useEffect(() => {
    if (CAMERA && !given && params.scan === '1') void scan();
    // Once, on opening: later scans are the button's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // A second tap while the first is on its way sends nothing (useWrite keys the intent by the token).
  const send = useWrite(api.admin.acceptInvitation, { report: '未能接受邀请' });

  const accept = async () => {
    const done = await send.run({ token });
    // Refused (expired, used up, revoked meanwhile): the modal said why; show the invitation as it is now.
    if (!done) return void preview.reload();
    await Taro.showModal({
      title: '已接受邀请',
      content: `您现在是${done.grant.roleText}。相关功能在“服务”页的工作台里。`,
      showCancel: false,
      confirmText: '去服务页',
    });
    await Taro.switchTab({ url: '/pages/services/index' });
  };

  const p = preview.data;
  return (
    <PageShell title="工作邀请" className="admin-page">
      {!given ? (
        <View className="card admin-invite__paste">
          <View className="muted">扫描管理员给您的工作邀请二维码，或粘贴邀请链接。</View>
          {CAMERA ? (
            <Button className="admin-invite__scan" onClick={() => void scan()}>
              扫一扫
            </Button>
          ) : null}
          <FormField
            label="邀请链接或邀请码"
            hint="把管理员发来的邀请链接整段粘贴进来"
            error={pasteError ? '请先粘贴邀请链接，或用微信扫一扫扫邀请二维码' : undefined}
          >
            <Input
              className="form-field__input"
              value={typed}
              placeholder="粘贴邀请链接"
              aria-label="邀请链接或邀请码"
              onInput={(e) => setTyped(e.detail.value)}
            />
          </FormField>
          <Button
            variant="outline"
            className="admin-invite__open"
            onClick={() => {
              setPasteError(!typed.trim());
              if (typed.trim()) setPasted(invitationTokenFrom(decoded(typed.trim())));
            }}
          >
            打开邀请
          </Button>
        </View>
      ) : null}
      <StateView loading={preview.loading && !p} error={p ? null : preview.error} onRetry={preview.reload}>
        {p ? (
          <View className="card admin-invite">
            <View className="muted">区总工会邀请您成为</View>
            <View className="admin__lead admin-invite__role">{p.roleText}</View>
            {p.scopeName ? <View>范围：{p.scopeName}</View> : null}
            <View className="muted">有效期至 {p.expiresText}</View>
            {p.alreadyHeld ? (
              <View className="admin-invite__state">
                <StatusTag text="您已拥有该身份" tone="success" />
              </View>
            ) : p.status !== 'active' ? (
              <View className="admin-invite__state" role="alert">
                <StatusTag text={p.statusText} tone="danger" />
                <View className="muted">请联系发出邀请的管理员重新邀请。</View>
              </View>
            ) : (
              <>
                <View className="muted admin-invite__hint">
                  接受后，您就能在“服务”页的工作台里使用这个身份的功能。如果不是您本人，请不要接受。接受后请到“我的”填写姓名，方便管理员知道是谁。
                </View>
                <Button className="admin-invite__accept" busy={send.busy} onClick={() => void accept()}>
                  接受邀请
                </Button>
              </>
            )}
          </View>
        ) : null}
      </StateView>
    </PageShell>
  );
}
