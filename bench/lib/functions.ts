/**
 * Every cloud function of the registry with its action definitions, found at run time: the names
 * come from cloud/functions/registry.ts, the definitions from cloud/domain/<name>/index.ts (the
 * export named `<name>Actions`). A domain that lands later is covered without editing this file.
 */
import type { ActionDef, Access } from '../../cloud/lib/router';
import { functions } from '../../cloud/functions/registry';

export interface FunctionDefs {
  fn: string;
  defs: Record<string, ActionDef<unknown, unknown>>;
}

function isActionDefs(v: unknown): v is Record<string, ActionDef<unknown, unknown>> {
  if (!v || typeof v !== 'object') return false;
  return Object.values(v).every(
    (d: any) => d && typeof d.handler === 'function' && typeof d.input?.parse === 'function' && d.access !== undefined,
  );
}

function loadDomain(fn: string): Record<string, unknown> {
  // A template-literal require: jest resolves it at run time, esbuild bundles every domain index.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`../../cloud/domain/${fn}/index.ts`);
}

export function loadFunctions(): FunctionDefs[] {
  return Object.keys(functions)
    .sort()
    .map((fn) => {
      const mod = loadDomain(fn);
      const defs = mod[`${fn}Actions`] ?? Object.values(mod).find(isActionDefs);
      if (!isActionDefs(defs)) throw new Error(`cloud/domain/${fn}/index.ts exports no ${fn}Actions`);
      return { fn, defs };
    });
}

export function accessText(access: Access): string {
  return typeof access === 'string' ? access : access.join('|');
}

/** True when only admins may call it (the matrix asserts everyone else is FORBIDDEN). */
export function adminOnly(access: Access): boolean {
  return typeof access !== 'string' && access.length > 0 && access.every((r) => r === 'admin');
}
