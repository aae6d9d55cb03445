import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../src/db/warehouse.js';
import { loadDemo } from '../../src/server/demo.js';
import { openData } from '../helpers/crash.js';
import { killStrayServers, spawnServer, startTestServer } from '../helpers/server.js';
import { tempWarehouse } from '../helpers/warehouse.js';

/**
 * The defect of issue 9: a server killed in the first seconds of its first start could never start again (the
 * migrations' ALTER TABLE sat in DuckDB's log, which 1.5 cannot replay). Here a first start is killed three times
 * in a row — in the middle of the migrations, right after them, and while the demo loads — and each time the next
 * start must open by itself; the last one finishes the demo, whole, as a start that was never interrupted.
 */

/** Rows per table, leaving out the uptime checks and rollups, which depend on the minute the demo was generated. */
async function counts(wh: Warehouse): Promise<Record<string, number>> {
  const tables = await wh.all<{ t: string }>(
    "SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'core' AND NOT temporary AND table_name NOT LIKE 'disp\\_%' ESCAPE '\\' ORDER BY 1",
  );
  const out: Record<string, number> = {};
  for (const { t } of tables) out[t] = (await wh.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM core."${t}"`))!.n;
  return out;
}

/** The same demo loaded by a start that nobody interrupts (in process, while the kills go on in child processes). */
async function uninterrupted(): Promise<Record<string, number>> {
  const t = await tempWarehouse('atalaya-ref-');
  try {
    await loadDemo(t.wh, { ...t.config, demo: true });
    return await counts(t.wh);
  } finally {
    t.close();
  }
}

const dirs: string[] = [];
afterAll(async () => {
  await killStrayServers();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('SIGKILL during the first start', () => {
  it('killed mid-migration, right after the migrations and during the demo load: every next start opens by itself and the demo ends whole', { timeout: 240_000 }, async () => {
    const referencePromise = uninterrupted();
    referencePromise.catch(() => undefined);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-first-'));
    dirs.push(dataDir);
    const flag = path.join(dataDir, 'falla.txt');

    // 1. Stopped (and killed) between two migrations: only a temporary file exists.
    let s = spawnServer({ demo: true, dataDir, env: { ATALAYA_FAULT: 'migracion', ATALAYA_FAULT_FILE: flag } });
    await expect.poll(() => fs.existsSync(flag), { timeout: 60_000, interval: 20 }).toBe(true);
    await s.kill9();
    expect(fs.existsSync(path.join(dataDir, 'atalaya.duckdb'))).toBe(false);

    // 2. Killed the moment the migrations are in place (the original failure: DDL in the log, no checkpoint).
    s = spawnServer({ demo: true, dataDir });
    await s.waitForLog(/Migraciones aplicadas/);
    await s.kill9();
    expect(fs.readdirSync(dataDir).filter((f) => /\.(nuevo|migrando)-/.test(f))).toEqual([]);

    // 3. Killed while the demo loads: cartografía committed, tickets is inside its merge transaction.
    fs.rmSync(flag, { force: true });
    s = spawnServer({ demo: true, dataDir, env: { ATALAYA_FAULT: 'merge', ATALAYA_FAULT_FILE: flag } });
    await expect.poll(() => fs.existsSync(flag), { timeout: 120_000, interval: 20 }).toBe(true);
    await s.kill9();
    expect(s.log()).toMatch(/cartografia: éxito/);

    // 4. The next start opens by itself, finishes the demo and serves.
    const last = await startTestServer({ demo: true, dataDir });
    expect(last.log()).toMatch(/Reanudando la carga de demostración que un cierre inesperado dejó a medias/);
    expect(last.log()).toMatch(/La ejecución \d+ de «tickets» se interrumpió antes de confirmar/);
    await last.stop();
    expect(last.proc.exitCode).toBe(0);

    const reference = await referencePromise;
    expect(reference.tickets).toBeGreaterThan(1000);
    const wh = await openData(dataDir);
    try {
      expect(await counts(wh)).toEqual(reference);
      expect(await wh.one("SELECT valor FROM ops.instalacion WHERE clave = 'demo'")).toEqual({ valor: 'completa' });
      // Each source committed its demo load once; the run a kill cut is in the log as interrupted, in Spanish.
      const runs = await wh.all<{ pipeline: string; n: number }>(
        "SELECT pipeline, count(*)::INTEGER AS n FROM ops.ejecuciones WHERE origen = 'inicio' AND estado = 'exito' GROUP BY ALL ORDER BY 1",
      );
      expect(runs.every((r) => r.n === 1)).toBe(true);
      expect(runs.map((r) => r.pipeline)).toContain('tickets');
      const cut = await wh.all<{ pipeline: string; error: string }>("SELECT pipeline, error FROM ops.ejecuciones WHERE estado = 'fallo'");
      expect(cut.map((r) => r.pipeline)).toContain('tickets');
      for (const r of cut) expect(r.error).toMatch(/^interrumpida: el proceso terminó antes de confirmar/);
      expect(await wh.one("SELECT count(*)::INTEGER AS n FROM ops.ejecuciones WHERE estado = 'en_curso'")).toEqual({ n: 0 });
    } finally {
      wh.close();
    }
  });
});
