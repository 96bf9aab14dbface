/**
 * A QR encoder for what the app draws: byte mode, error correction level M, the smallest version
 * that fits. It replaces qrcode-generator (21 KB in the main package for the 会员码 alone, most of
 * it modes, levels and image writers the app never uses) and draws the same matrix as that library,
 * mask choice included (test/app/components/qr-code-encode.test.ts compares them).
 */

/** EC codewords per block and blocks at level M, versions 1–40 (ISO/IEC 18004 table 9). */
const EC_PER_BLOCK = [
  10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28,
  28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
];
const BLOCKS = [
  1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35,
  37, 38, 40, 43, 45, 47, 49,
];

const MASKS: ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r * c) % 3) + ((r + c) % 2)) % 2 === 0,
];

function gfMul(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

/** Reed–Solomon EC codewords of one block. */
function rsRemainder(data: number[], degree: number): number[] {
  const divisor = new Array<number>(degree).fill(0);
  divisor[degree - 1] = 1;
  for (let i = 0, root = 1; i < degree; i++, root = gfMul(root, 2)) {
    for (let j = 0; j < degree; j++) {
      divisor[j] = gfMul(divisor[j], root);
      if (j + 1 < degree) divisor[j] ^= divisor[j + 1];
    }
  }
  const rem = new Array<number>(degree).fill(0);
  for (const b of data) {
    const factor = b ^ (rem.shift() as number);
    rem.push(0);
    divisor.forEach((c, i) => (rem[i] ^= gfMul(c, factor)));
  }
  return rem;
}

/** `value` followed by its BCH remainder (format and version information). */
function bch(value: number, poly: number, bits: number): number {
  let rem = value;
  for (let i = 0; i < bits; i++) rem = (rem << 1) ^ ((rem >>> (bits - 1)) * poly);
  return (value << bits) | rem;
}

/** Codewords (data and EC) a version holds: its modules less the function patterns, over 8. */
function rawCodewords(v: number): number {
  let bits = (16 * v + 128) * v + 64;
  if (v >= 2) {
    const align = Math.floor(v / 7) + 2;
    bits -= (25 * align - 10) * align - 55;
    if (v >= 7) bits -= 36;
  }
  return bits >> 3;
}

function alignmentPositions(v: number, size: number): number[] {
  if (v === 1) return [];
  const n = Math.floor(v / 7) + 2;
  const step = Math.floor((v * 8 + n * 3 + 5) / (n * 4 - 4)) * 2;
  const out = [6];
  for (let p = size - 7; out.length < n; p -= step) out.splice(1, 0, p);
  return out;
}

/** The codewords in placement order: data then EC, each interleaved across the blocks. */
function codewords(bytes: number[], v: number): number[] {
  const ec = EC_PER_BLOCK[v - 1];
  const blocks = BLOCKS[v - 1];
  const raw = rawCodewords(v);
  const dataLength = raw - ec * blocks;
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(4, 4);
  put(bytes.length, v < 10 ? 8 : 16);
  bytes.forEach((b) => put(b, 8));
  // Byte-mode streams end 4 bits short of a byte, so the terminator always fits and aligns them.
  put(0, 4);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(parseInt(bits.slice(i, i + 8).join(''), 2));
  for (let pad = 0xec; data.length < dataLength; pad ^= 0xec ^ 0x11) data.push(pad);

  const short = blocks - (raw % blocks);
  const shortLength = Math.floor(raw / blocks) - ec;
  const dataBlocks: number[][] = [];
  for (let i = 0, k = 0; i < blocks; i++) {
    const length = shortLength + (i < short ? 0 : 1);
    dataBlocks.push(data.slice(k, k + length));
    k += length;
  }
  const ecBlocks = dataBlocks.map((d) => rsRemainder(d, ec));
  const out: number[] = [];
  for (let i = 0; i <= shortLength; i++) dataBlocks.forEach((d) => i < d.length && out.push(d[i]));
  for (let i = 0; i < ec; i++) ecBlocks.forEach((e) => out.push(e[i]));
  return out;
}

/** qrcode-generator's mask penalty, kept exactly so both choose the same mask. */
function penalty(m: boolean[][]): number {
  const n = m.length;
  let lost = 0;
  let dark = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      let same = 0;
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if ((dr || dc) && rr >= 0 && rr < n && cc >= 0 && cc < n && m[rr][cc] === m[r][c]) same++;
        }
      }
      if (same > 5) lost += same - 2;
      if (r < n - 1 && c < n - 1) {
        const count = +m[r][c] + +m[r + 1][c] + +m[r][c + 1] + +m[r + 1][c + 1];
        if (count === 0 || count === 4) lost += 3;
      }
      if (m[r][c]) dark++;
    }
  }
  const finderLike = (at: (k: number) => boolean) => at(0) && !at(1) && at(2) && at(3) && at(4) && !at(5) && at(6);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n - 6; b++) {
      if (finderLike((k) => m[a][b + k])) lost += 40;
      if (finderLike((k) => m[b + k][a])) lost += 40;
    }
  }
  return lost + (Math.abs((100 * dark) / n / n - 50) / 5) * 10;
}

