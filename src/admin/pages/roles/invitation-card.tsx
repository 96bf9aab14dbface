import { Image, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import type { InvitationView } from '@contract/api/admin';
import { QrCode, useAsync } from '../../../components';
import { api } from '../../../services/api';
import { inviteLink } from '../../forms/invite';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** The link this invitation opens: the H5 app's own address on a desk, the page path in the weapp. */
export function linkOf(inv: InvitationView): string {
  return inviteLink(inv.path, isWeapp || typeof location === 'undefined' ? undefined : location);
}

/**
 * One invitation, ready to hand over: the QR to scan on the spot, and a share card (weapp: sent to a
 * chat, it opens the invite page) or a link to copy (H5).
 */
export function InvitationCard({ inv, onClose }: { inv: InvitationView; onClose: () => void }) {
  const link = linkOf(inv);
  // WeChat's own scanner opens a 小程序码 straight at the invite page; a plain QR only works in a browser.
  const poster = useAsync(
    () => (isWeapp ? api.admin.invitationPoster({ invitationId: inv.id }) : Promise.resolve(null)),
    [inv.id],
  );
  const copy = async () => {
    await Taro.setClipboardData({ data: link });
    await Taro.showToast({ title: '链接已复制', icon: 'none' });
  };
  return (
    <View className="card admin__qr admin-roles__shown" role="region" aria-label="邀请二维码">
      <View className="admin__lead">{inv.roleText}</View>
      {poster.data ? (
        <Image
          className="admin-roles__poster"
          src={`data:${poster.data.contentType};base64,${poster.data.base64}`}
          mode="aspectFit"
          showMenuByLongpress
          aria-label={`${inv.roleText}邀请小程序码`}
        />
      ) : (
        <QrCode value={link} size={240} label={`${inv.roleText}邀请二维码`} />
      )}
      <View className="muted">
        有效期至 {inv.expiresText} · 可用 {inv.maxUses} 人，已用 {inv.used} 人
      </View>
      <View className="muted">请被邀请人用微信扫码，或把邀请发给他，打开后点“接受邀请”。</View>
      {isWeapp ? (
        <Button openType="share">发给微信好友</Button>
      ) : (
        <>
          <View className="admin__link admin-roles__link">{link}</View>
          <Button className="admin-roles__copy" onClick={() => void copy()}>
            复制邀请链接
          </Button>
        </>
      )}
      <Button variant="outline" onClick={onClose}>
        完成
      </Button>
    </View>
  );
}
