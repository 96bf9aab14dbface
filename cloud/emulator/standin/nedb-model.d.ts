// Typings for the part of @seald-io/nedb's model module the stand-in uses (matching, modifying,
// comparing documents the way nedb's Datastore does; the package types only its Datastore).
declare module '@seald-io/nedb/lib/model.js' {
  export function match(doc: unknown, query: unknown): boolean;
  export function modify<T>(doc: T, update: unknown): T;
  export function compareThings(a: unknown, b: unknown): number;
  export function getDotValue(doc: unknown, field: string): any;
  export function deepCopy<T>(obj: T): T;
  export function checkObject(obj: unknown): void;
}
