import type { Scheduler } from '../scheduler/index.js';
import type { Warehouse } from '../db/warehouse.js';
import type { Tasks } from '../server/tasks.js';
import { backupConfig } from './config.js';
import { createBackup, removePartialBackups } from './create.js';
import { newestBackup, type Origen } from './store.js';
import { errorFields, logEvent } from '../core/log.js';

export const BACKUP_JOB = 'respaldo';

function take(wh: Warehouse, dataDir: string, tasks: Tasks, origen: Origen): Promise<void> {
  return tasks.track(
    createBackup(wh, dataDir, origen).then(
      (r) => logEvent('respaldo', { nombre: r.nombre, origen }),
      (e: unknown) => logEvent('error', { origen: 'respaldo', ...errorFields(e) }, 'error'),
    ),
  );
}

/**
 * The daily backup (ATALAYA_RESPALDOS_PROGRAMACION) and, at start, one right away when there is none or the newest
 * is more than a day old (a new installation, or a server that was down at the scheduled hour).
 */
export function scheduleBackups(scheduler: Scheduler, wh: Warehouse, dataDir: string, tasks: Tasks): void {
  const cfg = backupConfig();
  removePartialBackups(dataDir);
  if (cfg.programacion) scheduler.add({ nombre: BACKUP_JOB, programacion: cfg.programacion, run: () => take(wh, dataDir, tasks, 'programado') });
  const last = newestBackup(dataDir);
  if (!last || Date.now() - Date.parse(last.creado_en) > 24 * 3600_000) void take(wh, dataDir, tasks, 'inicio');
}
