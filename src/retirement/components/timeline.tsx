import { View } from '@tarojs/components';
import type { TimelineEntry } from '@contract/api/retirement';
import { formatDate } from './status';
import './timeline.scss';

/** The request's history, newest last, in the words an elderly reader uses. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <View className="timeline">
      {entries.map((t, i) => (
        <View
          key={`${t.status}-${t.at}-${i}`}
          className={`timeline__item ${i === entries.length - 1 ? 'timeline__item--last' : ''}`}
        >
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__label">
              {t.label} <View className="timeline__date">{formatDate(t.at)}</View>
            </View>
            {t.note ? <View className="timeline__note">{t.note}</View> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
