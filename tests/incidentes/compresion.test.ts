import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate, MIGRATIONS_DIR } from '../../src/db/migrate.js';
import { Warehouse } from '../../src/db/warehouse.js';

/*
 * Migration 0800 rebuilds core.tickets with each column's compression stated: an installation's tickets come through
 * whole, the columns keep their names, types, order and constraints, and what a later load writes is stored with the
 * methods stated.
 */
const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

const COLUMNS = `SELECT column_name, data_type, is_nullable FROM information_schema.columns
  WHERE table_schema = 'core' AND table_name = 'tickets' ORDER BY ordinal_position`;

describe('core.tickets with its compression stated (migration 0800)', () => {
  it('keeps every column and row of an installation, and stores a load with the stated methods', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-mig0800-'));
    const before = path.join(root, 'hasta-0795');
    fs.mkdirSync(before);
    for (const m of listMigrations(MIGRATIONS_DIR).filter((x) => x.version < 800)) fs.copyFileSync(m.file, path.join(before, path.basename(m.file)));
    const wh = await Warehouse.open(path.join(root, 'almacen.duckdb'));
    cleanup.push(() => {
      wh.close();
      fs.rmSync(root, { recursive: true, force: true });
    });
    await migrate(wh, before);
    await wh.exec(`INSERT INTO core.tickets (id, titulo, tipo, estado, area_solicitante, fecha_apertura, fecha_solucion, _archivo, _fila, _ejecucion,
        _cargado_en, apertura, solucion, dia_apertura)
      SELECT i, 'Falla ' || i, 'incidente', CASE WHEN i % 2 = 0 THEN 'resuelto' ELSE 'nuevo' END, 'UTSI',
        TIMESTAMPTZ '2026-03-01 15:00:00+00' + to_hours(i), CASE WHEN i % 2 = 0 THEN TIMESTAMPTZ '2026-03-10 15:00:00+00' END,
        'tickets.csv', i + 1, 1, TIMESTAMPTZ '2026-03-20 00:00:00+00', epoch_us(TIMESTAMPTZ '2026-03-01 15:00:00+00' + to_hours(i)),
        CASE WHEN i % 2 = 0 THEN epoch_us(TIMESTAMPTZ '2026-03-10 15:00:00+00') END, DATE '2026-03-01' FROM range(3000) t(i)`);
    const columnas = await wh.all(COLUMNS);
    const filas = await wh.all('SELECT * FROM core.tickets ORDER BY id');

    expect(await migrate(wh, MIGRATIONS_DIR)).toEqual(listMigrations(MIGRATIONS_DIR).filter((x) => x.version >= 800).map((x) => x.name));
    expect(await wh.all(COLUMNS)).toEqual(columnas);
    expect(await wh.all('SELECT * FROM core.tickets ORDER BY id')).toEqual(filas);
    await expect(wh.exec(`INSERT INTO core.tickets (id, estado, fecha_apertura) VALUES (NULL, 'nuevo', now())`)).rejects.toThrow(/NOT NULL/i);

    await wh.exec(`INSERT INTO core.tickets (id, titulo, tipo, estado, fecha_apertura, apertura, _fila, _ejecucion)
      SELECT 10000 + i, 'Solicitud ' || i, 'solicitud', 'asignado', now(), epoch_us(now()), i, 2 FROM range(200000) t(i)`);
    await wh.exec('CHECKPOINT');
    const metodos = new Map((await wh.all<{ c: string; m: string }>(
      `SELECT column_name AS c, string_agg(DISTINCT compression, ',' ORDER BY compression) AS m FROM pragma_storage_info('core.tickets')
       WHERE segment_type NOT IN ('VALIDITY') AND column_name IN ('id', 'titulo', 'tipo', 'apertura', '_fila', '_ejecucion') GROUP BY 1`,
    )).map((r) => [r.c, r.m]));
    // Left to choose, DuckDB stores this load's run id (one value) as RLE; stated, as bit packing (width 0).
    expect(metodos.get('_ejecucion')).toMatch(/BitPacking/);
    expect(metodos.get('_ejecucion')).not.toMatch(/RLE/);
    expect(metodos.get('titulo')).toMatch(/FSST/);
    expect(metodos.get('tipo')).toMatch(/Dictionary/);
    for (const c of ['id', 'apertura', '_fila']) expect(metodos.get(c)).toMatch(/BitPacking/);
  });
});
