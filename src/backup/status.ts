import type { Warehouse } from '../db/warehouse.js';
import { backupConfig } from './config.js';
import { listBackups, type Respaldo } from './store.js';

export interface BackupStatus {
  ultimo: Respaldo | null;
  /** Hours since the newest backup (or, without any, since installation). */
  edad_horas: number | null;
  /** False when the newest backup is older than 36 h (or there is none and the installation is older than that). */
  vigente: boolean;
  total: number;
  retener: number;
  programacion: string | null;
}

/** When this warehouse was installed (or upgraded to keep this record): a fresh installation has no backup yet and is not stale. */
async function installedAt(wh: Warehouse): Promise<string | null> {
  const r = await wh.one<{ t: string | null }>(
    `SELECT coalesce((SELECT valor FROM ops.instalacion WHERE clave = 'instalada_en'),
                     (SELECT strftime(min(aplicada_en) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') FROM ops.migraciones)) AS t`,
  );
  return r?.t ?? null;
}

export async function backupStatus(wh: Warehouse, dataDir: string, now = Date.now()): Promise<BackupStatus> {
  const cfg = backupConfig();
  const all = listBackups(dataDir);
  const ultimo = all.at(-1) ?? null;
  const since = ultimo?.creado_en ?? (await installedAt(wh));
  const edad = since ? Math.max(0, (now - Date.parse(since)) / 3600_000) : null;
  return {
    ultimo,
    edad_horas: edad === null ? null : Math.round(edad * 10) / 10,
    vigente: edad !== null && edad <= cfg.vigenciaHoras,
    total: all.length,
    retener: cfg.retener,
    programacion: cfg.programacion,
  };
}
