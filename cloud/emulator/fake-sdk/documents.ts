/** Validation shared by plain and transactional writes, and the not-found error. */
import type { DocumentData } from '../../lib/db';
import { CloudSDKError, ERR_NOT_FOUND, invalidParam } from './errors';
import { newId } from './store';
import { isPlainObject, toPlain } from './translate';

/** Validates `add` data and gives it an `_id` (32 hex chars, like CloudBase) when it has none. */
export function prepareNewDoc(data: unknown, api: string) {
  if (!isPlainObject(data)) throw invalidParam(api, 'data must be an object');
  const doc = toPlain(data, Date.now());
  if (doc._id === undefined) doc._id = newId();
  else if (typeof doc._id !== 'string' || !doc._id) throw invalidParam(api, '_id must be a non-empty string');
  return doc as DocumentData & { _id: string };
}

/** Validates `set` data: the whole new document, which must not carry `_id` (the real SDK refuses). */
export function prepareReplacement(id: string, data: unknown, api: string) {
  if (!isPlainObject(data)) throw invalidParam(api, 'data must be an object');
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw invalidParam(api, '不能更新_id的值');
  return { ...toPlain(data, Date.now()), _id: id };
}

export function notFound(id: string): CloudSDKError {
  return new CloudSDKError(ERR_NOT_FOUND, `document.get:fail document with _id ${id} does not exist`);
}
