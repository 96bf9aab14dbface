/**
 * The deploy as a plan: read what the environment has (through DeployClient), compare it with what
 * the code and deploy.config.json declare, list the changes, then apply them in order. Everything is
 * checked before the first write (config, keys), so a misconfiguration changes nothing; every change
 * is idempotent, so a second run finds nothing to do and says so, and a run cut short is finished by
 * the next one.
 */
import { configProblems, functionSettings, type DeployConfig } from '../../cloud/lib/deploy-config';
import { indexName, type IndexSpec } from '../../cloud/lib/indexes';
import { currentQrKeyVersion, ID_HASH_FUNCTIONS, isSecretName, QR_FUNCTIONS } from '../../cloud/lib/secrets';
import type { DeployClient, FunctionState, TriggerSpec, WeappUploader } from './client';

export interface BuiltFunction {
  name: string;
  dir: string;
  /** sha256 of the built folder: the code changed when it differs from the deployed BUNDLE_SHA256. */
  sha256: string;
  triggers: TriggerSpec[];
}

export interface WeappRelease {
  version: string;
  desc: string;
  /** Identifies the source uploaded (version + source tree); recorded on the portal function. */
  fingerprint: string;
}

export interface DeployInputs {
  config: DeployConfig;
  functions: BuiltFunction[];
  collections: Record<string, IndexSpec[]>;
  /** null: leave the weapp alone. */
  weapp: WeappRelease | null;
  initKeys?: boolean;
  rotateQrKey?: boolean;
  /** New secret values (32 random bytes, base64); injected so tests are deterministic. */
  newSecret: () => string;
}

export type Change =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'setPermission'; collection: string; from: string | undefined }
  | { kind: 'createIndex'; collection: string; name: string; spec: IndexSpec }
  | {
      kind: 'createFunction';
      fn: BuiltFunction;
      settings: Omit<FunctionState, 'name' | 'triggers'>;
      secretsCreated: string[];
    }
  | { kind: 'updateCode'; fn: BuiltFunction }
  | {
      kind: 'updateConfig';
      name: string;
      settings: Omit<FunctionState, 'name' | 'triggers' | 'runtime'>;
      diff: string[];
    }
  | { kind: 'createTrigger'; name: string; trigger: TriggerSpec }
  | { kind: 'deleteTrigger'; name: string; trigger: TriggerSpec }
  | { kind: 'uploadWeapp'; release: WeappRelease };

export interface Plan {
  changes: Change[];
  /** Things seen and left alone (an undeclared index, a runtime that cannot change in place). */
  notes: string[];
}

/** A refusal before anything was written: every reason, in words a deployer acts on. */
export class DeployError extends Error {
  constructor(readonly problems: string[]) {
    super(`Nothing was changed:\n  - ${problems.join('\n  - ')}`);
    this.name = 'DeployError';
  }
}

/** Env variable the deploy keeps on each function: the sha256 of the code it uploaded. */
export const BUNDLE_SHA = 'BUNDLE_SHA256';
/** Env variable on the portal function: the weapp version and source last uploaded. */
export const WEAPP_MARK = 'WEAPP_UPLOADED';
const MARK_FUNCTION = 'portal';

function sameTrigger(a: TriggerSpec, b: TriggerSpec): boolean {
  return a.name === b.name && a.type === b.type && a.config.trim() === b.config.trim();
}

/** The secrets every function holds today, checked to agree (the same key on every function). */
function existingSecrets(functions: Array<FunctionState | null>): {
  known: Record<string, string>;
  problems: string[];
} {
  const seen: Record<string, Map<string, string[]>> = {};
  for (const f of functions) {
    if (!f) continue;
    for (const [k, v] of Object.entries(f.env)) {
      if (!isSecretName(k) && k !== 'QR_TOKEN_KEY_VERSION') continue;
      (seen[k] ??= new Map()).set(v, [...(seen[k].get(v) ?? []), f.name]);
    }
  }
  const known: Record<string, string> = {};
  const problems: string[] = [];
  for (const [k, values] of Object.entries(seen)) {
    if (values.size > 1)
      problems.push(
        `${k} differs between functions (${[...values.values()].map((names) => names.join('+')).join(' vs ')}): set one value on all of them in 云开发控制台 before deploying`,
      );
    else known[k] = [...values.keys()][0];
  }
  return { known, problems };
}

