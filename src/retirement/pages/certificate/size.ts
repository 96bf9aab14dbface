import Taro from '@tarojs/taro';
import { isElderMode } from '../../../stores/elder-mode';

/**
 * The page's inner width: the window less the page padding on both sides (24 design px, 32 in 长辈模式;
 * half that in CSS px at a 750 design width), so the certificate sits centred, never under the edge.
 */
export function displayWidth(elder = isElderMode()): number {
  const info = Taro.getWindowInfo?.() ?? Taro.getSystemInfoSync();
  const pad = ((elder ? 32 : 24) * info.windowWidth) / 750;
  return Math.floor(Math.min(info.windowWidth - 2 * pad, 480));
}
