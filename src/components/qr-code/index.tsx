import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { qrRows } from './matrix';
import './index.scss';

export interface QrCodeProps {
  value: string;
  /** Side length in CSS px. */
  size?: number;
  /** Read out by screen readers, e.g. 会员码. */
  label?: string;
}

/**
 * Draws the code with plain views (one per run of modules), so it renders the same in weapp and
 * H5 without a canvas, and tests can read back what is drawn.
 */
export function QrCode({ value, size = 220, label = '二维码' }: QrCodeProps) {
  const { size: modules, rows } = useMemo(() => qrRows(value), [value]);
  const unit = Math.max(1, Math.floor(size / modules));
  return (
    <View
      className="qr-code"
      role="img"
      aria-label={label}
      data-modules={modules}
      style={{ width: `${unit * modules}px`, height: `${unit * modules}px` }}
    >
      {rows.map((runs, r) => (
        <View key={r} className="qr-code__row" style={{ height: `${unit}px` }}>
          {runs.map((run, i) => (
            <View
              key={i}
              className={run.dark ? 'qr-code__dark' : 'qr-code__light'}
              data-run={run.length}
              style={{ width: `${unit * run.length}px`, height: `${unit}px` }}
            />
          ))}
        </View>
      ))}
    </View>
  );
}
