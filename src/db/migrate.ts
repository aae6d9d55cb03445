import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config/index.js';
import type { Warehouse } from './warehouse.js';
import { faultPoint } from '../../pipelines/runner/fault.js';

export const MIGRATIONS_DIR = path.join(ROOT, 'warehouse', 'migrations');

export class MigrationError extends Error {
  constructor(public readonly migration: string, cause: string) {
    super(`La migración ${migration} falló y el servidor no arrancó: ${cause}`);
  }
}

export interface MigrationFile {
  version: number;
  name: string;
  file: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.replace(/\.sql$/, ''), file: path.join(dir, f) }));
}

async function appliedVersions(wh: Warehouse): Promise<Set<number>> {
  const t = await wh.one("SELECT 1 FROM duckdb_tables() WHERE schema_name = 'ops' AND table_name = 'migraciones'");
  if (!t) return new Set();
  return new Set((await wh.all<{ version: number }>('SELECT version FROM ops.migraciones')).map((r) => r.version));
}

/** The migrations this warehouse has not applied yet (reads only: no schema change reaches its log). */
export async function pendingMigrations(wh: Warehouse, dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const done = await appliedVersions(wh);
  return listMigrations(dir).filter((m) => !done.has(m.version));
}

/**
 * Applies the migrations not yet recorded, each in its own transaction; returns the names applied. Schema changes
 * in a live file's log may not replay after a crash: run this on a file no one else uses, then checkpoint it
 * (src/db/open.ts does both).
 */
export async function migrate(wh: Warehouse, dir = MIGRATIONS_DIR): Promise<string[]> {
  await wh.exec(`CREATE SCHEMA IF NOT EXISTS ops;
    CREATE TABLE IF NOT EXISTS ops.migraciones (version INTEGER PRIMARY KEY, nombre VARCHAR NOT NULL,
      aplicada_en TIMESTAMPTZ NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  for (const m of await pendingMigrations(wh, dir)) {
    const sql = fs.readFileSync(m.file, 'utf8');
    try {
      await wh.transaction(async (c) => {
        await c.run(sql);
        await c.run('INSERT INTO ops.migraciones (version, nombre) VALUES ($1, $2)', [m.version, m.name]);
      });
    } catch (e) {
      throw new MigrationError(path.basename(m.file), String((e as Error).message ?? e).split('\n')[0] ?? '');
    }
    applied.push(m.name);
    faultPoint('migracion');
  }
  return applied;
}
