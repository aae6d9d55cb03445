import path from 'node:path';
import type { Config } from '../../config/index.js';
import { exportParquet } from '../../db/export.js';
import { exportTarget } from '../../core/export-target.js';
import { call } from '../remote.js';
import { fail, withTarget } from '../target.js';

/** `atalaya export parquet <dir>`: the core tables as partitioned Parquet. */
export async function exportCmd(args: string[], _o: unknown, config: Config): Promise<void> {
  if (args[0] !== 'parquet') fail('uso: atalaya export parquet [<carpeta>]');
  // The same rule as the API: only under <data folder>/exportes or ATALAYA_EXPORT_DIR.
  const dir = exportTarget(config, args[1] ? path.resolve(args[1]) : null);
  const tablas = await withTarget(
    config,
    (wh) => exportParquet(wh, dir),
    async (r) => {
      const { status, data } = await call<{ tablas?: Array<{ tabla: string; filas: number }>; error?: string }>(r, 'POST', '/api/exportar/parquet', { destino: dir });
      if (status !== 200) fail(data.error ?? `el servidor respondió ${status}`);
      return data.tablas ?? [];
    },
  );
  for (const t of tablas) console.log(`${t.tabla.padEnd(28)} ${t.filas} filas`);
  console.log(`Exportado a ${dir}`);
}
