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
  };
}

export const warehouseFile = (dataDir: string): string => path.join(dataDir, 'atalaya.duckdb');
export const inboxDir = (dataDir: string, pipeline: string): string => path.join(dataDir, 'inbox', pipeline);
export const archiveDir = (dataDir: string, pipeline: string): string => path.join(dataDir, 'archivo', pipeline);
/** Where a file that cannot be loaded at all is moved, out of the inbox (DESIGN.md §6 "Files"). */
export const rejectedDir = (dataDir: string, pipeline: string): string => path.join(dataDir, 'rechazados', pipeline);
