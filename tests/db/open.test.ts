import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { ROOT } from '../../src/config/index.js';
import { openMigrated } from '../../src/db/open.js';

/**
 * Upgrading an installation: new migrations are applied to a copy that is checkpointed and renamed into place. A
 * process killed while migrating leaves the live file as it was (with its rows); a process killed after the
 * upgrade, with rows in the log, leaves a file that opens (the schema change never went through the log).
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-open-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const file = path.join(root, 'almacen.duckdb');
const migrations = path.join(root, 'migraciones');

/** Runs `body` in a child process with the warehouse opened by openMigrated; the child kills itself at the end. */
function child(body: string, env: NodeJS.ProcessEnv = {}): ReturnType<typeof spawnSync> {
  const code = `
    const { openMigrated } = await import(${JSON.stringify(path.join(ROOT, 'src/db/open.ts'))});
    const { wh } = await openMigrated(${JSON.stringify(file)}, ${JSON.stringify(root)}, ${JSON.stringify(migrations)});
    ${body}
    process.kill(process.pid, 'SIGKILL');`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('opening and upgrading the warehouse file', () => {
  it('a kill mid-upgrade leaves the live file untouched; the next open upgrades it; rows written after survive a kill', async () => {
    fs.mkdirSync(migrations);
    fs.writeFileSync(path.join(migrations, '0001_base.sql'), `CREATE SCHEMA core; CREATE SEQUENCE core.s START 1;
      CREATE TABLE core.t (id INTEGER PRIMARY KEY DEFAULT nextval('core.s'), v VARCHAR, en TIMESTAMPTZ DEFAULT now());`);
    // Rows committed, then a kill: they sit in the log, not yet in the file.
    let r = child(`await wh.exec("INSERT INTO core.t (v) SELECT 'x' || i FROM range(1000) r(i)");`);
    expect(r.signal, String(r.stderr)).toBe('SIGKILL');
    expect(fs.statSync(`${file}.wal`).size).toBeGreaterThan(0);

    // An upgrade with the schema change DuckDB 1.5 cannot replay from a log, killed between its two migrations.
    fs.writeFileSync(path.join(migrations, '0002_columna.sql'), 'ALTER TABLE core.t ADD COLUMN nota VARCHAR;');
    fs.writeFileSync(path.join(migrations, '0003_otra.sql'), "ALTER TABLE core.t ADD COLUMN origen VARCHAR DEFAULT 'migrado';");
    const flag = path.join(root, 'falla.txt');
    r = child('', { ATALAYA_FAULT: 'migracion', ATALAYA_FAULT_FILE: flag, ATALAYA_FAULT_KILL: '1' });
    expect(r.signal).toBe('SIGKILL');
    expect(fs.existsSync(flag)).toBe(true);
    // The half-migrated copy is a temporary file; the live one holds its rows and the old schema, and opens as is.
    expect(fs.readdirSync(root).filter((f) => /\.migrando-\d+$/.test(f))).toHaveLength(1);
    const raw = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
    const c = await raw.connect();
    const cols = (await c.runAndReadAll("SELECT count(*)::INTEGER FROM duckdb_columns() WHERE table_name = 't'")).getRows()[0]![0];
    const rows = (await c.runAndReadAll('SELECT count(*)::INTEGER FROM core.t')).getRows()[0]![0];
    c.closeSync();
    raw.closeSync();
    expect([cols, rows]).toEqual([3, 1000]);

    const { wh, applied } = await openMigrated(file, root, migrations);
    try {
      expect(applied).toEqual(['0002_columna', '0003_otra']);
      expect(fs.readdirSync(root).filter((f) => f.includes('.migrando-'))).toEqual([]);
      expect(await wh.one("SELECT count(*)::INTEGER AS n, count(nota)::INTEGER AS notas, min(origen) AS origen FROM core.t")).toEqual({ n: 1000, notas: 0, origen: 'migrado' });
    } finally {
      wh.close();
    }

    // After the upgrade: more rows and a kill; the next open replays them (only rows are in the log).
    r = child(`await wh.exec("INSERT INTO core.t (v, nota) VALUES ('despues', 'ok')");`);
    expect(r.signal).toBe('SIGKILL');
    const again = await openMigrated(file, root, migrations);
    try {
      expect(again.applied).toEqual([]);
      expect(await again.wh.one("SELECT count(*)::INTEGER AS n, max(id)::INTEGER AS id FROM core.t WHERE nota = 'ok'")).toEqual({ n: 1, id: 1001 });
    } finally {
      again.wh.close();
    }
  });
});
