import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Station } from '@contract/api/portal';

function formatDistance(m?: number): string {
  if (m === undefined) return '';
  return m < 1000 ? `${m} 米` : `${(m / 1000).toFixed(1)} 公里`;
}

/** One 驿站: where it is, when it is open, what it offers; tap to call. */
export function StationCard({ station }: { station: Station }) {
  return (
    <View className="card station-card">
      <View className="station-card__head">
        <View className="station-card__name">{station.name}</View>
        {station.distance !== undefined ? (
          <View className="station-card__distance">{formatDistance(station.distance)}</View>
        ) : null}
      </View>
      <View className="muted">{station.address}</View>
      {station.closed ? (
        <View className="station-card__closed" role="status">
          {station.closed}
        </View>
      ) : null}
      <View className="station-card__hours">开放时间：{station.hours}</View>
      <View className="station-card__services">
        {station.services.map((s) => (
          <View key={s} className="station-card__service">
            {s}
          </View>
        ))}
      </View>
      {station.phone ? (
        <View
          className="station-card__phone"
          role="button"
          aria-label={`拨打${station.name}电话`}
          onClick={() => Taro.makePhoneCall({ phoneNumber: station.phone }).catch(() => undefined)}
        >
          联系电话 {station.phone}
        </View>
      ) : null}
    </View>
  );
}
