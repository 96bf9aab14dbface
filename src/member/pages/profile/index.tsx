import { Picker, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { CheckMark } from '../../../components/check-mark';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { DISTRICTS, GIG_GROUPS, WORKER_CATEGORIES, profileInput, type ProfileInput } from '@contract/api/member';
import { FormField, SelectField, TextField } from '../../../components/form-field';
import { PageShell } from '../../../components/page-shell';
import { StateView } from '../../../components/state-view';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { useMe } from '../../../stores/me';
import { hasConsented, recordConsent } from '../../../stores/consent';
import './index.scss';
import { formatDay } from '../../../utils/format';

type Draft = Partial<Record<keyof ProfileInput, string>>;

export default function ProfilePage() {
  const me = useMe();
  const [consent, setConsent] = useState(hasConsented('profile'));
  const write = useWrite((input: ProfileInput, requestId) => api.member.updateProfile(input, requestId), {
    inline: true,
  });
  const form = useForm<Draft, ProfileInput>(
    {},
    (d) => {
      const gig = d.category === '新就业形态劳动者';
      return profileInput.parse({ ...d, group: gig ? d.group : undefined, platform: gig ? d.platform : undefined });
    },
    write,
  );
  const { draft, set, error: fieldError } = form;

  form.load(me.data?.profile, (p) => ({ ...p }) as Draft);

  const gig = draft.category === '新就业形态劳动者';

  const save = async () => {
    if (!consent) {
      await Taro.showModal({
        title: '请先阅读隐私指引',
        content: '保存前请勾选同意《用户隐私保护指引》',
        showCancel: false,
      });
      return;
    }
    const input = form.validate();
    if (!input) return;
    recordConsent('profile');
    const saved = await write.run(input);
    if (saved) {
      await Taro.showToast({ title: '已保存', icon: 'success' });
      setTimeout(() => Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/mine/index' })), 600);
    }
  };

  return (
    <PageShell title="个人信息">
      <StateView of={me}>
        <View className="card member-profile__notice">
          我们只收集办理工会业务必需的信息：姓名、手机号、工作单位和职工类别。手机号只用于业务联系，对工作人员显示为
          138****5678 的形式。
        </View>
        <TextField label="姓名" name="name" value={draft.name ?? ''} onInput={set('name')} error={fieldError('name')} />
        <TextField
          label="手机号"
          name="phone"
          type="number"
          maxlength={11}
          value={draft.phone ?? ''}
          onInput={set('phone')}
          error={fieldError('phone')}
        />
        <TextField
          label="工作单位"
          name="employer"
          value={draft.employer ?? ''}
          onInput={set('employer')}
          error={fieldError('employer')}
        />
        <SelectField
          label="所在区县"
          value={draft.district as ProfileInput['district']}
          options={DISTRICTS}
          onChange={set('district')}
          error={fieldError('district')}
        />
        <SelectField
          label="职工类别"
          value={draft.category as ProfileInput['category']}
          options={WORKER_CATEGORIES}
          onChange={set('category')}
          error={fieldError('category')}
        />
        {gig ? (
          <>
            <SelectField
              label="从事行业"
              value={draft.group as ProfileInput['group']}
              options={GIG_GROUPS}
              onChange={set('group')}
              error={fieldError('group')}
            />
            <TextField
              label="所在平台（选填）"
              value={draft.platform ?? ''}
              onInput={set('platform')}
              placeholder="如：美团、顺丰"
              error={fieldError('platform')}
            />
          </>
        ) : null}
        <FormField label="出生日期（报名技能比武时需要）" error={fieldError('birthDate')}>
          <Picker
            mode="date"
            value={draft.birthDate ?? '1990-01-01'}
            start="1940-01-01"
            end="2012-12-31"
            onChange={(e) => set('birthDate')(e.detail.value)}
          >
            <View className="form-field__input form-field__picker">
              {draft.birthDate ? formatDay(draft.birthDate, false) : '请选择'}
            </View>
          </Picker>
        </FormField>
        <View
          className="consent member-profile__consent"
          role="checkbox"
          aria-checked={consent}
          onClick={() => setConsent((c) => !c)}
        >
          <CheckMark on={consent} />
          <View>
            我已阅读并同意
            <View
              className="member-profile__link"
              onClick={() => Taro.navigateTo({ url: '/member/pages/privacy/index' })}
            >
              《用户隐私保护指引》
            </View>
          </View>
        </View>
        <Button busy={write.busy} onClick={save}>
          保存
        </Button>
      </StateView>
    </PageShell>
  );
}
