/**
 * What the deploy needs from a CloudBase environment, as a narrow interface: the real one wraps
 * @cloudbase/manager-node (cloudbase-client.ts); the tests use a recorded in-memory environment
 * (test/cloud/deploy/fake-env.ts). The plan logic (plan.ts) talks only to this.
 */
import type { IndexSpec } from '../../cloud/lib/indexes';

export interface TriggerSpec {
  name: string;
  /** 'timer' */
  type: string;
  /** Cron, 7 fields, seconds first. */
  config: string;
}

export interface FunctionState {
  name: string;
  timeout: number;
  memory: number;
  runtime: string;
  env: Record<string, string>;
  triggers: TriggerSpec[];
}

export interface FunctionCode {
  name: string;
  /** The built folder (cloudfunctions/<name>) with index.js, package.json, config.json. */
  dir: string;
}

export interface DeployClient {
  listCollections(): Promise<string[]>;
  createCollection(name: string): Promise<void>;
  /** 'ADMINONLY' is 「仅管理端可读写」; undefined when unknown. */
  getPermissions(collections: string[]): Promise<Record<string, string | undefined>>;
  setPermission(collection: string, permission: 'ADMINONLY'): Promise<void>;
  listIndexes(collection: string): Promise<Array<{ name: string }>>;
  createIndex(collection: string, name: string, spec: IndexSpec): Promise<void>;
  /** null when the function does not exist. */
  getFunction(name: string): Promise<FunctionState | null>;
  createFunction(
    code: FunctionCode,
    settings: Omit<FunctionState, 'name' | 'triggers'>,
    triggers: TriggerSpec[],
  ): Promise<void>;
  updateFunctionCode(code: FunctionCode): Promise<void>;
  /** Replaces the function's whole env variable list with `env` (CloudBase has no partial update). */
  updateFunctionConfig(name: string, settings: Omit<FunctionState, 'name' | 'triggers' | 'runtime'>): Promise<void>;
  createTrigger(name: string, trigger: TriggerSpec): Promise<void>;
  deleteTrigger(name: string, triggerName: string): Promise<void>;
}

/** miniprogram-ci's upload, narrowed (weapp.ts). */
export interface WeappUploader {
  upload(options: { version: string; desc: string }): Promise<void>;
}
