import fs from 'node:fs';
import path from 'node:path';
import { Mutex } from '../db/mutex.js';
import { fsyncPath, processAlive, renameDurable, writeFileAtomic } from '../db/durable.js';
import { rowsOf, StoppingError, type Warehouse } from '../db/warehouse.js';
import { backupConfig } from './config.js';
import { BACKUP_DB, BACKUP_META, backupName, backupsRoot, listBackups, NAME_RE, type Origen, type Respaldo } from './store.js';

const lock = new Mutex();
let seq = 0;

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const PARTIAL_RE = /^\.(.+)\.(\d+)\.parcial$/;

/**
 * Copies the warehouse into `file` as one consistent snapshot while the server keeps working: a new database is
 * attached and filled with COPY FROM DATABASE inside one transaction, so a load committing meanwhile is either
 * wholly in the copy or not at all (DuckDB's MVCC), and nobody waits for the copy. The copy is checkpointed and
 * detached before it counts. Returns the newest migration it holds.
 * (A CHECKPOINT and a copy of the file would not do: measured with DuckDB 1.5.6, while a load's transaction is open
 * CHECKPOINT returns at once without checkpointing, and FORCE CHECKPOINT aborts the load.)
 */
async function copyWarehouse(wh: Warehouse, file: string): Promise<number | null> {
  return wh.withConnection(async (c) => {
    const alias = `respaldo_${process.pid}_${++seq}`;
    const [{ db }] = (await rowsOf<{ db: string }>(c, 'SELECT current_database() AS db')) as [{ db: string }];
    await c.run(`ATTACH ${lit(file)} AS ${alias}`);
    try {
      await c.run('BEGIN TRANSACTION');
      try {
        await c.run(`COPY FROM DATABASE ${ident(db)} TO ${alias}`);
        await c.run('COMMIT');
      } catch (e) {
        await c.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
      await untilNoOtherWriters(() => c.run(`CHECKPOINT ${alias}`));
      const [m] = await rowsOf<{ v: number | null }>(c, `SELECT max(version)::INTEGER AS v FROM ${alias}.ops.migraciones`);
      return m?.v ?? null;
    } finally {
      // A copy left attached would hold its file: the next backup could not attach the same path.
      await untilNoOtherWriters(() => c.run(`DETACH ${alias}`)).catch(() => undefined);
    }
  });
}

const OTHER_WRITERS = /other write transactions active/i;

/**
 * Runs a CHECKPOINT or DETACH of the copy again while DuckDB refuses it because other write transactions are
 * active (seen under concurrent writes on the live file); gives up after `limitMs`.
 */
async function untilNoOtherWriters(fn: () => Promise<unknown>, limitMs = 120_000): Promise<void> {
  const until = Date.now() + limitMs;
  for (let wait = 20; ; wait = Math.min(wait * 2, 1000)) {
    try {
      await fn();
      return;
    } catch (e) {
      if (!OTHER_WRITERS.test(String((e as Error)?.message)) || Date.now() + wait > until) throw e;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** Removes half-written backups left by processes that died (a kill during a backup). */
export function removePartialBackups(dataDir: string): void {
  const root = backupsRoot(dataDir);
  if (!fs.existsSync(root)) return;
  for (const name of fs.readdirSync(root)) {
    const m = PARTIAL_RE.exec(name);
    if (m && !processAlive(Number(m[2]))) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

/** Removes backups beyond the retention (oldest first) and half-written ones of dead processes. */
export function pruneBackups(dataDir: string, keep = backupConfig().retener): string[] {
  const root = backupsRoot(dataDir);
  if (!fs.existsSync(root)) return [];
  removePartialBackups(dataDir);
  const all = listBackups(dataDir);
  const gone = keep > 0 ? all.slice(0, Math.max(0, all.length - keep)) : [];
  for (const r of gone) fs.rmSync(path.join(root, r.nombre), { recursive: true, force: true });
  return gone.map((r) => r.nombre);
}

/**
 * Writes a consistent copy of the warehouse to `<data>/respaldos/<aaaa-mm-ddThh-mm-ss>/` (folder 0700, files 0600),
 * under a hidden name until it is whole, then applies the retention. One backup at a time.
 */
export async function createBackup(wh: Warehouse, dataDir: string, origen: Origen): Promise<Respaldo> {
  return lock.run(async () => {
    const root = backupsRoot(dataDir);
    fs.mkdirSync(root, { recursive: true, mode: 0o700 });
    fs.chmodSync(root, 0o700);
    let nombre = backupName(new Date());
    // Names are to the second: a second backup within the same second waits for the next one.
    while (fs.existsSync(path.join(root, nombre))) {
      await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
      nombre = backupName(new Date());
    }
    const creado = new Date();
    const tmpDir = path.join(root, `.${nombre}.${process.pid}.parcial`);
    fs.rmSync(tmpDir, { recursive: true, force: true });
    fs.mkdirSync(tmpDir, { mode: 0o700 });
    const file = path.join(tmpDir, BACKUP_DB);
    try {
      const migracion = await copyWarehouse(wh, file);
      if (fs.existsSync(`${file}.wal`)) throw new Error('la copia quedó con un registro sin vaciar');
      fs.chmodSync(file, 0o600);
      fsyncPath(file);
      const meta: Respaldo = { nombre, creado_en: creado.toISOString(), bytes: fs.statSync(file).size, origen, migracion };
      writeFileAtomic(path.join(tmpDir, BACKUP_META), JSON.stringify(meta, null, 2), 0o600, true);
      renameDurable(tmpDir, path.join(root, nombre));
      pruneBackups(dataDir);
      return meta;
    } catch (e) {
      fs.rmSync(tmpDir, { recursive: true, force: true });
      if (e instanceof StoppingError) throw new Error('el respaldo se canceló porque el servidor se detuvo; no quedó ninguna copia a medias');
      throw new Error(`no se pudo crear el respaldo: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
    }
  });
}

/** Whether a name is a complete backup folder (protects restore from paths such as ../). */
export function isBackupName(nombre: string): boolean {
  return NAME_RE.test(nombre);
}
