import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { CheckMark } from '../../../components/check-mark';
import { ListPick } from '../../../components/list-pick';
import { closeName } from '../../../components/list-pick/close-name';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Registration } from '@contract/api/contest';
import { PageShell, SelectField, StateView, StatusTag, TextField, useAsync } from '../../../components';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { hasConsented, recordConsent } from '../../../stores/consent';
import { PrivacyNotice } from '../../components/privacy-notice';
import { SKILL_LEVELS, validate, type FormState } from './form';

type Fields = Extract<ReturnType<typeof validate>, { ok: true }>['value'];
import './index.scss';
import { askSubscription } from '../../../utils/subscribe';

const EMPTY: FormState = { employer: '', jobTitle: '', skillLevel: undefined, yearsInTrade: '', phone: '' };

/** 报名 (or 重新提交 after 退回): the privacy notice and consent first, then one short form. */
export default function RegisterPage() {
  const { params } = useRouter();
  const resubmitId = params.registrationId;
  const [step, setStep] = useState<'consent' | 'form' | 'done'>(hasConsented('contest') ? 'form' : 'consent');
  const [agree, setAgree] = useState(false);
  const [saved, setSaved] = useState<Registration | null>(null);

  // What we register for, and the person's profile to prefill the form.
  const ctx = useAsync(async () => {
    const [me, previous] = await Promise.all([
      api.member.getMe(),
      resubmitId ? api.contest.myRegistrations() : Promise.resolve([]),
    ]);
    const returned = previous.find((r) => r.id === resubmitId);
    if (resubmitId && !returned) throw new Error('没有找到这条报名记录');
    const contestId = returned?.contestId ?? params.contestId ?? '';
    const tradeId = returned?.tradeId ?? params.tradeId ?? '';
    const contest = await api.contest.getContest({ contestId });
    const trade = contest.trades.find((t) => t.id === tradeId);
    if (!trade) throw new Error('没有找到这个比赛项目');
    form.reset(
      returned
        ? {
            employer: returned.employer,
            jobTitle: returned.jobTitle,
            skillLevel: returned.skillLevel,
            yearsInTrade: String(returned.yearsInTrade),
            phone: me.profile?.phone ?? '',
          }
        : { ...EMPTY, employer: me.profile?.employer ?? '', jobTitle: trade.name, phone: me.profile?.phone ?? '' },
    );
    return { contest, trade, returned };
  }, [resubmitId, params.contestId, params.tradeId]);
  // The 单位名录, to pick the employer as the union spells it (a place per named employer counts by
  // name). Without it the field is typed as before.
  const employers = useAsync(() => api.contest.employerNames(), []);

  const write = useWrite(
    (fields: Fields, requestId) => {
      const target = ctx.data!;
      return target.returned
        ? api.contest.resubmit({ registrationId: target.returned.id, ...fields }, requestId)
        : api.contest.register({ contestId: target.contest.id, tradeId: target.trade.id, ...fields }, requestId);
    },
    { inline: true },
  );
  const form = useForm<FormState, Fields>(EMPTY, validate, write);
  const { draft, set, error } = form;
  const listed = closeName(draft.employer, employers.data ?? []);

  const next = async () => {
    if (!agree) {
      await Taro.showModal({ title: '提示', content: '请先阅读并勾选同意报名信息使用说明', showCancel: false });
      return;
    }
    recordConsent('contest');
    setStep('form');
  };

  const send = async () => {
    const fields = form.validate();
    if (!fields) return;
    askSubscription('contestRegister');
    const reg = await write.run(fields);
    if (reg) {
      setSaved(reg);
      setStep('done');
    }
  };

  const target = ctx.data;

  return (
    <PageShell title={target?.returned ? '修改后重新提交' : '比武报名'}>
      <StateView loading={ctx.loading} error={ctx.error} onRetry={ctx.reload}>
        {target ? (
          <View className="card contest-register__target">
            <View className="contest-register__trade">{target.trade.name}</View>
            <View className="muted">{target.contest.title}</View>
            {target.returned?.returnReason ? (
              <View className="contest-register__reason">退回原因：{target.returned.returnReason}</View>
            ) : null}
          </View>
        ) : null}

        {step === 'consent' ? (
          <>
            <PrivacyNotice />
            {/* A View, not a Label: in H5 a label re-dispatches the click to its checkbox, toggling twice. */}
            <View
              className="contest-register__agree"
              role="checkbox"
              aria-checked={agree}
              onClick={() => setAgree((a) => !a)}
            >
              <CheckMark on={agree} />
              <View>我已阅读并同意以上说明</View>
            </View>
            <Button className="contest-register__next" onClick={next}>
              下一步
            </Button>
          </>
        ) : null}

        {step === 'form' ? (
          <>
            <TextField
              label="工作单位"
              name="employer"
              value={draft.employer}
              onInput={set('employer')}
              error={error('employer')}
              hint={listed ? `单位名录里写作“${listed}”：是这家请从下面选，单位名额按名录的名称算` : '请填写单位全称'}
            />
            <ListPick
              text="从单位名录选"
              ariaLabel="工作单位从单位名录选"
              options={employers.data ?? []}
              onPick={set('employer')}
            />
            <TextField
              label="工种"
              name="jobTitle"
              value={draft.jobTitle}
              onInput={set('jobTitle')}
              error={error('jobTitle')}
            />
            <SelectField
              label="现有技能等级"
              value={draft.skillLevel}
              options={SKILL_LEVELS}
              onChange={set('skillLevel')}
              error={error('skillLevel')}
            />
            <TextField
              label="从业年限（年）"
              name="yearsInTrade"
              type="number"
              value={draft.yearsInTrade}
              onInput={set('yearsInTrade')}
              error={error('yearsInTrade')}
              maxlength={2}
            />
            <TextField
              label="联系电话"
              name="phone"
              type="number"
              value={draft.phone}
              onInput={set('phone')}
              error={error('phone')}
              maxlength={11}
              hint="用于比赛通知，对工作人员部分隐藏"
            />
            <Button className="contest-register__submit" busy={write.busy} disabled={write.busy} onClick={send}>
              {target?.returned ? '重新提交' : '提交报名'}
            </Button>
          </>
        ) : null}

        {step === 'done' && saved ? (
          <View className="card contest-register__done" role="status">
            <StatusTag text="报名已提交" tone="success" />
            <View className="contest-register__done-text">
              您已报名{saved.tradeName}
              ，等待区总工会审核。审核结果会通过消息通知您，审核通过后可在“我的报名”查看入场码。
            </View>
            <Button onClick={() => Taro.redirectTo({ url: '/contest/pages/mine/index' })}>查看我的报名</Button>
          </View>
        ) : null}
      </StateView>
    </PageShell>
  );
}
