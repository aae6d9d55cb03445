/**
 * Backup settings (environment, read when used):
 * - ATALAYA_RESPALDOS_RETENER (14): how many backups are kept; the oldest beyond that are removed after each new one.
 * - ATALAYA_RESPALDOS_PROGRAMACION ("30 2 * * *", 02:30 in Mexico City): when the scheduler takes the daily backup;
 *   "no" turns the scheduled backup off.
 * - A backup older than 36 h (or, without any, an installation older than that) turns /api/health "degraded".
 */
export interface BackupConfig {
  retener: number;
  programacion: string | null;
  vigenciaHoras: number;
}

export const BACKUP_MAX_AGE_HOURS = 36;

export function backupConfig(env: NodeJS.ProcessEnv = process.env): BackupConfig {
  const n = Number(env.ATALAYA_RESPALDOS_RETENER);
  const prog = env.ATALAYA_RESPALDOS_PROGRAMACION?.trim();
  return {
    retener: env.ATALAYA_RESPALDOS_RETENER !== undefined && Number.isInteger(n) && n >= 1 ? n : 14,
    programacion: prog === 'no' || prog === '0' ? null : prog || '30 2 * * *',
    vigenciaHoras: BACKUP_MAX_AGE_HOURS,
  };
}
