import fs from 'node:fs';
import path from 'node:path';

/** Where backups live and how one is described: `<data>/respaldos/<aaaa-mm-ddThh-mm-ss>/` with the warehouse copy and respaldo.json. */
export const BACKUP_DIR = 'respaldos';
export const BACKUP_DB = 'atalaya.duckdb';
export const BACKUP_META = 'respaldo.json';
export const NAME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}$/;

export type Origen = 'manual' | 'programado' | 'inicio' | 'cli';

export interface Respaldo {
  nombre: string;
  /** ISO instant it was taken. */
  creado_en: string;
  bytes: number;
  origen: Origen | string;
  /** Newest migration version it holds (a restore migrates it forward on the next start). */
  migracion: number | null;
}

export const backupsRoot = (dataDir: string): string => path.join(dataDir, BACKUP_DIR);

/** The folder name for an instant: Mexico City wall time (UTC−6, no DST since 2022), as users read it. */
export function backupName(d: Date): string {
  return new Date(d.getTime() - 6 * 3600_000).toISOString().slice(0, 19).replace(/:/g, '-');
}

function readMeta(dir: string, nombre: string): Respaldo | null {
  const db = path.join(dir, BACKUP_DB);
  if (!fs.existsSync(db)) return null;
  let meta: Partial<Respaldo> = {};
  try {
    meta = JSON.parse(fs.readFileSync(path.join(dir, BACKUP_META), 'utf8')) as Partial<Respaldo>;
  } catch {
    // A copy without its description (copied by hand): still a backup, described from the file.
  }
  const st = fs.statSync(db);
  return {
    nombre,
    creado_en: typeof meta.creado_en === 'string' ? meta.creado_en : st.mtime.toISOString(),
    bytes: st.size,
    origen: meta.origen ?? 'desconocido',
    migracion: typeof meta.migracion === 'number' ? meta.migracion : null,
  };
}

/** Complete backups, oldest first (a backup being written lives under a hidden name until it is whole). */
export function listBackups(dataDir: string): Respaldo[] {
  const root = backupsRoot(dataDir);
  if (!fs.existsSync(root)) return [];
  const out: Respaldo[] = [];
  for (const e of fs.readdirSync(root, { withFileTypes: true })) {
    if (!e.isDirectory() || !NAME_RE.test(e.name)) continue;
    const r = readMeta(path.join(root, e.name), e.name);
    if (r) out.push(r);
  }
  return out.sort((a, b) => a.nombre.localeCompare(b.nombre));
}

export function newestBackup(dataDir: string): Respaldo | null {
  return listBackups(dataDir).at(-1) ?? null;
}

/** "hace 3 h", "hace 2 días": the age of a backup as the CLI and messages say it. */
export function ageText(iso: string, now = Date.now()): string {
  const h = Math.max(0, (now - Date.parse(iso)) / 3600_000);
  if (h < 1) return `hace ${Math.max(1, Math.round(h * 60))} min`;
  if (h < 48) return `hace ${Math.round(h)} h`;
  return `hace ${Math.round(h / 24)} días`;
}

export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export const RESTORE_COMMAND = (nombre: string): string => `npm run atalaya -- respaldo restaurar ${nombre}`;
