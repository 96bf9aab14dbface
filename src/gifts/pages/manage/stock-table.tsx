import { View } from '@tarojs/components';
import type { StationStockRow } from '@contract/api/gift';

/** One line per station: numbers in words, so it reads the same at any font size. */
export function StockTable({ rows }: { rows: StationStockRow[] }) {
  return (
    <View className="gift-stock">
      {rows.map((r) => (
        <View key={r.stationId} className="gift-stock__row">
          <View className="gift-stock__name">{r.stationName}</View>
          <View className="muted">
            共{r.total} · 剩{r.left} · 已领{r.claimed} · 已核销{r.redeemed}
          </View>
        </View>
      ))}
    </View>
  );
}
