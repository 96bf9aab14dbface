import { Picker, View } from '@tarojs/components';
import './index.scss';

export interface ListPickProps {
  /** What the link says: 从单位名录选. */
  text: string;
  /** Its accessible name, naming the field it fills (工作单位从单位名录选). */
  ariaLabel: string;
  options: string[];
  onPick: (value: string) => void;
}

/**
 * A link under a typed field that fills it from a list (the 单位名录): the field stays free text, so
 * a name the list lacks can still be typed, while the usual one is picked exactly as the list spells it.
 */
export function ListPick({ text, ariaLabel, options, onPick }: ListPickProps) {
  if (!options.length) return null;
  return (
    <Picker mode="selector" range={options} onChange={(e) => onPick(options[Number(e.detail.value)] ?? '')}>
      <View className="list-pick" role="button" aria-label={ariaLabel}>
        {text}
      </View>
    </Picker>
  );
}
