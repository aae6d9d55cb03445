import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the checkout (where package.json lives). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  adminPassword: string | undefined;
  geoDir: string;
  /** Public base URL the server answers on (used by the demo service catalogue). */
  publicUrl: string;
  /** ATALAYA_PUBLIC_URL is https: cookies are Secure and responses carry HSTS. */
  https: boolean;
  /** Proxies in front of the server whose X-Forwarded-For entries are trusted (ATALAYA_TRUST_PROXY, default 0). */
  trustProxy: number;
  /** A session ends after this many minutes without use (ATALAYA_SESION_INACTIVIDAD_MIN, default 120)… */
  sessionIdleMinutes: number;
  /** …and this many hours after login, whatever its use (ATALAYA_SESION_MAX_HORAS, default 12). */
  sessionMaxHours: number;
  /** API and CLI tokens expire after this many days (ATALAYA_TOKEN_DIAS, default 90). */
  tokenDays: number;
  /** Besides the data folder, where the Parquet export may write (ATALAYA_EXPORT_DIR). */
  exportDir: string | null;
  /** Resident memory the server keeps itself near by collecting garbage early (ATALAYA_MEMORIA_OBJETIVO_MB, default 256). */
  memoryTargetMb: number;
}

/** A whole number from the environment within [lo, hi]; a bad value stops the start with a Spanish message. */
function intEnv(env: NodeJS.ProcessEnv, name: string, def: number, lo: number, hi: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < lo || n > hi) throw new Error(`${name}=«${raw}» no es válido: debe ser un número entero entre ${lo} y ${hi}.`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  return {
    port,
    host,
    dataDir: path.resolve(env.ATALAYA_DATA_DIR ?? path.join(process.cwd(), 'data')),
    demo: (env.ATALAYA_DEMO ?? '1') !== '0',
    adminPassword: env.ATALAYA_ADMIN_PASSWORD || undefined,
    geoDir: path.resolve(env.ATALAYA_GEO_DIR ?? path.join(ROOT, '..', 'shared', 'data', 'geo')),
    publicUrl: env.ATALAYA_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    https: /^https:\/\//i.test(env.ATALAYA_PUBLIC_URL ?? ''),
    trustProxy: intEnv(env, 'ATALAYA_TRUST_PROXY', 0, 0, 10),
    sessionIdleMinutes: intEnv(env, 'ATALAYA_SESION_INACTIVIDAD_MIN', 120, 1, 7 * 24 * 60),
    sessionMaxHours: intEnv(env, 'ATALAYA_SESION_MAX_HORAS', 12, 1, 24 * 30),
    tokenDays: intEnv(env, 'ATALAYA_TOKEN_DIAS', 90, 1, 3650),
    exportDir: env.ATALAYA_EXPORT_DIR ? path.resolve(env.ATALAYA_EXPORT_DIR) : null,
    memoryTargetMb: intEnv(env, 'ATALAYA_MEMORIA_OBJETIVO_MB', 256, 64, 1024 * 1024),
  };
}

export const warehouseFile = (dataDir: string): string => path.join(dataDir, 'atalaya.duckdb');
export const inboxDir = (dataDir: string, pipeline: string): string => path.join(dataDir, 'inbox', pipeline);
export const archiveDir = (dataDir: string, pipeline: string): string => path.join(dataDir, 'archivo', pipeline);
/** Where a file that cannot be loaded at all is moved, out of the inbox (DESIGN.md §6 "Files"). */
export const rejectedDir = (dataDir: string, pipeline: string): string => path.join(dataDir, 'rechazados', pipeline);
