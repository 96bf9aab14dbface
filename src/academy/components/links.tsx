import { View } from '@tarojs/components';
import { Button } from '../../components/button';
import Taro from '@tarojs/taro';
import './links.scss';

const LINKS = [
  { text: '课程目录', url: '/academy/pages/catalogue/index' },
  { text: '我要点单', url: '/academy/pages/order/index' },
  { text: '点单进度', url: '/academy/pages/orders/index' },
  { text: '我的预约', url: '/academy/pages/mine/index' },
];

/** The academy's four doors, at the top of the sessions page. */
export function AcademyLinks() {
  return (
    <View className="academy-links">
      {LINKS.map((l) => (
        <Button
          key={l.url}
          variant="outline"
          className="academy-links__btn"
          onClick={() => Taro.navigateTo({ url: l.url })}
        >
          {l.text}
        </Button>
      ))}
    </View>
  );
}
