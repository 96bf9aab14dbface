/** Loads an .mjs helper of scripts/lib at run time (a native import, kept out of the CJS bundle). */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const nativeImport = new Function('url', 'return import(url)') as (url: string) => Promise<any>;

export function importScript(root: string, rel: string): Promise<any> {
  return nativeImport(pathToFileURL(path.join(root, rel)).href);
}
