import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { DuckDBConnection } from '@duckdb/node-api';
import { archiveDir, inboxDir } from '../../src/config/index.js';
import { rowsOf } from '../../src/db/warehouse.js';
import { uptimeConfig } from '../../src/uptime/config.js';
import { runRollup } from '../../src/uptime/rollup.js';
import { CatalogError, validateServicio } from '../../src/uptime/catalog.js';
import type { LoadCounts, Pipeline, RunContext } from '../runner/types.js';
import { lit } from '../runner/validate.js';
import { disponibilidadDemo } from './demo.js';

const norm = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();

function readCsv(file: string): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, ''), {
    header: true, skipEmptyLines: true, transformHeader: norm,
  });
  return parsed.data;
}

async function quarantine(c: DuckDBConnection, ctx: RunContext, tabla: string, archivo: string, fila: number | null, campo: string | null, motivo: string): Promise<void> {
  await c.run(
    'INSERT INTO ops.cuarentena (ejecucion_id, pipeline, tabla, archivo, fila, campo, motivo) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [ctx.runId, ctx.pipeline, tabla, archivo, fila, campo, motivo],
  );
}

/** Bulk files in the inbox (the demo's catalogue and history), each loaded once; returns what it did. */
async function importInbox(c: DuckDBConnection, ctx: RunContext): Promise<{ counts: LoadCounts; files: string[] }> {
  const dir = inboxDir(ctx.dataDir, 'disponibilidad');
  const counts: LoadCounts = { leidas: 0, cargadas: 0, rechazadas: 0 };
  if (!fs.existsSync(dir)) return { counts, files: [] };
  const files = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv')).sort((a, b) => rank(a) - rank(b));
  for (const name of files) {
    const file = path.join(dir, name);
    const kind = name.toLowerCase();
    ctx.progress({ fase: `cargando ${name}`, hechos: 0, total: null });
    if (kind.startsWith('servicios')) {
      for (const [i, row] of readCsv(file).entries()) {
        counts.leidas++;
        try {
          const s = validateServicio(row);
          await c.run(
            `INSERT OR IGNORE INTO core.servicios (id, nombre, tipo, destino, intervalo_s, timeout_ms, palabra_clave, codigos_ok, criticidad, publico, activo)
             VALUES ($id, $nombre, $tipo, $destino, $intervalo_s, $timeout_ms, $palabra_clave, $codigos_ok, $criticidad, $publico, $activo)`, { ...s },
          );
          counts.cargadas++;
        } catch (e) {
          if (!(e instanceof CatalogError)) throw e;
          counts.rechazadas++;
          await quarantine(c, ctx, 'servicios', name, i + 2, null, e.message);
        }
      }
    } else if (kind.startsWith('mantenimientos')) {
      for (const [i, row] of readCsv(file).entries()) {
        counts.leidas++;
        const ok = row.servicio_id && !Number.isNaN(Date.parse(row.inicio ?? '')) && !Number.isNaN(Date.parse(row.fin ?? '')) && Date.parse(row.fin!) > Date.parse(row.inicio!);
        if (!ok) {
          counts.rechazadas++;
          await quarantine(c, ctx, 'mantenimientos', name, i + 2, null, 'servicio, inicio o fin inválidos (fin debe ser posterior al inicio)');
          continue;
        }
        await c.run(
          `INSERT INTO core.mantenimientos (servicio_id, inicio, fin, motivo)
           SELECT $1, $2::TIMESTAMPTZ, $3::TIMESTAMPTZ, $4 WHERE NOT EXISTS (SELECT 1 FROM core.mantenimientos WHERE servicio_id = $1 AND inicio = $2::TIMESTAMPTZ)`,
          [row.servicio_id!, row.inicio!, row.fin!, row.motivo || null],
        );
        await c.run('INSERT INTO core.disp_recalculo (desde) VALUES ($1::TIMESTAMPTZ)', [row.inicio!]);
        counts.cargadas++;
      }
    } else if (kind.startsWith('verificaciones')) {
      // Let DuckDB read the file; rows that do not type-check go to quarantine with their spreadsheet row number.
      await c.run(`CREATE OR REPLACE TEMP TABLE _disp_imp AS
        SELECT (row_number() OVER () + 1)::BIGINT AS fila, * FROM read_csv(${lit(file)}, header = true, all_varchar = true, auto_detect = true)`);
      await c.run(`CREATE OR REPLACE TEMP TABLE _disp_imp2 AS
        SELECT fila, trim(servicio_id) AS servicio_id, try_cast(ts AS TIMESTAMPTZ) AS ts,
          CASE lower(trim(ok)) WHEN 'si' THEN true WHEN 'sí' THEN true WHEN '1' THEN true WHEN 'true' THEN true
                               WHEN 'no' THEN false WHEN '0' THEN false WHEN 'false' THEN false END AS ok,
          try_cast(nullif(latencia_ms, '') AS DOUBLE) AS latencia_ms, try_cast(nullif(codigo, '') AS INTEGER) AS codigo, nullif(error, '') AS error,
          CASE WHEN NOT EXISTS (SELECT 1 FROM core.servicios s WHERE s.id = trim(_disp_imp.servicio_id)) THEN 'servicio_id'
               WHEN try_cast(ts AS TIMESTAMPTZ) IS NULL THEN 'ts'
               WHEN lower(trim(ok)) NOT IN ('si', 'sí', '1', 'true', 'no', '0', 'false') OR ok IS NULL THEN 'ok' END AS campo_malo
        FROM _disp_imp`);
      const [n] = await rowsOf<{ total: number; malas: number }>(c, 'SELECT count(*)::INTEGER AS total, count(campo_malo)::INTEGER AS malas FROM _disp_imp2');
      await c.run(`INSERT INTO core.disp_verificaciones (servicio_id, ts, ok, latencia_ms, codigo, error, retraso_ms)
        SELECT servicio_id, ts, ok, latencia_ms, codigo, error, 0 FROM _disp_imp2 WHERE campo_malo IS NULL ORDER BY ts`);
      await c.run(`INSERT INTO ops.cuarentena (ejecucion_id, pipeline, tabla, archivo, fila, campo, motivo)
        SELECT $1, 'disponibilidad', 'verificaciones', $2, fila, campo_malo,
          CASE campo_malo WHEN 'servicio_id' THEN 'el servicio no está en el catálogo' WHEN 'ts' THEN 'fecha y hora ilegible'
                          ELSE 'ok debe ser si o no' END
        FROM _disp_imp2 WHERE campo_malo IS NOT NULL ORDER BY fila`, [ctx.runId, name]);
      // Past checks: recompute from the first one (the next rollup below sees the marker).
      await c.run(`INSERT INTO core.disp_recalculo (desde) SELECT min(ts) FROM _disp_imp2 WHERE campo_malo IS NULL HAVING min(ts) IS NOT NULL`);
      await c.run('DROP TABLE IF EXISTS _disp_imp');
      await c.run('DROP TABLE IF EXISTS _disp_imp2');
      counts.leidas += n?.total ?? 0;
      counts.cargadas += (n?.total ?? 0) - (n?.malas ?? 0);
      counts.rechazadas += n?.malas ?? 0;
    } else {
      continue;
    }
  }
  return { counts, files: files.filter((f) => /^(servicios|mantenimientos|verificaciones)/i.test(f)).map((f) => path.join(dir, f)) };
}

