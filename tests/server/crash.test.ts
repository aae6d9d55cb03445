import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, ROOT } from '../../src/config/index.js';
import type { Warehouse } from '../../src/db/warehouse.js';
import { openWarehouse } from '../../src/server/startup.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { ticketsPipeline } from '../../pipelines/tickets/index.js';
import { dropFile } from '../helpers/warehouse.js';
import { csv, ticket } from '../helpers/tickets.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-crash-'));
  dirs.push(d);
  return d;
}

const open = (dir: string): Promise<Warehouse> => openWarehouse(loadConfig({ ...process.env, ATALAYA_DATA_DIR: dir, ATALAYA_DEMO: '0' }));

/** Full contents of every core table, each sorted by all its columns. */
async function snapshot(wh: Warehouse): Promise<Record<string, unknown[]>> {
  const tables = await wh.all<{ s: string; t: string }>(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
     WHERE table_schema = 'core' AND table_type = 'BASE TABLE' ORDER BY 1, 2`);
  const out: Record<string, unknown[]> = {};
  for (const { s, t } of tables) out[`${s}.${t}`] = await wh.all(`SELECT * FROM "${s}"."${t}" ORDER BY ALL`);
  return out;
}

/** Runs `atalaya etl run tickets` in a child process that stops at the fault point, and SIGKILLs it there. */
async function killAt(dir: string, point: string): Promise<string> {
  const flag = path.join(dir, `fallo-${point}.txt`);
  let out = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'atalaya.js'), 'etl', 'run', 'tickets'], {
    cwd: ROOT,
    env: { ...process.env, ATALAYA_DATA_DIR: dir, ATALAYA_DEMO: '0', ATALAYA_FAULT: point, ATALAYA_FAULT_FILE: flag },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<NodeJS.Signals | number | null>((r) => child.once('exit', (code, sig) => r(sig ?? code)));
  for (let i = 0; i < 600 && !fs.existsSync(flag); i++) {
    if (child.exitCode !== null) throw new Error(`el proceso terminó antes del punto de falla:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(fs.existsSync(flag), out).toBe(true);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return out;
}

describe('crash safety of a run (SIGKILL inside the merge transaction)', () => {
  for (const point of ['merge', 'before-commit']) {
    it(`killed at «${point}»: the warehouse is as before the run, the run is marked fallo, and a re-run loads everything once`, async () => {
      const dir = dataDir();
      let wh = await open(dir);
      dropFile(dir, 'tickets', 'tickets_1.csv', csv([ticket(1), ticket(2, { titulo: 'Original' }), ticket(3)]));
      expect((await runPipeline(wh, ticketsPipeline, { dataDir: dir })).estado).toBe('exito');
      const before = await snapshot(wh);
      expect(before['core.tickets']).toHaveLength(3);
      wh.close();

      // The second file corrects ticket 2 (DELETE + INSERT in the merge) and adds 4 and 5.
      dropFile(dir, 'tickets', 'tickets_2.csv', csv([ticket(2, { titulo: 'Corregido', estado: 'resuelto', fecha_solucion: '03/03/2026 12:00' }), ticket(4), ticket(5)]));
      await killAt(dir, point);

      // "Restart": opening the warehouse marks the interrupted run as failed.
      wh = await open(dir);
      try {
        expect(await snapshot(wh)).toEqual(before);
        const runs = await wh.all<{ estado: string; error: string | null; origen: string }>('SELECT estado, error, origen FROM ops.ejecuciones ORDER BY id');
        expect(runs).toHaveLength(2);
        expect(runs[1]).toMatchObject({ estado: 'fallo', origen: 'cli' });
        expect(runs[1]!.error).toMatch(/interrumpida/);
        expect(await wh.all('SELECT archivo FROM ops.archivos_cargados ORDER BY archivo')).toEqual([{ archivo: 'tickets_1.csv' }]);
        // The file is still in the inbox; the next run completes it, once.
        expect(fs.readdirSync(path.join(dir, 'inbox', 'tickets'))).toEqual(['tickets_2.csv']);
        const r = await runPipeline(wh, ticketsPipeline, { dataDir: dir });
        expect(r).toMatchObject({ estado: 'exito', leidas: 3, cargadas: 3, rechazadas: 0 });
        expect(await wh.all('SELECT id, titulo, count(*) OVER (PARTITION BY id)::INTEGER AS veces FROM core.tickets ORDER BY id')).toEqual([
          { id: 1, titulo: 'Ticket 1', veces: 1 },
          { id: 2, titulo: 'Corregido', veces: 1 },
          { id: 3, titulo: 'Ticket 3', veces: 1 },
          { id: 4, titulo: 'Ticket 4', veces: 1 },
          { id: 5, titulo: 'Ticket 5', veces: 1 },
        ]);
        expect(await wh.all('SELECT archivo FROM ops.archivos_cargados ORDER BY archivo')).toEqual([{ archivo: 'tickets_1.csv' }, { archivo: 'tickets_2.csv' }]);
        // Running again changes nothing.
        const again = await snapshot(wh);
        expect((await runPipeline(wh, ticketsPipeline, { dataDir: dir })).cargadas).toBe(0);
        expect(await snapshot(wh)).toEqual(again);
      } finally {
        wh.close();
      }
    });
  }
});
