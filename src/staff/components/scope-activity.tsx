import { View } from '@tarojs/components';
import { Button } from '../../components/button';
import type { RecentScan, ScopeCount } from '@contract/api/checkin';
import { StateView } from '../../components';
import { clockTime } from '../time';
import './scope-activity.scss';

const RESULT_WORD: Record<RecentScan['result'], string> = { success: '成功', used: '已使用', refused: '无法核验' };

/** Live counts for the scope: 已签到 / 应到, 已核销 / 库存. */
export function ScopeCounts({ counts, error }: { counts?: ScopeCount[]; error?: Error | null }) {
  if (error) return <View className="muted">人数统计暂时无法加载</View>;
  if (!counts || counts.length === 0) return null;
  return (
    <View className="staff-scope-counts">
      {counts.map((c) => (
        <View key={c.label} className="staff-scope-counts__item">
          <View className="staff-scope-counts__value">
            {c.done}
            <View className="staff-scope-counts__total"> / {c.total}</View>
          </View>
          <View className="staff-scope-counts__label">{c.label}</View>
        </View>
      ))}
    </View>
  );
}

/** A success still inside its undo window (the server judges again when it is sent). */
export const undoable = (r: RecentScan, now: number) =>
  r.result === 'success' && !r.undone && !!r.undoUntil && now < r.undoUntil;

/**
 * My recent scans here, newest first; undone ones are marked. A success still inside its undo window
 * offers 撤销 on its row, so the undo is not lost once the volunteer has gone on scanning.
 */
export function RecentScans(props: {
  items?: RecentScan[];
  loading: boolean;
  error: Error | null;
  onRetry: () => void;
  now: number;
  onUndo?: (scan: RecentScan) => void;
}) {
  const items = props.items ?? [];
  return (
    <View className="card staff-recent-scans">
      <View className="staff-recent-scans__title">我最近的扫码</View>
      <StateView
        loading={props.loading && items.length === 0}
        error={props.error}
        onRetry={props.onRetry}
        empty={items.length === 0}
        emptyText="还没有扫码记录"
      >
        {items.map((r) => (
          <View
            key={r.scanId}
            className={`staff-recent-scans__row staff-recent-scans__row--${r.undone ? 'undone' : r.result}`}
          >
            <View className="staff-recent-scans__time">{clockTime(r.at)}</View>
            <View className="staff-recent-scans__what">
              {r.title}
              {r.personName ? ` · ${r.personName}` : ''}
            </View>
            <View className="staff-recent-scans__result">{r.undone ? '已撤销' : RESULT_WORD[r.result]}</View>
            {props.onUndo && undoable(r, props.now) ? (
              <Button
                variant="outline"
                className="staff-recent-scans__undo"
                aria-label={`撤销 ${r.title}${r.personName ? ` ${r.personName}` : ''}`}
                onClick={() => props.onUndo?.(r)}
              >
                撤销（{clockTime(r.undoUntil!).slice(0, 5)}前）
              </Button>
            ) : null}
          </View>
        ))}
      </StateView>
    </View>
  );
}
