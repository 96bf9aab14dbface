import qrcode from 'qrcode-generator';
import { qrMatrix } from '../../../src/components/qr-code/encode';

/** The library the encoder replaced, at the settings the app used (level M, byte mode, auto version). */
function reference(bytes: number[]): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(String.fromCharCode(...bytes), 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** Deterministic bytes, so a failure names a reproducible length. */
function bytesOf(length: number, seed: number): number[] {
  let x = seed;
  return Array.from({ length }, () => (x = (x * 1103515245 + 12345) & 0x7fffffff) & 0xff);
}

describe('qrMatrix', () => {
  // Byte capacities at level M; each and one more cover every version's last fit and the next version.
  const capacities = [
    14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911,
    997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
  ];

  test.each(capacities.map((c, i) => [i + 1, c]))('version %i: draws what qrcode-generator draws', (version, cap) => {
    for (const length of version === 40 ? [cap] : [cap, cap + 1]) {
      const m = qrMatrix(bytesOf(length, length));
      expect(m).toHaveLength(17 + 4 * (length > cap ? version + 1 : version));
      expect(m).toEqual(reference(bytesOf(length, length)));
    }
  });

  test('short inputs of every length up to a version-3 code match too', () => {
    for (let length = 0; length <= 42; length++)
      expect(qrMatrix(bytesOf(length, 7))).toEqual(reference(bytesOf(length, 7)));
  });

  test('refuses what no version holds', () => {
    expect(() => qrMatrix(bytesOf(2332, 1))).toThrow('do not fit');
  });
});
