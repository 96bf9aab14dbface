import { Input, Picker, View } from '@tarojs/components';
import { Button } from '../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { AWARDS, type Award, type Registration } from '@contract/api/contest';
import { useWrite } from '../../hooks/use-write';
import { api } from '../../services/api';

const AWARD_OPTIONS = ['无奖项', ...AWARDS] as const;

/** A starting point the admin adjusts: 1 一等奖, 2 二等奖, 3 三等奖 per the usual 1-2-3 split. */
function defaultAward(rank: number): Award | '无奖项' {
  if (rank === 1) return '一等奖';
  if (rank <= 3) return '二等奖';
  if (rank <= 6) return '三等奖';
  return '无奖项';
}

/** Ranks and awards for the people who checked in to one trade, then 发布成绩 (notifies each). */
export function ResultsForm({
  contestId,
  tradeId,
  people,
  onDone,
}: {
  contestId: string;
  tradeId: string;
  people: Registration[];
  onDone: () => void;
}) {
  const [rows, setRows] = useState(() =>
    people.map((p, i) => ({
      id: p.id,
      rank: String(p.result?.rank ?? i + 1),
      award: (p.result?.award ?? (p.result ? '无奖项' : defaultAward(i + 1))) as Award | '无奖项',
    })),
  );
  const publishing = useWrite(api.contest.publishResults, { report: '未能发布' });
  const busy = publishing.busy;
  const set = (i: number, patch: Partial<(typeof rows)[number]>) =>
    setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));

  const publish = async () => {
    const { confirm } = await Taro.showModal({
      title: '发布成绩',
      content: `发布后${people.length}位选手会收到成绩通知，确定发布吗？`,
    });
    if (!confirm) return;
    const results = rows.map((r) => ({
      registrationId: r.id,
      rank: Number(r.rank),
      ...(r.award !== '无奖项' ? { award: r.award } : {}),
    }));
    const out = await publishing.run({ contestId, tradeId, results });
    if (!out) return;
    await Taro.showToast({ title: `已发布${out.published}人`, icon: 'success' });
    onDone();
  };

  return (
    <View className="card contest-results-form">
      <View className="contest-review__section">登记成绩（已签到 {people.length} 人）</View>
      {people.map((p, i) => (
        <View key={p.id} className="contest-results-form__row">
          <View className="contest-results-form__name">{p.name}</View>
          <Input
            className="form-field__input contest-results-form__rank"
            type="number"
            value={rows[i].rank}
            aria-label={`${p.name}名次`}
            onInput={(e) => set(i, { rank: e.detail.value })}
          />
          <Picker
            mode="selector"
            range={AWARD_OPTIONS as unknown as string[]}
            value={AWARD_OPTIONS.indexOf(rows[i].award)}
            onChange={(e) => set(i, { award: AWARD_OPTIONS[Number(e.detail.value)] })}
          >
            <View className="contest-results-form__award" aria-label={`${p.name}奖项`}>
              {rows[i].award}
            </View>
          </Picker>
        </View>
      ))}
      <Button className="contest-review__publish" busy={busy} disabled={busy} onClick={publish}>
        发布成绩
      </Button>
    </View>
  );
}
