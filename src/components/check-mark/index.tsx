import { View } from '@tarojs/components';
import './index.scss';

/**
 * The one checkbox look of the app: a rounded box, red with a white ✓ when on. It is only the mark;
 * the row around it carries role="checkbox", aria-checked and the tap, so the whole row is the target.
 */
export function CheckMark({ on }: { on: boolean }) {
  return (
    <View className={`check-mark ${on ? 'check-mark--on' : ''}`} aria-hidden>
      {on ? '✓' : ''}
    </View>
  );
}