const rank = (f: string): number => (/^servicios/i.test(f) ? 0 : /^mantenimientos/i.test(f) ? 1 : 2);

async function load(c: DuckDBConnection, ctx: RunContext): Promise<LoadCounts> {
  const cfg = uptimeConfig();
  const { counts, files } = await importInbox(c, ctx);
  ctx.progress({ fase: 'agregando verificaciones', hechos: 0, total: null });
  const r = await runRollup(c, { fallos: cfg.fallosCaida, retencionDias: cfg.retencionDias, minutosDias: cfg.minutosDias, histogramasDias: cfg.histogramasDias });
  // Archive the bulk files only once the transaction is about to commit (an error above leaves them in the inbox).
  for (const f of files) {
    const dest = archiveDir(ctx.dataDir, 'disponibilidad');
    fs.mkdirSync(dest, { recursive: true });
    try {
      fs.renameSync(f, path.join(dest, `${new Date().toISOString().replace(/[:.]/g, '-')}_${path.basename(f)}`));
    } catch {
      // already moved
    }
  }
  return { leidas: counts.leidas + r.verificaciones, cargadas: counts.cargadas + r.agregados, rechazadas: counts.rechazadas };
}

/**
 * Uptime of the institution's services. The probes run continuously in the server (src/uptime); this pipeline
 * brings the minute/hour/day rollups and the outages up to date, prunes raw checks past their retention, and loads
 * bulk catalogue/history files dropped in its inbox (the demo's).
 */
export const disponibilidadPipeline: Pipeline = {
  name: 'disponibilidad',
  titulo: 'Disponibilidad de servicios (agregados y caídas)',
  schedule: '*/5 * * * *',
  freshnessHours: 1,
  source: { kind: 'custom', load },
  tables: [],
  checks: [
    { kind: 'unique', table: 'core.servicios', columns: ['id'] },
    { kind: 'accepted_values', table: 'core.servicios', column: 'tipo', values: ['http', 'tcp'] },
    { kind: 'relationship', table: 'core.mantenimientos', column: 'servicio_id', ref: 'core.servicios', refColumn: 'id' },
    { kind: 'unique', table: 'core.disp_caidas', columns: ['servicio_id', 'inicio'] },
  ],
  demo: disponibilidadDemo,
};
