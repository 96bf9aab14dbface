import {
  clockTime,
  dateOf,
  dayTime,
  formatDate,
  formatDay,
  formatTime,
  timeOf,
  toEpoch,
  weekdayTime,
} from '../../../src/utils/format';

describe('China-time formatting (whatever the device zone)', () => {
  // 2026-01-19 18:30:05 UTC is already 20 January in Shanghai.
  const late = Date.UTC(2026, 0, 19, 18, 30, 5);

  test('crosses midnight into the Shanghai day', () => {
    expect(formatTime(late)).toBe('2026年1月20日（周二）02:30');
    expect(formatDate(late)).toBe('2026年1月20日（周二）');
    expect(formatDate(late, false)).toBe('2026年1月20日');
    expect(dateOf(late)).toBe('2026-01-20');
    expect(clockTime(late)).toBe('02:30:05');
    // One way to say a date everywhere: the older short names give the same words.
    expect(dayTime(late)).toBe('2026年1月20日（周二）02:30');
    expect(weekdayTime(late)).toBe('2026年1月20日（周二）02:30');
  });

  test('a calendar date in words, with its weekday', () => {
    expect(formatDay('2026-12-17')).toBe('2026年12月17日（周四）');
    expect(formatDay('2026-12-17', false)).toBe('2026年12月17日');
    expect(formatDay('1966-02-08')).toBe('1966年2月8日（周二）');
  });

  test('a wall time read back is the same instant', () => {
    const ms = toEpoch('2026-03-05', '14:00');
    expect(ms).toBe(Date.UTC(2026, 2, 5, 6, 0));
    expect([dateOf(ms), timeOf(ms)]).toEqual(['2026-03-05', '14:00']);
  });
});
