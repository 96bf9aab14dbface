/**
 * Shared vocabulary of the contract: roles, scopes, the action map shape, and common payload parts.
 */
import { s, type Schema } from '../schema';

/**
 * member: union member (or a registered worker), retiree, staff: scoped to stations / contests /
 * sessions, teacher: academy teacher scoped to sessions, enterprise: an enterprise union contact
 * scoped to its employer, admin: the super admin (超级管理员, every domain), admin:<domain>: the
 * admin of one domain, who acts as `admin` inside that domain's function only.
 */
export type Role =
  | 'member'
  | 'retiree'
  | 'staff'
  | 'teacher'
  | 'enterprise'
  | 'admin'
  | 'admin:contests'
  | 'admin:academy'
  | 'admin:retirement'
  | 'admin:gifts'
  | 'admin:members';

export type ScopeKind = 'station' | 'contest' | 'session' | 'employer';

export interface Scope {
  kind: ScopeKind;
  id: string;
}

/**
 * One cloud function's actions: action name → its input payload and output data (a contract's
 * `ActionsOf`). Self-referencing (`M extends ActionMap<M>`) so an interface-shaped map fits too.
 */
export type ActionMap<M = any> = { [K in keyof M]: { input: unknown; output: unknown } };

/** A client request id that makes a mutating call safe to retry. */
export const requestIdSchema = s.string({ label: '请求编号', min: 8, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });

export type EmptyInput = Record<string, never>;
// Typed as what it accepts, so an action without input takes none in its derived type.
export const emptyInput: Schema<EmptyInput> = s.object({});

/** Paging for lists; `limit` is capped at 100 per page by every handler. */
export const pageInput = {
  offset: s.optional(s.int({ label: '起始位置', min: 0, max: 100000 })),
  limit: s.optional(s.int({ label: '每页数量', min: 1, max: 100 })),
};

export interface Page<T> {
  items: T[];
  total: number;
}

/** A message in the app's inbox (also sent as a subscribe message when the user allowed it). */
export interface InboxMessage {
  id: string;
  title: string;
  body: string;
  /** A page of the app to open, e.g. `/contest/pages/mine/index`. */
  page?: string;
  createdAt: number;
  read: boolean;
}
