/**
 * `npm run emulator` (bundled by scripts/emulator.mjs): the local WeChat Cloud stand-in.
 * Stores data in EMULATOR_DATA_DIR (default .emulator-data/), seeds it when empty or with --reset,
 * and serves the cloud functions on 127.0.0.1:EMULATOR_PORT (default 9870).
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { functions } from '../functions/registry';
import { personas, seed } from '../seed';
import { configureDatabase } from './fake-sdk';
import { createEmulatorServer } from './server';

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const port = Number(process.env.EMULATOR_PORT || 9870);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`EMULATOR_PORT is not a port: ${process.env.EMULATOR_PORT}`);
  const dataDir = resolve(process.env.EMULATOR_DATA_DIR || '.emulator-data');
  const reset = argv.includes('--reset');

  if (reset) rmSync(dataDir, { recursive: true, force: true });
  const db = await configureDatabase({ dir: dataDir });
  const empty = (await db.collection('users').count()).total === 0;
  if (reset || empty) {
    await seed(db, Date.now());
    await db.flush();
    console.log(`Seeded the emulator database in ${dataDir}`);
  } else {
    console.log(`Using the emulator database in ${dataDir} (npm run emulator -- --reset to reseed)`);
  }

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
