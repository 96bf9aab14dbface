import { Label, Switch, Textarea, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ContestAdminView } from '@contract/api/contest';
import { FormField, TextField } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { adminService } from '../../../services/admin';
import { dateOf } from '../../../utils/format';
import { WallTimeField } from '../../components/fields';
import { contestDraftOf, emptyContestDraft, toSaveContestInput, type ContestDraft } from '../../forms/contest';

function Area(props: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  error?: string;
  hint?: string;
  max: number;
}) {
  return (
    <FormField label={props.label} error={props.error} hint={props.hint}>
      <Textarea
        className="form-field__input form-field__input--multiline"
        value={props.value}
        maxlength={props.max}
        autoHeight
        aria-label={props.label}
        nativeProps={{ 'aria-label': props.label }}
        onInput={(e) => props.onInput(e.detail.value)}
      />
    </FormField>
  );
}

/** The contest itself: what, where, when, the day's schedule, rules, awards and who may enter. */
export function ContestForm(props: { contest?: ContestAdminView; onSaved: (c: ContestAdminView) => void }) {
  const { contest } = props;
  const [draft, setDraft] = useState<ContestDraft>(() =>
    contest ? contestDraftOf(contest) : emptyContestDraft(dateOf(Date.now())),
  );
  const [issue, setIssue] = useState<{ field: string; message: string } | null>(null);
  const send = useWrite(adminService.saveContest);
  const err = (f: string) => send.messageFor(f, issue);
  const set =
    <K extends keyof ContestDraft>(k: K) =>
    (v: ContestDraft[K]) =>
      setDraft((d) => ({ ...d, [k]: v }));
  const save = async () => {
    const built = toSaveContestInput(draft, contest?.id);
    if (!built.ok) {
      setIssue({ field: built.issue.path, message: built.issue.message });
      return void Taro.showToast({ title: built.issue.message, icon: 'none' });
    }
    setIssue(null);
    const saved = await send.run(built.value);
    if (!saved) return;
    await Taro.showToast({ title: contest ? '已保存' : '已创建草稿', icon: 'success' });
    props.onSaved(saved);
  };

  return (
    <View className="card admin-contest__form">
      <TextField
        label="比武名称"
        value={draft.title}
        onInput={set('title')}
        error={err('title')}
        maxlength={40}
        placeholder="如：2027年秀洲区职工职业技能比武"
      />
      <Area label="简介" value={draft.summary} onInput={set('summary')} error={err('summary')} max={300} />
      <TextField label="比赛场地" value={draft.venue} onInput={set('venue')} error={err('venue')} maxlength={40} />
      <TextField
        label="场地地址"
        value={draft.venueAddress}
        onInput={set('venueAddress')}
        error={err('venueAddress')}
        maxlength={80}
      />
      <WallTimeField
        label="报名开始"
        value={draft.registrationOpensAt}
        onChange={set('registrationOpensAt')}
        error={err('registrationOpensAt')}
      />
      <WallTimeField
        label="报名截止"
        value={draft.registrationClosesAt}
        onChange={set('registrationClosesAt')}
        error={err('registrationClosesAt')}
      />
      <WallTimeField
        label="比赛开始"
        value={draft.contestStartsAt}
        onChange={set('contestStartsAt')}
        error={err('contestStartsAt')}
      />
      <WallTimeField
        label="比赛结束"
        value={draft.contestEndsAt}
        onChange={set('contestEndsAt')}
        error={err('contestEndsAt')}
      />
      <Area
        label="日程（选填）"
        value={draft.schedule}
        onInput={set('schedule')}
        error={err('schedule')}
        hint="一行一项：2026-05-16 08:30 检录"
        max={1200}
      />
      <Area
        label="比赛规则（选填）"
        value={draft.rules}
        onInput={set('rules')}
        error={err('rules')}
        hint="一行一条"
        max={2000}
      />
      <Area
        label="奖励"
        value={draft.awards}
        onInput={set('awards')}
        error={err('awards')}
        hint="荣誉、技能等级晋升、奖金等"
        max={400}
      />
      <View className="admin__section-title">参赛条件</View>
      <View className="admin__when">
        <View className="admin__part">
          <TextField
            label="最小年龄"
            type="number"
            value={draft.minAge}
            onInput={set('minAge')}
            error={err('eligibility')}
            maxlength={2}
          />
        </View>
        <View className="admin__part">
          <TextField
            label="年龄上限（不含）"
            type="number"
            value={draft.maxAgeExclusive}
            onInput={set('maxAgeExclusive')}
            maxlength={2}
          />
        </View>
      </View>
      <Label className="admin__switch">
        <View>仅限工会会员</View>
        <Switch
          checked={draft.membersOnly}
          aria-label="仅限工会会员"
          color="#c8161d"
          onChange={(e) => set('membersOnly')(e.detail.value)}
        />
      </Label>
      <Label className="admin__switch">
        <View>已获该项目称号者不得参加</View>
        <Switch
          checked={draft.refuseTitleHolders}
          aria-label="已获该项目称号者不得参加"
          color="#c8161d"
          onChange={(e) => set('refuseTitleHolders')(e.detail.value)}
        />
      </Label>
      <Button className="admin-contest__save" busy={send.busy} onClick={() => void save()}>
        {contest ? '保存修改' : '保存为草稿'}
      </Button>
    </View>
  );
}
