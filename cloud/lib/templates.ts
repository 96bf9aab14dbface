/**
 * Subscribe-message data, per template: each field key (thing1, time2, phrase3, …) gets the value
 * the config maps it to, cut to what WeChat accepts for that kind. A value WeChat would refuse
 * (too long, wrong characters) makes the whole send fail with 47003, so every kind is made valid here.
 */
import dayjs from 'dayjs';
import { TZ } from './clock';
import { fieldKind, FIELD_KINDS, type TemplateDef, type ValueName } from './deploy-config';

export type NoticeValues = Partial<Record<ValueName, string | number>>;

/** Cuts to `max` characters (code points, as WeChat counts), the last one an ellipsis when cut. */
export function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function asTime(value: string | number): string {
  if (typeof value === 'number') return dayjs(value).tz(TZ).format('YYYY年M月D日 HH:mm');
  return value;
}

/** One field's value, valid for its kind. */
export function formatField(key: string, value: string | number): string {
  const kind = fieldKind(key);
  const text = String(value ?? '').trim();
  switch (kind) {
    case 'thing':
      return cut(text, FIELD_KINDS.thing) || '—';
    case 'phrase':
      // Chinese characters only, ≤ 5, no ellipsis (it is not a Chinese character).
      return (
        Array.from(text.replace(/[^\u4e00-\u9fff]/g, ''))
          .slice(0, FIELD_KINDS.phrase)
          .join('') || '通知'
      );
    case 'name':
      return Array.from(text).slice(0, FIELD_KINDS.name).join('');
    case 'character_string':
      // Letters, digits and symbols only.
      return text.replace(/[^\x21-\x7e]/g, '').slice(0, FIELD_KINDS.character_string) || '-';
    case 'number':
      return text.replace(/[^0-9.]/g, '').slice(0, FIELD_KINDS.number) || '0';
    case 'letter':
      return text.replace(/[^A-Za-z]/g, '').slice(0, FIELD_KINDS.letter);
    case 'phone_number':
      return text.replace(/[^0-9+-]/g, '').slice(0, FIELD_KINDS.phone_number);
    case 'time':
      return asTime(value);
    case 'date':
      return typeof value === 'number' ? dayjs(value).tz(TZ).format('YYYY年M月D日') : text;
    default:
      return cut(text, 20);
  }
}

/** The `data` of a send: every mapped field filled (missing values fall back to the notice's title / body / now). */
export function templateData(
  def: Pick<TemplateDef, 'fields'>,
  values: NoticeValues,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [key, name] of Object.entries(def.fields)) data[key] = { value: formatField(key, values[name] ?? '') };
  return data;
}
