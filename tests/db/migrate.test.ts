import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate, MigrationError, MIGRATIONS_DIR } from '../../src/db/migrate.js';
import { Warehouse } from '../../src/db/warehouse.js';

const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function fresh(): Promise<{ wh: Warehouse; dir: string }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-mig-'));
  const dir = path.join(root, 'migrations');
  fs.mkdirSync(dir);
  const wh = await Warehouse.open(path.join(root, 'almacen.duckdb'));
  cleanup.push(() => {
    wh.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
  return { wh, dir };
}

describe('migrations', () => {
  it('are applied once, in order, and recorded; never re-applied', async () => {
    const { wh, dir } = await fresh();
    fs.writeFileSync(path.join(dir, '0001_base.sql'), 'CREATE SCHEMA core; CREATE TABLE core.t (x INTEGER);');
    // Not idempotent on purpose: a second application would fail.
    fs.writeFileSync(path.join(dir, '0002_datos.sql'), 'INSERT INTO core.t VALUES (1), (2);');
    fs.writeFileSync(path.join(dir, 'LEEME.txt'), 'no es una migración');
    expect(await migrate(wh, dir)).toEqual(['0001_base', '0002_datos']);
    expect(await migrate(wh, dir)).toEqual([]);
    expect(await wh.all('SELECT version, nombre FROM ops.migraciones ORDER BY version')).toEqual([
      { version: 1, nombre: '0001_base' },
      { version: 2, nombre: '0002_datos' },
    ]);
    expect(await wh.one('SELECT count(*)::INTEGER AS n FROM core.t')).toEqual({ n: 2 });
    // A new file is the only one applied next time.
    fs.writeFileSync(path.join(dir, '0003_mas.sql'), 'INSERT INTO core.t VALUES (3);');
    expect(await migrate(wh, dir)).toEqual(['0003_mas']);
    expect(await wh.one('SELECT count(*)::INTEGER AS n FROM core.t')).toEqual({ n: 3 });
  });

  it('a failing migration stops with a message naming it, applies nothing of itself, and keeps the earlier ones', async () => {
    const { wh, dir } = await fresh();
    fs.writeFileSync(path.join(dir, '0001_base.sql'), 'CREATE SCHEMA core; CREATE TABLE core.t (x INTEGER);');
    fs.writeFileSync(path.join(dir, '0002_rota.sql'), 'CREATE TABLE core.u (y INTEGER); SELEC mal escrito;');
    fs.writeFileSync(path.join(dir, '0003_despues.sql'), 'CREATE TABLE core.v (z INTEGER);');
    const err = await migrate(wh, dir).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as MigrationError).migration).toBe('0002_rota.sql');
    expect((err as Error).message).toMatch(/^La migración 0002_rota\.sql falló/);
    expect((err as Error).message).not.toMatch(/\n/);
    expect(await wh.all('SELECT nombre FROM ops.migraciones')).toEqual([{ nombre: '0001_base' }]);
    const tables = await wh.all<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'core' ORDER BY 1");
    expect(tables.map((t) => t.table_name)).toEqual(['t']);
    // Fixed, it applies on the next start.
    fs.writeFileSync(path.join(dir, '0002_rota.sql'), 'CREATE TABLE core.u (y INTEGER);');
    expect(await migrate(wh, dir)).toEqual(['0002_rota', '0003_despues']);
  });

  it("the project's migrations use distinct numbers and apply on an empty warehouse", async () => {
    const versions = listMigrations(MIGRATIONS_DIR).map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    const { wh } = await fresh();
    const applied = await migrate(wh);
    expect(applied.length).toBe(versions.length);
    const tables = new Set((await wh.all<{ t: string }>("SELECT schema_name || '.' || table_name AS t FROM duckdb_tables()")).map((r) => r.t));
    for (const t of ['ops.ejecuciones', 'ops.cuarentena', 'ops.verificaciones', 'app.usuarios', 'app.auditoria', 'core.tickets', 'core.municipios', 'core.distritos']) {
      expect(tables.has(t), t).toBe(true);
    }
    // The layers in use: ops, app and core (staging and mart were dropped by 0030: see that migration).
    const schemas = (await wh.all<{ s: string }>("SELECT schema_name AS s FROM duckdb_schemas() WHERE database_name = current_database() AND NOT internal ORDER BY 1")).map((r) => r.s);
    expect(schemas).toEqual(['app', 'core', 'ops']);
    expect((await wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM core.unidades'))!.n).toBeGreaterThan(5);
  });
});
