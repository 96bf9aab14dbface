/**
 * The storm's emulator, in its own process (forked by bench/storm/claim-storm.ts so the client and
 * the server each have a core): the registry's functions on the REAL wx-server-sdk, answered by the
 * emulator's in-memory stand-in of CloudBase, seeded with the personas, the 驿站 and the storm
 * members, on a loopback port. Over IPC it answers `dump` (every document of a collection) so the
 * bench can reconcile what the HTTP answers claimed.
 */
import cloud from 'wx-server-sdk';
import type { Database } from '../../cloud/lib/db';
import { createEmulatorServer, LOCAL_ENV } from '../../cloud/emulator/server';
import { functions } from '../../cloud/functions/registry';
import { seedBase } from '../../cloud/seed';
import { addStormUsers } from './people';

export async function main(): Promise<number> {
  const members = Number(process.env.STORM_MEMBERS ?? 5000);
  const server = await createEmulatorServer({ functions, port: 0 });
  // First init wins (createMain's own init is then a no-op): on a busy development machine the
  // stand-in may take longer than node-sdk's 15 s request timeout under a storm.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string, timeout: 60_000 } as Parameters<
    typeof cloud.init
  >[0]);
  const db = cloud.database() as unknown as Database;
  const now = Date.now();
  await seedBase(db, now);
  await addStormUsers(db, members, now);
  const store = server.standIn.env(LOCAL_ENV).db;
  process.on('message', (msg: any) => {
    if (msg?.type === 'dump') {
      const docs = store.stores.get(msg.collection)?.getAllData() ?? [];
      process.send!({ type: 'dump', id: msg.id, docs });
    }
    if (msg?.type === 'stop') void server.close().then(() => process.exit(0));
  });
  process.send!({ type: 'ready', url: server.url });
  return new Promise(() => {});
}

if (process.env.STORM_AUTORUN === '1') void main();
