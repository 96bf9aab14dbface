import type { Database } from './db';
import type { Role, Scope } from '../../types/api/common';
import type { Membership, ProfileInput } from '../../types/api/member';

/** What the openapi calls we use look like (real `cloud.openapi` and the emulator's recorder). */
export interface OpenApi {
  subscribeMessage: { send(options: Record<string, unknown>): Promise<unknown> };
  wxacode: {
    getUnlimited(options: {
      scene: string;
      page?: string;
      width?: number;
      /** false: the page need not be in a released version yet (a poster made before the first release). */
      checkPath?: boolean;
      /** Which version the code opens: release / trial / develop. */
      envVersion?: 'release' | 'trial' | 'develop';
    }): Promise<{ contentType?: string; buffer: Buffer | Uint8Array }>;
  };
}

/**
 * Cloud storage as handlers use it: the real `cloud.getTempFileURL` / `cloud.deleteFile` (or the
 * emulator's). A missing file is a per-file `status` other than 0, not a throw.
 */
export interface CloudFiles {
  getTempFileURL(param: { fileList: string[] }): Promise<{
    fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg?: string }>;
  }>;
  deleteFile(param: {
    fileList: string[];
  }): Promise<{ fileList: Array<{ fileID: string; status: number; errMsg?: string }> }>;
}

/** Everything a handler may touch; nothing else (no globals), so handlers run the same in tests. */
export interface Ctx {
  /** The caller, from the call context (getWXContext), never from the payload. '' when unknown. */
  openid: string;
  db: Database;
  /** Epoch ms; tests move it. */
  now(): number;
  openapi: OpenApi;
  /** The function's cloud storage (photos uploaded by the app). */
  files: CloudFiles;
  /** The function's environment: secrets such as QR token keys, template ids. */
  env: Record<string, string | undefined>;
}

/** The `users` document, keyed by OPENID. */
export interface UserDoc {
  _id: string;
  roles: Role[];
  scopes: Scope[];
  profile?: ProfileInput;
  membership: Membership;
  /** Keyed hash of the identity number, when a flow collected one. */
  idHash?: string;
  createdAt: number;
  updatedAt: number;
  /**
   * Set by the router (never stored) when `roles` holds an `admin` that only a domain admin role
   * gives inside this function: write back `storedRoles(user)`, never `roles`.
   */
  elevated?: true;
}

/** The roles as stored in the database (without the `admin` a domain admin gains inside its function). */
export function storedRoles(user: UserDoc): Role[] {
  return user.elevated ? user.roles.filter((r) => r !== 'admin') : user.roles;
}

/** The handler's view: the caller's user record is loaded once by the router. */
export interface ActionCtx extends Ctx {
  fn: string;
  action: string;
  /** null when the caller has never registered. */
  user: UserDoc | null;
  requestId?: string;
}
