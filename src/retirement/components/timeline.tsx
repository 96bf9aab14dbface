import { View } from '@tarojs/components';
import type { TimelineEntry } from '@contract/api/retirement';
import { formatDate } from './status';
import './timeline.scss';

/** The request's history, newest last, in the words an elderly reader uses. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <View className="retirement-timeline">
      {entries.map((t, i) => (
        <View
          key={`${t.status}-${t.at}-${i}`}
          className={`retirement-timeline__item ${i === entries.length - 1 ? 'retirement-timeline__item--last' : ''}`}
        >
          <View className="retirement-timeline__dot" />
          <View className="retirement-timeline__body">
            <View className="retirement-timeline__label">
              {t.label} <View className="retirement-timeline__date">{formatDate(t.at)}</View>
            </View>
            {t.note ? <View className="retirement-timeline__note">{t.note}</View> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
