/**
 * `npm run emulator` (bundled by scripts/emulator.mjs): the local WeChat Cloud stand-in.
 * Stores data in EMULATOR_DATA_DIR (default .emulator-data/), seeds it when empty or with --reset,
 * and serves the cloud functions on 127.0.0.1:EMULATOR_PORT (default 9870).
 * `--empty` starts from an empty database instead (no seed: the first day of a real union) and prints
 * the one-time setup code that makes its first super admin; every later start without a super admin
 * prints a fresh one (only the code's hash is stored, so the old one cannot be shown again).
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureSetupCode } from '../domain/admin';
import { SETUP } from '../domain/admin/model';
import { functions } from '../functions/registry';
import type { Ctx } from '../lib/context';
import { personas, seed } from '../seed';
import { configureDatabase } from './fake-sdk';
import { createEmulatorServer } from './server';

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const port = Number(process.env.EMULATOR_PORT || 9870);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`EMULATOR_PORT is not a port: ${process.env.EMULATOR_PORT}`);
  const dataDir = resolve(process.env.EMULATOR_DATA_DIR || '.emulator-data');
  const reset = argv.includes('--reset');
  const startEmpty = argv.includes('--empty');

  if (reset || startEmpty) rmSync(dataDir, { recursive: true, force: true });
  const db = await configureDatabase({ dir: dataDir });
  // A database started --empty has its setup record from the first start: never seed over it.
  const empty = (await db.collection('users').count()).total === 0 && (await db.collection(SETUP).count()).total === 0;
  if (startEmpty) {
    console.log(`Started an empty emulator database in ${dataDir} (no seed data)`);
  } else if (reset || empty) {
    await seed(db, Date.now());
    await db.flush();
    console.log(`Seeded the emulator database in ${dataDir}`);
  } else {
    console.log(`Using the emulator database in ${dataDir} (npm run emulator -- --reset to reseed)`);
  }

  // No super admin yet: a fresh one-time code (SETUP_CODE from the environment works as well).
  const code = await ensureSetupCode({ openid: '', db, now: () => Date.now(), env: process.env } as unknown as Ctx, {
    rotate: true,
  });
  if (code) console.log(`超级管理员设置码: ${code}`);
  await db.flush();

  const emu = await createEmulatorServer({ functions, port, personas: async () => personas });
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