/** Reads the environment and works out the changes; throws DeployError (having written nothing) when it cannot. */
export async function makePlan(client: DeployClient, inputs: DeployInputs): Promise<Plan> {
  const { config } = inputs;
  const problems = configProblems(
    config,
    inputs.functions.map((f) => f.name),
  );
  if (problems.length) throw new DeployError(problems);

  const existingCollections = new Set(await client.listCollections());
  const deployed = new Map<string, FunctionState | null>();
  for (const f of inputs.functions) deployed.set(f.name, await client.getFunction(f.name));

  // Keys: found on the functions (and the same everywhere), created once by --init-keys, never overwritten.
  const { known, problems: keyProblems } = existingSecrets([...deployed.values()]);
  // Keys that disagree are settled by hand first: nothing below may pick one.
  if (keyProblems.length) throw new DeployError(keyProblems);
  const secrets = { ...known };
  const created: string[] = [];
  const hasAnyKey = Object.keys(known).some(isSecretName);
  if (inputs.initKeys && inputs.rotateQrKey) keyProblems.push('--init-keys and --rotate-qr-key are separate runs');
  if (inputs.initKeys) {
    if (hasAnyKey)
      keyProblems.push(
        `--init-keys refuses to overwrite keys this environment already has (${Object.keys(known).filter(isSecretName).sort().join(', ')}); rotate the QR key with --rotate-qr-key, never the ID-hash key`,
      );
    else {
      secrets.QR_TOKEN_KEY_1 = inputs.newSecret();
      secrets.QR_TOKEN_KEY_VERSION = '1';
      secrets.ID_HASH_KEY = inputs.newSecret();
      created.push('QR_TOKEN_KEY_1', 'ID_HASH_KEY');
    }
  } else if (inputs.rotateQrKey) {
    const v = currentQrKeyVersion(known);
    if (!known[`QR_TOKEN_KEY_${v}`])
      keyProblems.push('--rotate-qr-key: this environment has no QR key yet; run --init-keys first');
    else {
      const next = v + 1;
      secrets[`QR_TOKEN_KEY_${next}`] = inputs.newSecret();
      secrets.QR_TOKEN_KEY_VERSION = String(next);
      created.push(`QR_TOKEN_KEY_${next}`);
    }
  } else {
    const v = currentQrKeyVersion(known);
    const missing = [`QR_TOKEN_KEY_${v}`, 'ID_HASH_KEY'].filter((k) => !known[k]);
    if (missing.length)
      keyProblems.push(
        hasAnyKey
          ? `${missing.join(' and ')} missing from every function; restore it from your records (a new ID_HASH_KEY would orphan every stored hash)`
          : `this environment has no keys (${missing.join(', ')}): the first deploy is \`npm run deploy -- --init-keys\``,
      );
  }
  if (keyProblems.length) throw new DeployError(keyProblems);

  const changes: Change[] = [];
  const notes: string[] = [];

  // Collections: server-only permission and their indexes.
  const existingList = Object.keys(inputs.collections).filter((c) => existingCollections.has(c));
  const permissions = existingList.length ? await client.getPermissions(existingList) : {};
  for (const [collection, specs] of Object.entries(inputs.collections)) {
    const exists = existingCollections.has(collection);
    if (!exists) changes.push({ kind: 'createCollection', collection });
    if (!exists || permissions[collection] !== 'ADMINONLY')
      changes.push({ kind: 'setPermission', collection, from: exists ? permissions[collection] : undefined });
    const have = new Set(exists ? (await client.listIndexes(collection)).map((i) => i.name) : []);
    const want = new Set(specs.map(indexName));
    for (const spec of specs)
      if (!have.has(indexName(spec))) changes.push({ kind: 'createIndex', collection, name: indexName(spec), spec });
    for (const name of have)
      if (name !== '_id_' && !want.has(name))
        notes.push(`index ${collection}.${name} is not declared in cloud/lib/indexes.ts: left in place`);
  }

  // Functions: code (by hash), settings, env variables (keys kept, never printed), timer triggers.
  for (const fn of inputs.functions) {
    const s = functionSettings(config, fn.name);
    const current = deployed.get(fn.name) ?? null;
    const env: Record<string, string> = { ...(current?.env ?? {}) };
    env.NODE_ENV = 'production';
    env[BUNDLE_SHA] = fn.sha256;
    if (QR_FUNCTIONS.includes(fn.name))
      for (const [k, v] of Object.entries(secrets)) if (k.startsWith('QR_TOKEN_KEY')) env[k] = v;
    if (ID_HASH_FUNCTIONS.includes(fn.name) && secrets.ID_HASH_KEY) env.ID_HASH_KEY = secrets.ID_HASH_KEY;
    if (fn.name === MARK_FUNCTION && inputs.weapp && current?.env[WEAPP_MARK] !== inputs.weapp.fingerprint)
      env[WEAPP_MARK] = inputs.weapp.fingerprint;

    if (!current) {
      changes.push({
        kind: 'createFunction',
        fn,
        settings: { timeout: s.timeout, memory: s.memory, runtime: s.runtime, env },
        secretsCreated: Object.keys(env).filter((k) => created.includes(k)),
      });
      continue;
    }
    if (current.env[BUNDLE_SHA] !== fn.sha256) changes.push({ kind: 'updateCode', fn });
    const diff: string[] = [];
    if (current.timeout !== s.timeout) diff.push(`timeout ${current.timeout} → ${s.timeout} s`);
    if (current.memory !== s.memory) diff.push(`memory ${current.memory} → ${s.memory} MB`);
    for (const k of Object.keys(env).sort()) {
      if (current.env[k] === env[k]) continue;
      if (isSecretName(k))
        diff.push(`${k} (${created.includes(k) ? 'new secret' : 'copied from the other functions'})`);
      else if (k === BUNDLE_SHA) diff.push(`${k} → ${env[k].slice(0, 12)}`);
      else diff.push(`${k}=${env[k]}`);
    }
    if (diff.length)
      changes.push({
        kind: 'updateConfig',
        name: fn.name,
        settings: { timeout: s.timeout, memory: s.memory, env },
        diff,
      });
    if (current.runtime && current.runtime !== s.runtime)
      notes.push(
        `function ${fn.name} runs ${current.runtime}, config says ${s.runtime}: a runtime cannot change in place (delete and redeploy the function)`,
      );
    for (const t of current.triggers)
      if (!fn.triggers.some((w) => sameTrigger(w, t)))
        changes.push({ kind: 'deleteTrigger', name: fn.name, trigger: t });
    for (const t of fn.triggers)
      if (!current.triggers.some((h) => sameTrigger(h, t)))
        changes.push({ kind: 'createTrigger', name: fn.name, trigger: t });
  }

  const mark = deployed.get(MARK_FUNCTION)?.env[WEAPP_MARK];
  if (inputs.weapp && mark !== inputs.weapp.fingerprint) {
    // Uploaded before the portal records it (updateConfig / createFunction above carry the new mark):
    // move the upload ahead of the function that records it.
    const at = changes.findIndex(
      (c) =>
        (c.kind === 'createFunction' && c.fn.name === MARK_FUNCTION) ||
        (c.kind === 'updateConfig' && c.name === MARK_FUNCTION),
    );
    changes.splice(at < 0 ? changes.length : at, 0, { kind: 'uploadWeapp', release: inputs.weapp });
  }
  return { changes, notes };
}

