import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReviewItem } from '@contract/api/retirement';
import './photo.scss';

/** The certificate photo, when the request has one: a thumbnail (tap for full size), or a note if it cannot load. */
export function ReviewPhoto({ item }: { item: ReviewItem }) {
  if (!item.hasPhoto) return null;
  const url = item.photoUrl;
  return (
    <View className="retirement-review-photo">
      <View className="retirement-review-photo__label">证书照片</View>
      {url ? (
        <Image
          className="retirement-review-photo__thumb"
          src={url}
          mode="aspectFill"
          aria-label={`${item.name}的证书照片`}
          onClick={() => Taro.previewImage({ urls: [url], current: url })}
        />
      ) : (
        <View className="retirement-review-photo__missing">照片暂时无法显示</View>
      )}
    </View>
  );
}
