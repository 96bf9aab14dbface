/**
 * One way to say a date: what the cloud writes into messages and views (formatShanghai) reads exactly
 * as the app's own formatter (formatTime), whatever zone the machine runs in.
 */
import { formatShanghai, shanghaiTime, sortableShanghai } from '../../cloud/lib/clock';
import { formatTime } from '../../src/utils/format';

test.each([
  ['2026-01-20 10:00', '2026年1月20日（周二）10:00'],
  ['2026-12-17 00:05', '2026年12月17日（周四）00:05'],
  ['2026-02-28 23:59', '2026年2月28日（周六）23:59'],
])('%s in China reads %s, the same as in the app', (wall, words) => {
  const ms = shanghaiTime(wall);
  expect(formatShanghai(ms)).toBe(words);
  expect(formatTime(ms)).toBe(words);
  // The CSV keeps a form a spreadsheet sorts.
  expect(sortableShanghai(ms)).toBe(wall);
});