/** The QR matrix (row-major, true = dark) of `bytes`. */
export function qrMatrix(bytes: number[]): boolean[][] {
  let v = 1;
  while (4 + (v < 10 ? 8 : 16) + bytes.length * 8 > (rawCodewords(v) - EC_PER_BLOCK[v - 1] * BLOCKS[v - 1]) * 8) {
    if (++v > 40) throw new Error(`QR: ${bytes.length} bytes do not fit`);
  }
  const size = v * 4 + 17;
  const base: (boolean | null)[][] = Array.from({ length: size }, () => new Array<boolean | null>(size).fill(null));
  for (const [r0, c0] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ]) {
    for (let dr = -4; dr <= 4; dr++) {
      for (let dc = -4; dc <= 4; dc++) {
        const d = Math.max(Math.abs(dr), Math.abs(dc));
        if (base[r0 + dr]?.[c0 + dc] !== undefined) base[r0 + dr][c0 + dc] = d !== 2 && d !== 4;
      }
    }
  }
  const align = alignmentPositions(v, size);
  for (const r of align) {
    for (const c of align) {
      if (base[r][c] !== null) continue;
      for (let dr = -2; dr <= 2; dr++) {
        for (let dc = -2; dc <= 2; dc++) base[r + dr][c + dc] = Math.max(Math.abs(dr), Math.abs(dc)) !== 1;
      }
    }
  }
  for (let i = 8; i < size - 8; i++) {
    if (base[i][6] === null) base[i][6] = i % 2 === 0;
    if (base[6][i] === null) base[6][i] = i % 2 === 0;
  }
  const words = codewords(bytes, v);

  // `test`: format and version bits left light, as the library scores its masks.
  const place = (mask: number, test: boolean): boolean[][] => {
    const m = base.map((row) => row.slice());
    const format = test ? 0 : bch(mask, 0x537, 10) ^ 0x5412;
    for (let i = 0; i < 15; i++) {
      const bit = ((format >> i) & 1) === 1;
      m[i < 6 ? i : i < 8 ? i + 1 : size - 15 + i][8] = bit;
      m[8][i < 8 ? size - 1 - i : i < 9 ? 7 : 14 - i] = bit;
    }
    m[size - 8][8] = !test;
    if (v >= 7) {
      const version = test ? 0 : bch(v, 0x1f25, 12);
      for (let i = 0; i < 18; i++) {
        const bit = ((version >> i) & 1) === 1;
        m[Math.floor(i / 3)][(i % 3) + size - 11] = bit;
        m[(i % 3) + size - 11][Math.floor(i / 3)] = bit;
      }
    }
    let bit = 0;
    for (let col = size - 1, up = true; col > 0; col -= 2, up = !up) {
      if (col === 6) col--;
      for (let j = 0; j < size; j++) {
        const row = up ? size - 1 - j : j;
        for (let c = col; c > col - 2; c--) {
          if (m[row][c] !== null) continue;
          const dark = bit < words.length * 8 && ((words[bit >> 3] >>> (7 - (bit & 7))) & 1) === 1;
          m[row][c] = dark !== MASKS[mask](row, c);
          bit++;
        }
      }
    }
    return m as boolean[][];
  };

  let best = 0;
  let bestLost = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    const lost = penalty(place(mask, true));
    if (lost < bestLost) [best, bestLost] = [mask, lost];
  }
  return place(best, false);
}