/** One line per change, as the dry run and the deploy print them (secret values never appear). */
export function describe(change: Change): string {
  switch (change.kind) {
    case 'createCollection':
      return `+ collection ${change.collection}`;
    case 'setPermission':
      return `~ permission ${change.collection}: ${change.from ?? '(new)'} → ADMINONLY (仅管理端可读写)`;
    case 'createIndex':
      return `+ index ${change.collection}.${change.name} (${change.spec.fields.map(([f, d]) => `${f} ${d === 1 ? 'asc' : 'desc'}`).join(', ')})${change.spec.unique ? ' unique' : ''}`;
    case 'createFunction': {
      const s = change.settings;
      const vars = Object.keys(s.env)
        .sort()
        .map((k) =>
          isSecretName(k)
            ? `${k} (${change.secretsCreated.includes(k) ? 'new secret' : 'copied from the other functions'})`
            : k === BUNDLE_SHA
              ? `${k}=${s.env[k].slice(0, 12)}`
              : `${k}=${s.env[k]}`,
        );
      return `+ function ${change.fn.name}: ${s.runtime}, timeout ${s.timeout} s, memory ${s.memory} MB, env ${vars.join(', ')}${change.fn.triggers.length ? `, triggers ${change.fn.triggers.map((t) => `${t.name} (${t.config})`).join(', ')}` : ''}`;
    }
    case 'updateCode':
      return `~ function ${change.fn.name}: upload code ${change.fn.sha256.slice(0, 12)}`;
    case 'updateConfig':
      return `~ function ${change.name}: ${change.diff.join(', ')}`;
    case 'createTrigger':
      return `+ trigger ${change.name}.${change.trigger.name} (${change.trigger.type} ${change.trigger.config})`;
    case 'deleteTrigger':
      return `- trigger ${change.name}.${change.trigger.name} (${change.trigger.type} ${change.trigger.config})`;
    case 'uploadWeapp':
      return `^ weapp upload ${change.release.version}: ${change.release.desc}`;
  }
}

