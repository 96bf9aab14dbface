/**
 * The stand-in's side of the wire format: @cloudbase/database sends queries, update data and
 * documents as *canonical* EJSON strings (`{"$numberInt":"1"}`, `{"$numberLong":"…"}`,
 * `{"$regularExpression":{…}}`, and CloudBase's own `{"$tcb_server_date":{"offset":…}}`), and
 * parses the documents we answer with `EJSON.parse` (relaxed), so plain JSON numbers are fine back.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Decodes one EJSON value into plain JS; `now` resolves db.serverDate() (epoch ms + offset). */
export function decodeEjson(v: unknown, now: number): any {
  if (Array.isArray(v)) return v.map((x) => decodeEjson(x, now));
  if (v === null || typeof v !== 'object') return v;
  const obj = v as Record<string, any>;
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const x = obj[keys[0]];
    switch (keys[0]) {
      case '$numberInt':
        return parseInt(x, 10);
      case '$numberLong':
      case '$numberDecimal':
        return Number(x);
      case '$numberDouble':
        return x === 'Infinity' ? Infinity : x === '-Infinity' ? -Infinity : x === 'NaN' ? NaN : parseFloat(x);
      case '$date':
        return new Date(typeof x === 'object' ? decodeEjson(x, now) : x);
      case '$oid':
        return String(x);
      case '$regularExpression':
        return new RegExp(String(x?.pattern ?? ''), String(x?.options ?? ''));
      case '$tcb_server_date':
        return now + (Number(decodeEjson(x?.offset, now)) || 0);
    }
  }
  const out: Record<string, any> = {};
  for (const k of keys) out[k] = decodeEjson(obj[k], now);
  return out;
}

/** Parses an EJSON string param (absent → undefined). */
export function parseEjson(text: unknown, now: number): any {
  if (text === undefined || text === null || text === '') return undefined;
  if (typeof text !== 'string') return decodeEjson(text, now);
  return decodeEjson(JSON.parse(text) as Json, now);
}

/** A stored document as the SDK reads it back (EJSON.parse, relaxed): JSON, with Dates as $date. */
export function encodeDocument(doc: unknown): string {
  return JSON.stringify(doc, function (this: any, key: string, value: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: { $numberLong: String(raw.getTime()) } };
    if (raw instanceof RegExp) return { $regularExpression: { pattern: raw.source, options: raw.flags } };
    return value;
  });
}
