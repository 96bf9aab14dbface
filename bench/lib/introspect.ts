/**
 * Makes the contract's schemas describable: wraps every `s.*` builder so the schema it returns
 * carries `meta` (which builder, its options, inner schemas). The fuzzer and the authorization
 * matrix derive valid and invalid payloads from it. Import this module BEFORE anything that builds
 * schemas (the contract files run `s.*` at load time); schemas built earlier simply have no meta
 * and are probed instead (see values.ts).
 */
import { s, type Schema } from '../../types/schema';

export type SchemaMeta =
  | {
      kind: 'string' | 'phone' | 'date' | 'timestamp' | 'id' | 'idNumber' | 'int' | 'boolean';
      opts: Record<string, any>;
    }
  | { kind: 'literal'; value: unknown; opts: Record<string, any> }
  | { kind: 'oneOf'; values: readonly string[]; opts: Record<string, any> }
  | { kind: 'array'; item: Schema<unknown>; opts: Record<string, any> }
  | { kind: 'object'; shape: Record<string, Schema<unknown>>; opts: Record<string, any> }
  | { kind: 'optional'; inner: Schema<unknown>; opts: Record<string, any> };

const META = Symbol.for('bench.schemaMeta');

export function metaOf(schema: Schema<unknown>): SchemaMeta | undefined {
  return (schema as any)[META];
}

type Builder = (...args: any[]) => Schema<unknown>;
const table = s as unknown as Record<string, Builder>;

function describe(kind: string, args: any[]): SchemaMeta {
  switch (kind) {
    case 'literal':
      return { kind, value: args[0], opts: args[1] ?? {} };
    case 'oneOf':
      return { kind, values: args[0], opts: args[1] ?? {} };
    case 'array':
      return { kind, item: args[0], opts: args[1] ?? {} };
    case 'object':
      return { kind, shape: args[0], opts: args[1] ?? {} };
    case 'optional':
      return { kind, inner: args[0], opts: {} };
    default:
      return { kind: kind as 'string', opts: args[0] ?? {} };
  }
}

if (!(table as any)[META]) {
  (table as any)[META] = true;
  for (const kind of Object.keys(table)) {
    const original = table[kind];
    if (typeof original !== 'function') continue;
    table[kind] = (...args: any[]) => {
      const schema = original(...args);
      Object.defineProperty(schema, META, { value: describe(kind, args), enumerable: false });
      return schema;
    };
  }
}

export const introspectionInstalled = true;
