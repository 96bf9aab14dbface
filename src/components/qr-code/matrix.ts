import { qrMatrix } from './encode';

/** UTF-8 bytes of a string (what scanners expect of byte mode). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** A run of same-coloured modules in one row: drawing runs keeps the node count low. */
export interface Run {
  dark: boolean;
  length: number;
}

/** The QR matrix of `text` as rows of runs, with a 4-module quiet zone as the standard asks. */
export function qrRows(text: string, quiet = 4): { size: number; rows: Run[][] } {
  const m = qrMatrix(utf8Bytes(text));
  const n = m.length;
  const size = n + quiet * 2;
  const rows: Run[][] = [];
  for (let r = -quiet; r < n + quiet; r++) {
    const runs: Run[] = [];
    for (let c = -quiet; c < n + quiet; c++) {
      const dark = r >= 0 && r < n && c >= 0 && c < n && m[r][c];
      const last = runs[runs.length - 1];
      if (last && last.dark === dark) last.length++;
      else runs.push({ dark, length: 1 });
    }
    rows.push(runs);
  }
  return { size, rows };
}
