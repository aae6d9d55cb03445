import { afterAll, beforeAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config/index.js';
import type { Warehouse } from '../../src/db/warehouse.js';
import { openWarehouse } from '../../src/server/startup.js';
import { markArrived } from '../../src/demo/files.js';

/** A real DuckDB file in a fresh data folder, migrated; close() removes it. */
export async function tempWarehouse(prefix = 'atalaya-test-'): Promise<{ wh: Warehouse; dataDir: string; config: Config; close: () => void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const config = { ...loadConfig({ ...process.env, ATALAYA_DATA_DIR: dataDir, ATALAYA_DEMO: '0' }) };
  const wh = await openWarehouse(config);
  return {
    wh,
    dataDir,
    config,
    close: () => {
      wh.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes a file into a pipeline's inbox, arrived whole `ageS` seconds ago (default a minute: older than the
 * window in which the runner waits for a file still being copied).
 */
export function dropFile(dataDir: string, pipeline: string, name: string, content: string | Buffer, ageS = 60): string {
  const dir = path.join(dataDir, 'inbox', pipeline);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  markArrived(file, ageS);
  return file;
}

export type TempWarehouse = Awaited<ReturnType<typeof tempWarehouse>>;

/**
 * For a test file or describe block: a temporary warehouse made before its tests (then `prepare`, e.g. files
 * loaded) and removed after them. Its fields are set once the tests run.
 */
export function warehouseForTests(prepare: (t: TempWarehouse) => Promise<void> = async () => undefined): TempWarehouse {
  const t = {} as TempWarehouse;
  beforeAll(async () => {
    Object.assign(t, await tempWarehouse());
    await prepare(t);
  }, 180_000);
  afterAll(() => t.close?.());
  return t;
}