/** Applies the changes in order; each is idempotent, so a run cut short is completed by the next one. */
export async function applyPlan(
  client: DeployClient,
  plan: Plan,
  weapp: WeappUploader | null,
  log: (line: string) => void = () => {},
): Promise<void> {
  for (const change of plan.changes) {
    log(describe(change));
    switch (change.kind) {
      case 'createCollection':
        await client.createCollection(change.collection);
        break;
      case 'setPermission':
        await client.setPermission(change.collection, 'ADMINONLY');
        break;
      case 'createIndex':
        await client.createIndex(change.collection, change.name, change.spec);
        break;
      case 'createFunction':
        await client.createFunction({ name: change.fn.name, dir: change.fn.dir }, change.settings, change.fn.triggers);
        break;
      case 'updateCode':
        await client.updateFunctionCode({ name: change.fn.name, dir: change.fn.dir });
        break;
      case 'updateConfig':
        await client.updateFunctionConfig(change.name, change.settings);
        break;
      case 'createTrigger':
        await client.createTrigger(change.name, change.trigger);
        break;
      case 'deleteTrigger':
        await client.deleteTrigger(change.name, change.trigger.name);
        break;
      case 'uploadWeapp':
        if (!weapp) throw new Error('the plan uploads the weapp but no uploader was given');
        await weapp.upload({ version: change.release.version, desc: change.release.desc });
        break;
    }
  }
}

/** The whole deploy: plan, then apply unless dry; answers the plan (empty changes: nothing to do). */
export async function deploy(
  client: DeployClient,
  inputs: DeployInputs,
  options: { dryRun: boolean; weapp: WeappUploader | null; log?: (line: string) => void },
): Promise<Plan> {
  const plan = await makePlan(client, inputs);
  const log = options.log ?? (() => {});
  for (const note of plan.notes) log(`! ${note}`);
  if (!plan.changes.length) {
    log('No changes: the environment already matches the code and deploy.config.json.');
    return plan;
  }
  if (options.dryRun) {
    for (const c of plan.changes) log(describe(c));
    log(`${plan.changes.length} changes planned (dry run: nothing was changed).`);
    return plan;
  }
  await applyPlan(client, plan, options.weapp, log);
  log(`${plan.changes.length} changes applied.`);
  return plan;
}
