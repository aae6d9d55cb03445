import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { warehouseFile } from '../config/index.js';
import { fsyncPath, processAlive, renameDurable } from '../db/durable.js';
import { BACKUP_DB, backupName, backupsRoot, listBackups, NAME_RE } from './store.js';

export const REPLACED_DIR = 'reemplazados';

/** A server (or another process) holds the warehouse: restoring now would pull the file from under it. */
async function assertNoOwner(dataDir: string): Promise<void> {
  const serverFile = path.join(dataDir, 'servidor.json');
  if (fs.existsSync(serverFile)) {
    try {
      const { pid } = JSON.parse(fs.readFileSync(serverFile, 'utf8')) as { pid?: number };
      if (pid && pid !== process.pid && processAlive(pid)) {
        throw new Error(`el servidor está en marcha (PID ${pid}); deténgalo (atalaya detener) antes de restaurar un respaldo`);
      }
    } catch (e) {
      if (/servidor está en marcha/.test((e as Error).message)) throw e;
    }
  }
  const live = warehouseFile(dataDir);
  if (!fs.existsSync(live)) return;
  // A read-only open takes the file's lock without changing it; a damaged file fails otherwise, and may be restored.
  try {
    const inst = await DuckDBInstance.create(live, { access_mode: 'READ_ONLY' });
    inst.closeSync();
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/Could not set lock|Conflicting lock/i.test(msg)) {
      const pid = /PID (\d+)/.exec(msg)?.[1];
      throw new Error(`otro proceso${pid ? ` (PID ${pid})` : ''} tiene abierto el almacén; detenga el servidor antes de restaurar un respaldo`);
    }
  }
}

export interface RestoreResult {
  nombre: string;
  /** Where the replaced warehouse (and its log) were kept, or null when there was none. */
  reemplazados: string | null;
}

/**
 * Puts a backup back as the warehouse, with the server stopped. The current file and its log are kept in
 * `<data>/reemplazados/<aaaa-mm-ddThh-mm-ss>/` first; the backup is copied beside the live file under a temporary
 * name and renamed over it, so a kill at any moment leaves either the old warehouse or the restored one.
 */
export async function restoreBackup(dataDir: string, nombre: string): Promise<RestoreResult> {
  if (!NAME_RE.test(nombre)) throw new Error(`«${nombre}» no es un nombre de respaldo (aaaa-mm-ddThh-mm-ss); véalos con: atalaya respaldo listar`);
  const src = path.join(backupsRoot(dataDir), nombre, BACKUP_DB);
  if (!fs.existsSync(src)) {
    const names = listBackups(dataDir).map((r) => r.nombre);
    throw new Error(`no existe el respaldo «${nombre}»${names.length ? `; hay: ${names.slice(-5).join(', ')}` : '; no hay respaldos'}`);
  }
  await assertNoOwner(dataDir);

  const live = warehouseFile(dataDir);
  const wal = `${live}.wal`;
  const tmp = `${live}.restaurando-${process.pid}`;
  fs.copyFileSync(src, tmp);
  fs.chmodSync(tmp, 0o600);
  fsyncPath(tmp);
  let aside: string | null = null;
  try {
    if (fs.existsSync(live) || fs.existsSync(wal)) {
      const base = path.join(dataDir, REPLACED_DIR, backupName(new Date()));
      fs.mkdirSync(path.dirname(base), { recursive: true, mode: 0o700 });
      aside = base;
      for (let i = 2; fs.existsSync(aside); i++) aside = `${base}-${i}`;
      fs.mkdirSync(aside, { mode: 0o700 });
      // A hard link keeps the current file aside without copying it; the rename below then replaces the name only.
      if (fs.existsSync(live)) {
        try {
          fs.linkSync(live, path.join(aside, path.basename(live)));
        } catch {
          fs.copyFileSync(live, path.join(aside, path.basename(live)));
        }
      }
      // The log belongs to the replaced file: replayed over the restored one it would corrupt it.
      if (fs.existsSync(wal)) renameDurable(wal, path.join(aside, path.basename(wal)));
      fsyncPath(aside);
    }
    renameDurable(tmp, live);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`no se pudo restaurar el respaldo «${nombre}»: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
  }
  return { nombre, reemplazados: aside };
}
