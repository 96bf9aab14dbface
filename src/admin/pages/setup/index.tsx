import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { PageShell, StateView, TextField, useAsync } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { normalizeSetupCode } from '../../forms/setup';
import '../../components/admin.scss';
// Last: the desk layout overrides the phone's.
import '../../components/desk.scss';

/**
 * The first super admin: whoever holds the setup code the deploy (or the function's log) printed types it
 * here, once. Nobody types an OPENID: the server takes the caller's own from WeChat.
 */
export default function SetupPage() {
  const status = useAsync(() => api.admin.setupStatus(), []);
  const [code, setCode] = useState('');
  const [issue, setIssue] = useState<string>();
  const send = useWrite(api.admin.claimSetup);

  const claim = async () => {
    const clean = normalizeSetupCode(code);
    if (clean.length < 6) return setIssue('请输入部署时给出的设置码');
    setIssue(undefined);
    const access = await send.run({ code: clean });
    if (!access) return;
    await Taro.showModal({
      title: '您已成为超级管理员',
      content: '接下来可在“服务”页的“管理后台”邀请工作人员、添加驿站和比武。设置码已失效。',
      showCancel: false,
      // WeChat (and Taro's H5) refuse a button text over 4 characters.
      confirmText: '开始设置',
    });
    await Taro.switchTab({ url: '/pages/services/index' });
  };

  return (
    <PageShell title="成为超级管理员">
      <StateView loading={status.loading && !status.data} error={status.error} onRetry={status.reload}>
        {status.data && !status.data.needed ? (
          <View className="card admin-setup__done" role="status">
            <View className="admin__lead">系统已完成初始设置</View>
            <View className="muted">超级管理员已产生。需要管理权限的人，请向管理员索取邀请二维码。</View>
          </View>
        ) : (
          <>
            <View className="card">
              <View className="admin__lead">系统还没有管理员</View>
              <View className="muted">
                部署时会给出一个一次性的“设置码”（也写在云函数日志里）。输入它，您就成为本系统的超级管理员；设置码随即失效，其他人不能再用。
              </View>
            </View>
            <View className="card">
              <TextField
                label="设置码"
                value={code}
                onInput={setCode}
                error={issue ?? send.messageFor('code')}
                placeholder="如：ABCD-EFGH-JKLM-NPQR"
                maxlength={64}
                hint="不区分大小写，横线可输可不输"
              />
              <Button className="admin-setup__claim" busy={send.busy} onClick={() => void claim()}>
                确认，成为超级管理员
              </Button>
            </View>
          </>
        )}
      </StateView>
    </PageShell>
  );
}
