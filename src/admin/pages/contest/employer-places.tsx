import { View } from '@tarojs/components';
import type { TradeAdminView } from '@contract/api/contest';
import { FormField, TextField, useAsync } from '../../../components';
import { Button } from '../../../components/button';
import { ListPick } from '../../../components/list-pick';
import { api } from '../../../services/api';
import type { EmployerPlacesRow } from '../../forms/contest';

export interface EmployerPlacesProps {
  rows: EmployerPlacesRow[];
  onChange: (rows: EmployerPlacesRow[]) => void;
  trade?: TradeAdminView;
  error?: string;
}

const bare = (name: string) => name.replace(/\s+/g, '');

/**
 * 单独设定名额的单位: rows of employer and places. A named employer's places apply to registrations
 * that give the same name, so each name is picked from the union's 单位名录 (or typed, and flagged
 * when the list does not have it).
 */
export function EmployerPlaces({ rows, onChange, trade, error }: EmployerPlacesProps) {
  const names = useAsync(() => api.contest.employerNames(), []);
  const listed = new Set((names.data ?? []).map(bare));
  const setRow = (i: number, k: keyof EmployerPlacesRow) => (v: string) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  return (
    <FormField
      label="单独设定名额的单位（选填）"
      error={error}
      hint="如：嘉兴纺织有限公司 3 人，其他单位按上面的每单位名额"
    >
      <View className="admin-contest__employer-places" role="group" aria-label="单独设定名额的单位">
        {rows.length === 0 ? <View className="muted">还没有单独设定的单位，其他单位都按上面的每单位名额</View> : null}
        {rows.map((r, i) => {
          const held = trade?.employerPlaces?.find((e) => bare(e.employer) === bare(r.employer))?.taken;
          const unlisted = !!names.data && !!r.employer.trim() && !listed.has(bare(r.employer));
          return (
            <View key={i} className="admin-contest__employer-row">
              <TextField
                label={`单位${i + 1}名称`}
                value={r.employer}
                onInput={setRow(i, 'employer')}
                maxlength={60}
                placeholder="如：嘉兴纺织有限公司"
                hint={unlisted ? '单位名录里没有这个名称：只有报名时填写同一名称的职工才按这里的名额' : undefined}
              />
              <ListPick
                text="从单位名录选"
                ariaLabel={`单位${i + 1}从单位名录选`}
                options={names.data ?? []}
                onPick={setRow(i, 'employer')}
              />
              <TextField
                label={`单位${i + 1}名额`}
                type="number"
                value={r.places}
                onInput={setRow(i, 'places')}
                maxlength={5}
                hint={held ? `已报名 ${held} 人，不能少于这个数` : undefined}
              />
              <Button variant="text" size="small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                {`删除单位${i + 1}`}
              </Button>
            </View>
          );
        })}
        <Button
          variant="outline"
          size="small"
          className="admin-contest__employer-add"
          onClick={() => onChange([...rows, { employer: '', places: '' }])}
        >
          添加单位名额
        </Button>
      </View>
    </FormField>
  );
}
