import { View } from '@tarojs/components';
import './choices.scss';

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
}

interface ChoicesProps {
  options: ChoiceOption[];
  value?: string;
  onSelect: (value: string) => void;
  /** Each option gets `<name>-choice <name>-choice--<index>` so tests and screen readers find it. */
  name: string;
  error?: string;
}

/** Big, whole-width answers instead of a small picker: easy to hit for an elderly finger. */
export function Choices({ options, value, onSelect, name, error }: ChoicesProps) {
  return (
    <View className="retirement-choices" role="radiogroup">
      {options.map((o, i) => {
        const on = o.value === value;
        return (
          <View
            key={o.value}
            className={`retirement-choices__item ${name}-choice ${name}-choice--${i} ${on ? 'retirement-choices__item--on' : ''}`}
            role="radio"
            aria-checked={on}
            onClick={() => onSelect(o.value)}
          >
            <View className="retirement-choices__mark">{on ? '●' : '○'}</View>
            <View className="retirement-choices__body">
              <View className="retirement-choices__label">{o.label}</View>
              {o.hint ? <View className="retirement-choices__hint">{o.hint}</View> : null}
            </View>
          </View>
        );
      })}
      {error ? (
        <View className="retirement-choices__error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}
