import { Text, View } from '@tarojs/components';

/** The one page of the floor app; the bench waits for this text to measure first render. */
export default function Index() {
  return (
    <View>
      <Text>基准页面已就绪</Text>
    </View>
  );
}
