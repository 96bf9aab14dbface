import { Textarea, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { CheckMark } from '../../../components/check-mark';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { FormField } from '../../../components/form-field';
import { PageShell } from '../../../components/page-shell';
import { StateView } from '../../../components/state-view';
import { StatusTag } from '../../../components/status-tag';
import { useAsync } from '../../../hooks/use-async';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { askSubscription } from '../../../utils/subscribe';

/** 网上入会: a short application that goes to the union admin's queue. */
export default function ApplyPage() {
  const current = useAsync(() => api.member.myApplication(), []);
  const [note, setNote] = useState('');
  const [agree, setAgree] = useState(false);
  const { run, busy } = useWrite(api.member.applyMembership);

  const send = async () => {
    if (!agree) {
      await Taro.showModal({ title: '提示', content: '请先勾选同意《中国工会章程》', showCancel: false });
      return;
    }
    askSubscription('membershipApply');
    const app = await run({ note: note.trim() || undefined, agreeCharter: true });
    if (app) {
      await Taro.showToast({ title: '申请已提交', icon: 'success' });
      void current.reload();
    }
  };

  const app = current.data;
  return (
    <PageShell title="申请加入工会">
      <StateView loading={current.loading} error={current.error} onRetry={current.reload}>
        {app && app.status !== 'returned' ? (
          <View className="card">
            <StatusTag
              text={app.status === 'pending' ? '审核中' : '已通过'}
              tone={app.status === 'pending' ? 'warning' : 'success'}
            />
            <View>
              {app.status === 'pending'
                ? '您的入会申请已提交，工会审核后会通过消息通知您。'
                : `您已成为工会会员，会员号 ${app.memberNo ?? ''}`}
            </View>
          </View>
        ) : (
          <>
            {app?.status === 'returned' ? (
              <View className="card" role="alert">
                <StatusTag text="上次申请被退回" tone="danger" />
                <View>退回原因：{app.returnReason ?? '未说明'}</View>
                <View className="muted">请按原因修改个人信息后重新提交。</View>
              </View>
            ) : null}
            <View className="card">
              <View>
                凡在本区工作的职工（含快递员、外卖送餐员、网约车司机等新就业形态劳动者），承认工会章程，均可申请入会。
              </View>
            </View>
            <FormField label="备注（选填）" hint="例如：所在站点、希望参加的活动">
              <Textarea
                className="form-field__input"
                value={note}
                maxlength={200}
                onInput={(e) => setNote(e.detail.value)}
                aria-label="备注"
              />
            </FormField>
            <View
              className="consent member-profile__consent"
              role="checkbox"
              aria-checked={agree}
              onClick={() => setAgree((a) => !a)}
            >
              <CheckMark on={agree} />
              <View>我承认《中国工会章程》，自愿加入工会</View>
            </View>
            <Button busy={busy} disabled={busy} onClick={send}>
              提交入会申请
            </Button>
          </>
        )}
      </StateView>
    </PageShell>
  );
}
