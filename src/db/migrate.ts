import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config/index.js';
import type { Warehouse } from './warehouse.js';

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

/** Applies the migrations not yet recorded, each in its own transaction; returns the names applied. */
export async function migrate(wh: Warehouse, dir = MIGRATIONS_DIR): Promise<string[]> {
  await wh.exec(`CREATE SCHEMA IF NOT EXISTS ops;
    CREATE TABLE IF NOT EXISTS ops.migraciones (version INTEGER PRIMARY KEY, nombre VARCHAR NOT NULL,
      aplicada_en TIMESTAMPTZ NOT NULL DEFAULT now())`);
  const done = new Set((await wh.all<{ version: number }>('SELECT version FROM ops.migraciones')).map((r) => r.version));
  const applied: string[] = [];
  for (const m of listMigrations(dir)) {
    if (done.has(m.version)) continue;
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
  }
  return applied;
}
