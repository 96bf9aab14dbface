/**
 * `npm run emulator` (bundled by scripts/emulator.mjs): the local WeChat Cloud stand-in.
 * Serves the cloud functions on 127.0.0.1:EMULATOR_PORT (default 9870), running on the REAL
 * wx-server-sdk, which the same server answers as the CloudBase stand-in (cloud/emulator/standin).
 * The stand-in keeps its data in EMULATOR_DATA_DIR (default .emulator-data/, environment `local`),
 * seeded through the SDK when empty or with --reset.
 * `--empty` starts from an empty database instead (no seed: the first day of a real union) and prints
 * the one-time setup code that makes its first super admin; every later start without a super admin
 * prints a fresh one (only the code's hash is stored, so the old one cannot be shown again).
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import cloud from 'wx-server-sdk';
import { ensureSetupCode } from '../domain/admin';
import { SETUP } from '../domain/admin/model';
import type { Ctx } from '../lib/context';
import type { Database } from '../lib/db';
import { functions } from '../functions/registry';
import { personas, seed } from '../seed';
import { createEmulatorServer } from './server';

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const port = Number(process.env.EMULATOR_PORT || 9870);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`EMULATOR_PORT is not a port: ${process.env.EMULATOR_PORT}`);
  const dataDir = resolve(process.env.EMULATOR_DATA_DIR || '.emulator-data');
  const reset = argv.includes('--reset');
  const startEmpty = argv.includes('--empty');

  if (reset || startEmpty) rmSync(dataDir, { recursive: true, force: true });
  // Listening first: the SDK that seeds the data talks to this server.
  const emu = await createEmulatorServer({ functions, port, dataDir, personas: async () => personas });
  // First init wins (createMain's own init is then a no-op): on a busy development machine the
  // stand-in may take longer than node-sdk's 15 s request timeout under a storm.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string, timeout: 60_000 } as Parameters<
    typeof cloud.init
  >[0]);
  const db = cloud.database() as unknown as Database;
  // A database started --empty has its setup record from the first start: never seed over it.
  const empty = (await db.collection('users').count()).total === 0 && (await db.collection(SETUP).count()).total === 0;
  if (startEmpty) {
    console.log(`Started an empty emulator database in ${dataDir} (no seed data)`);
  } else if (reset || empty) {
    await seed(db, Date.now());
    await emu.standIn.flush();
    console.log(`Seeded the emulator database in ${dataDir}`);
  } else {
    console.log(`Using the emulator database in ${dataDir} (npm run emulator -- --reset to reseed)`);
  }
  // No super admin yet: a fresh one-time code (SETUP_CODE from the environment works as well).
  const code = await ensureSetupCode({ openid: '', db, now: () => Date.now(), env: process.env } as unknown as Ctx, {
    rotate: true,
  });
  if (code) {
    console.log(`超级管理员设置码: ${code}`);
    await emu.standIn.flush();
  }
  console.log(`Emulator ready at ${emu.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nEmulator stopping (${signal}), writing data to disk...`);
    emu.close().then(
      () => process.exit(0),
      (e) => {
        console.error('Emulator failed to close cleanly:', e);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
