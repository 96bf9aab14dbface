import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import type { ContestAdminView } from '@contract/api/contest';
import { SwitchField, TextField } from '../../../components';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { dateOf } from '../../../utils/format';
import { WallTimeField } from '../../components/fields';
import { contestDraftOf, emptyContestDraft, toSaveContestInput } from '../../forms/contest';

/** The contest itself: what, where, when, the day's schedule, rules, awards and who may enter. */
export function ContestForm(props: { contest?: ContestAdminView; onSaved: (c: ContestAdminView) => void }) {
  const { contest } = props;
  const send = useWrite(api.contest.saveContest);
  const form = useForm(
    () => (contest ? contestDraftOf(contest) : emptyContestDraft(dateOf(Date.now()))),
    (d) => toSaveContestInput(d, contest?.id),
    send,
  );
  const { draft, set, error: err } = form;
  const save = async () => {
    const built = toSaveContestInput(draft, contest?.id);
    // A long form: the message under a field far up the page may be off screen, so it is said here too.
    if (!built.ok) {
      form.validate();
      return void Taro.showToast({ title: built.issue.message, icon: 'none' });
    }
    const saved = await send.run(built.value);
    if (!saved) return;
    await Taro.showToast({ title: contest ? '已保存' : '已创建草稿', icon: 'success' });
    props.onSaved(saved);
  };

  return (
    <View className="card admin-contest__form">
      <TextField
        label="比武名称"
        {...form.text('title')}
        maxlength={40}
        placeholder="如：2027年秀洲区职工职业技能比武"
      />
      <TextField multiline label="简介" {...form.text('summary')} maxlength={300} />
      <TextField label="比赛场地" {...form.text('venue')} maxlength={40} />
      <TextField label="场地地址" {...form.text('venueAddress')} maxlength={80} />
      <WallTimeField label="报名开始" {...form.pick('registrationOpensAt')} />
      <WallTimeField label="报名截止" {...form.pick('registrationClosesAt')} />
      <WallTimeField label="比赛开始" {...form.pick('contestStartsAt')} />
      <WallTimeField label="比赛结束" {...form.pick('contestEndsAt')} />
      <TextField
        multiline
        label="日程（选填）"
        {...form.text('schedule')}
        hint="一行一项：2026-05-16 08:30 检录"
        maxlength={1200}
      />
      <TextField multiline label="比赛规则（选填）" {...form.text('rules')} hint="一行一条" maxlength={2000} />
      <TextField multiline label="奖励" {...form.text('awards')} hint="荣誉、技能等级晋升、奖金等" maxlength={400} />
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
      <SwitchField
        className="admin__switch"
        label="仅限工会会员"
        checked={draft.membersOnly}
        onChange={set('membersOnly')}
      />
      <SwitchField
        className="admin__switch"
        label="已获该项目称号者不得参加"
        checked={draft.refuseTitleHolders}
        onChange={set('refuseTitleHolders')}
      />
      <Button className="admin-contest__save" busy={send.busy} onClick={() => void save()}>
        {contest ? '保存修改' : '保存为草稿'}
      </Button>
    </View>
  );
}
