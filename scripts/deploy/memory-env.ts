/**
 * A CloudBase environment in memory that records every call: what `--dry-run` plans against (an
 * empty environment, no network), and what the deploy tests run against (from empty, deployed,
 * misconfigured). It behaves as the real one does where the plan relies on it: env variables are
 * replaced whole by a config update, a trigger name is unique per function, a collection's indexes
 * are listed with the built-in `_id_`.
 */
import type { IndexSpec } from '../../cloud/lib/indexes';
import type { DeployClient, FunctionCode, FunctionState, TriggerSpec, WeappUploader } from './client';

export interface MemoryState {
  collections: Record<string, { permission?: string; indexes: Record<string, IndexSpec | null> }>;
  functions: Record<string, FunctionState & { codeFrom?: string }>;
  uploads: Array<{ version: string; desc: string }>;
}

export interface RecordedCall {
  method: string;
  args: unknown[];
}

const WRITES = new Set([
  'createCollection',
  'setPermission',
  'createIndex',
  'createFunction',
  'updateFunctionCode',
  'updateFunctionConfig',
  'createTrigger',
  'deleteTrigger',
  'upload',
]);

export class MemoryEnv implements DeployClient, WeappUploader {
  readonly calls: RecordedCall[] = [];
  state: MemoryState;

  constructor(state?: MemoryState) {
    this.state = state ? structuredClone(state) : { collections: {}, functions: {}, uploads: [] };
  }

  /** The calls that changed something. */
  writes(): RecordedCall[] {
    return this.calls.filter((c) => WRITES.has(c.method));
  }

  private log(method: string, ...args: unknown[]) {
    this.calls.push({ method, args: structuredClone(args) });
  }

  async listCollections() {
    this.log('listCollections');
    return Object.keys(this.state.collections);
  }
  async createCollection(name: string) {
    this.log('createCollection', name);
    this.state.collections[name] ??= { indexes: { _id_: null } };
  }
  async getPermissions(collections: string[]) {
    this.log('getPermissions', collections);
    return Object.fromEntries(collections.map((c) => [c, this.state.collections[c]?.permission]));
  }
  async setPermission(collection: string, permission: 'ADMINONLY') {
    this.log('setPermission', collection, permission);
    const c = this.state.collections[collection];
    if (!c) throw new Error(`collection ${collection} does not exist`);
    c.permission = permission;
  }
  async listIndexes(collection: string) {
    this.log('listIndexes', collection);
    return Object.keys(this.state.collections[collection]?.indexes ?? {}).map((name) => ({ name }));
  }
  async createIndex(collection: string, name: string, spec: IndexSpec) {
    this.log('createIndex', collection, name, spec);
    const c = this.state.collections[collection];
    if (!c) throw new Error(`collection ${collection} does not exist`);
    if (name in c.indexes) throw new Error(`index ${name} exists`);
    c.indexes[name] = spec;
  }
  async getFunction(name: string) {
    this.log('getFunction', name);
    const f = this.state.functions[name];
    if (!f) return null;
    const { codeFrom: _code, ...rest } = structuredClone(f);
    return rest;
  }
  async createFunction(
    code: FunctionCode,
    settings: Omit<FunctionState, 'name' | 'triggers'>,
    triggers: TriggerSpec[],
  ) {
    this.log('createFunction', code, settings, triggers);
    if (this.state.functions[code.name]) throw new Error(`function ${code.name} exists`);
    this.state.functions[code.name] = {
      name: code.name,
      ...structuredClone(settings),
      triggers: structuredClone(triggers),
      codeFrom: code.dir,
    };
  }
  async updateFunctionCode(code: FunctionCode) {
    this.log('updateFunctionCode', code);
    const f = this.state.functions[code.name];
    if (!f) throw new Error(`function ${code.name} does not exist`);
    f.codeFrom = code.dir;
  }
  async updateFunctionConfig(name: string, settings: Omit<FunctionState, 'name' | 'triggers' | 'runtime'>) {
    this.log('updateFunctionConfig', name, settings);
    const f = this.state.functions[name];
    if (!f) throw new Error(`function ${name} does not exist`);
    f.timeout = settings.timeout;
    f.memory = settings.memory;
    f.env = { ...settings.env };
  }
  async createTrigger(name: string, trigger: TriggerSpec) {
    this.log('createTrigger', name, trigger);
    const f = this.state.functions[name];
    if (!f) throw new Error(`function ${name} does not exist`);
    if (f.triggers.some((t) => t.name === trigger.name)) throw new Error(`trigger ${trigger.name} exists`);
    f.triggers.push({ ...trigger });
  }
  async deleteTrigger(name: string, triggerName: string) {
    this.log('deleteTrigger', name, triggerName);
    const f = this.state.functions[name];
    if (f) f.triggers = f.triggers.filter((t) => t.name !== triggerName);
  }
  async upload(options: { version: string; desc: string }) {
    this.log('upload', options);
    this.state.uploads.push({ ...options });
  }
}
