import fs from 'node:fs';
import path from 'node:path';
import { ageText, backupsRoot, newestBackup, RESTORE_COMMAND } from '../backup/store.js';
import { migrate, MIGRATIONS_DIR, pendingMigrations } from './migrate.js';
import { fsyncPath, processAlive, renameDurable } from './durable.js';
import { Warehouse, WarehouseLockedError } from './warehouse.js';

/**
 * Opening the warehouse so that a SIGKILL at any moment leaves a file the next start opens by itself.
 *
 * DuckDB 1.5 cannot replay a write-ahead log that holds some schema changes (ALTER TABLE … ADD COLUMN on a table
 * with function defaults, DROP INDEX …; ../shared/STACK.md). So schema changes never reach the live file's log:
 * a new warehouse is built and migrated under a temporary name, and pending migrations of an existing one are
 * applied to a copy; either is checkpointed (its log emptied into the file), closed and renamed into place. A kill
 * before the rename leaves the live file as it was and a temporary file the next start removes.
 */

/** The warehouse exists but cannot be opened: nothing was deleted or rewritten; the message says how to restore. */
export class WarehouseDamagedError extends Error {
  constructor(public readonly file: string, public readonly cause_: string, dataDir: string) {
    const last = newestBackup(dataDir);
    const backup = last
      ? `Respaldo más reciente: ${last.nombre} (${ageText(last.creado_en)}). Para volver a él, con el servidor detenido ejecute: ${RESTORE_COMMAND(last.nombre)} (el almacén actual se guarda aparte en reemplazados/).`
      : `No hay respaldos en ${backupsRoot(dataDir)}; guarde una copia de ${path.basename(file)} y de ${path.basename(file)}.wal antes de intentar repararlo.`;
    super(`No se pudo abrir el almacén ${file}: el archivo está dañado o DuckDB no puede leerlo. No se borró ni se modificó ningún archivo. ${backup} Detalle técnico: ${cause_}`);
  }
}

const TEMP_RE = /^(.+\.duckdb)\.(nuevo|migrando|restaurando)-(\d+)(\.wal)?$/;

async function openOrExplain(file: string, dataDir: string): Promise<Warehouse> {
  try {
    return await Warehouse.open(file);
  } catch (e) {
    if (e instanceof WarehouseLockedError) throw e;
    throw new WarehouseDamagedError(file, String((e as Error)?.message ?? e).split('\n')[0]!, dataDir);
  }
}

/** Removes temporary files of builds and migrations whose process died (never the live file or its log). */
function removeLeftovers(file: string): void {
  const dir = path.dirname(file);
  for (const name of fs.readdirSync(dir)) {
    const m = TEMP_RE.exec(name);
    if (!m || m[1] !== path.basename(file)) continue;
    const pid = Number(m[3]);
    if (pid !== process.pid && processAlive(pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Migrates the database at `tmp` completely, empties its log into the file and closes it. */
async function migrateTemp(tmp: string, dir: string): Promise<string[]> {
  const wh = await Warehouse.open(tmp);
  try {
    const applied = await migrate(wh, dir);
    await wh.exec('CHECKPOINT');
    return applied;
  } finally {
    // Closing checkpoints again and removes the log; the caller renames the file into place.
    wh.close();
  }
}

function walOf(file: string): string {
  return `${file}.wal`;
}

function hasLog(file: string): boolean {
  return fs.existsSync(walOf(file)) && fs.statSync(walOf(file)).size > 0;
}

export interface OpenResult {
  wh: Warehouse;
  applied: string[];
}

/**
 * Opens (creating if missing) the warehouse file with every migration applied and checkpointed.
 * Throws WarehouseLockedError when another process holds it and WarehouseDamagedError when it cannot be read.
 */
export async function openMigrated(file: string, dataDir: string, dir = MIGRATIONS_DIR): Promise<OpenResult> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let applied: string[] = [];
  if (!fs.existsSync(file)) {
    if (fs.existsSync(walOf(file))) {
      throw new WarehouseDamagedError(file, `falta el archivo pero existe su registro ${path.basename(walOf(file))}`, dataDir);
    }
    const tmp = `${file}.nuevo-${process.pid}`;
    fs.rmSync(tmp, { force: true });
    fs.rmSync(walOf(tmp), { force: true });
    try {
      applied = await migrateTemp(tmp, dir);
      fs.chmodSync(tmp, 0o600);
      fsyncPath(tmp);
      // link() creates the name only if it is free: a second process that built its own copy meanwhile loses
      // quietly. File systems without hard links get a rename (the same, short of that race).
      try {
        fs.linkSync(tmp, file);
        fsyncPath(path.dirname(file));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') applied = [];
        else if (['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV'].includes(code ?? '') && !fs.existsSync(file)) renameDurable(tmp, file);
        else throw e;
      }
    } finally {
      fs.rmSync(tmp, { force: true });
      fs.rmSync(walOf(tmp), { force: true });
    }
  }

  let wh = await openOrExplain(file, dataDir);
  try {
    // Holding the file's lock, temporary files of dead processes can go.
    removeLeftovers(file);
    const pending = await pendingMigrations(wh, dir);
    if (pending.length === 0) return { wh, applied };

    // Empty the live log into the file (it may hold rows written before a crash), then migrate a copy.
    await wh.exec('CHECKPOINT');
    if (hasLog(file)) throw new Error(`el registro ${walOf(file)} no se vació antes de migrar; no se aplicó ninguna migración`);
    const tmp = `${file}.migrando-${process.pid}`;
    fs.copyFileSync(file, tmp);
    fs.chmodSync(tmp, 0o600);
    try {
      applied = await migrateTemp(tmp, dir);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      fs.rmSync(walOf(tmp), { force: true });
      throw e;
    }
    wh.close();
    if (hasLog(file)) throw new Error(`el registro ${walOf(file)} no se vació al cerrar; no se aplicó ninguna migración`);
    renameDurable(tmp, file);
    wh = await openOrExplain(file, dataDir);
    return { wh, applied };
  } catch (e) {
    wh.close();
    throw e;
  }
}
