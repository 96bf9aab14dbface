/**
 * DeployClient over Tencent's own management SDK, @cloudbase/manager-node, with the CloudBase API key
 * (SecretId / SecretKey) of an account that administers the environment. Functions (code, settings,
 * env variables, timer triggers), collections, their permission and indexes all go through it.
 */
import type { IndexSpec } from '../../cloud/lib/indexes';
import type { DeployClient, FunctionCode, FunctionState, TriggerSpec } from './client';

// Loaded when a real deploy runs (not by the tests or the dry run, which never touch the network).
type Manager = any;

const NOT_FOUND = /ResourceNotFound|not ?exist|不存在/i;

export async function cloudbaseClient(options: {
  envId: string;
  region: string;
  secretId: string;
  secretKey: string;
  /** The folder holding the built functions (cloudfunctions/). */
  functionRoot: string;
}): Promise<DeployClient> {
  const { default: CloudBase } = (await import('@cloudbase/manager-node')) as { default: any };
  const app: Manager = new CloudBase({
    secretId: options.secretId,
    secretKey: options.secretKey,
    envId: options.envId,
    region: options.region,
  });
  const { database, functions, permission } = app;

  return {
    async listCollections() {
      const names: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const res = await database.listCollections({ MgoOffset: offset, MgoLimit: 100 });
        names.push(...(res.Collections ?? []).map((c: { CollectionName: string }) => c.CollectionName));
        if ((res.Collections ?? []).length < 100) return names;
      }
    },
    async createCollection(name) {
      await database.createCollectionIfNotExists(name);
    },
    async getPermissions(collections) {
      const res = await permission.describeResourcePermission({ resourceType: 'collection', resources: collections });
      const out: Record<string, string | undefined> = {};
      for (const p of res.PermissionList ?? []) if (p.Resource) out[p.Resource] = p.Permission;
      return out;
    },
    async setPermission(collection, level) {
      await permission.modifyResourcePermission({
        resourceType: 'collection',
        resource: collection,
        permission: level,
      });
    },
    async listIndexes(collection) {
      const res = await database.describeCollection(collection);
      return (res.Indexes ?? []).map((i: { Name: string }) => ({ name: i.Name }));
    },
    async createIndex(collection: string, name: string, spec: IndexSpec) {
      await database.updateCollection(collection, {
        CreateIndexes: [
          {
            IndexName: name,
            MgoKeySchema: {
              MgoIndexKeys: spec.fields.map(([field, dir]) => ({ Name: field, Direction: String(dir) })),
              MgoIsUnique: !!spec.unique,
            },
          },
        ],
      });
    },
    async getFunction(name): Promise<FunctionState | null> {
      let info: any;
      try {
        info = await functions.getFunctionDetail(name);
      } catch (e) {
        if (
          NOT_FOUND.test(String((e as Error)?.message ?? e)) ||
          (e as { code?: string }).code === 'ResourceNotFound.Function'
        )
          return null;
        throw e;
      }
      return {
        name,
        timeout: Number(info.Timeout),
        memory: Number(info.MemorySize),
        runtime: String(info.Runtime ?? ''),
        env: Object.fromEntries(
          (info.Environment?.Variables ?? []).map((v: { Key: string; Value: string }) => [v.Key, v.Value]),
        ),
        triggers: (info.Triggers ?? []).map((t: { TriggerName: string; Type: string; TriggerDesc: string }) => ({
          name: t.TriggerName,
          type: t.Type,
          config: t.TriggerDesc,
        })),
      };
    },
    async createFunction(code: FunctionCode, settings, triggers: TriggerSpec[]) {
      await functions.createFunction({
        func: {
          name: code.name,
          handler: 'index.main',
          timeout: settings.timeout,
          memorySize: settings.memory,
          runtime: settings.runtime,
          envVariables: settings.env,
          installDependency: true,
          triggers,
        },
        functionRootPath: options.functionRoot,
        force: false,
      });
      await functions.waitFunctionActive?.(code.name);
    },
    async updateFunctionCode(code) {
      await functions.updateFunctionCode({
        func: { name: code.name, installDependency: true },
        functionRootPath: options.functionRoot,
      });
      await functions.waitFunctionActive?.(code.name);
    },
    async updateFunctionConfig(name, settings) {
      await functions.updateFunctionConfig({
        name,
        timeout: settings.timeout,
        memorySize: settings.memory,
        envVariables: settings.env,
      });
      await functions.waitFunctionActive?.(name);
    },
    async createTrigger(name, trigger) {
      await functions.createFunctionTriggers(name, [trigger]);
    },
    async deleteTrigger(name, triggerName) {
      await functions.deleteFunctionTrigger(name, triggerName);
    },
  };
}
