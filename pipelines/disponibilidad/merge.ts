/**
 * How the catalogue, maintenance and history files of `disponibilidad` reach their tables. The shared runner
 * reads, types and validates each file against its contract; these merges, inside the run's transaction, apply
 * what the contract cannot say: a catalogue row updates the service it names (keeping what the file leaves
 * empty), checks of a service not in the catalogue are quarantined, and history already stored is not doubled.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { rowsOf } from '../../src/db/warehouse.js';
import { CatalogError, validateServicio, type Servicio } from '../../src/core/uptime.js';
import type { RunRef, StagedRows } from '../runner/types.js';
import { lit } from '../runner/validate.js';

const CATALOG_FIELDS = ['nombre', 'tipo', 'destino', 'intervalo_s', 'timeout_ms', 'palabra_clave', 'codigos_ok', 'criticidad', 'publico'] as const;

/** The field a catalogue validation message is about. */
function fieldOf(message: string): string | null {
  const quoted = /«(\w+)»/.exec(message);
  if (quoted) return quoted[1]!;
  const words: Array<[RegExp, string]> = [[/\bid\b/, 'id'], [/nombre/, 'nombre'], [/tipo/, 'tipo'], [/destino/, 'destino'], [/códigos/, 'codigos_ok'], [/criticidad/, 'criticidad']];
  return words.find(([re]) => re.test(message))?.[1] ?? null;
}

async function quarantine(c: DuckDBConnection, run: RunRef, tabla: string, rows: StagedRows, fila: number, campo: string | null, motivo: string, valor: string | null): Promise<void> {
  await c.run(
    `INSERT INTO ops.cuarentena (ejecucion_id, pipeline, tabla, archivo, hoja, fila, campo, motivo, valor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [run.runId, run.pipeline, tabla, rows.archivo, rows.hoja, fila, campo, motivo, valor],
  );
}

/**
 * Each row creates its service or updates it: the values the row has replace the stored ones, an empty cell keeps
 * the stored value (or takes the default for a new service), and `activo` is left as an administrator set it.
 */
export async function mergeServicios(c: DuckDBConnection, rows: StagedRows, run: RunRef): Promise<{ cargadas: number; rechazadas: number }> {
  const stored = new Map((await rowsOf<Servicio>(c, 'SELECT * FROM core.servicios')).map((s) => [s.id, s]));
  const good = await rowsOf<Record<string, unknown> & { id: string; _fila: number }>(c, `SELECT * FROM ${rows.good} ORDER BY _fila`);
  let cargadas = 0;
  let rechazadas = 0;
  for (const row of good) {
    const merged: Record<string, unknown> = { ...(stored.get(row.id) ?? {}), id: row.id };
    for (const f of CATALOG_FIELDS) if (row[f] !== null && row[f] !== undefined) merged[f] = row[f];
    let s: Servicio;
    try {
      s = validateServicio(merged);
    } catch (e) {
      if (!(e instanceof CatalogError)) throw e;
      const campo = fieldOf(e.message);
      await quarantine(c, run, 'servicios', rows, row._fila, campo, e.message, campo ? String(merged[campo] ?? '') : null);
      rechazadas++;
      continue;
    }
    await c.run(
      `INSERT INTO core.servicios (id, nombre, tipo, destino, intervalo_s, timeout_ms, palabra_clave, codigos_ok, criticidad, publico, activo)
       VALUES ($id, $nombre, $tipo, $destino, $intervalo_s, $timeout_ms, $palabra_clave, $codigos_ok, $criticidad, $publico, $activo)
       ON CONFLICT (id) DO UPDATE SET nombre = excluded.nombre, tipo = excluded.tipo, destino = excluded.destino,
         intervalo_s = excluded.intervalo_s, timeout_ms = excluded.timeout_ms, palabra_clave = excluded.palabra_clave,
         codigos_ok = excluded.codigos_ok, criticidad = excluded.criticidad, publico = excluded.publico`,
      { ...s },
    );
    stored.set(s.id, s);
    cargadas++;
  }
  return { cargadas, rechazadas };
}

let seq = 0;

/** Runs an INSERT or UPDATE and returns how many rows it changed (DuckDB answers a statement with its count). */
async function changed(c: DuckDBConnection, sql: string, params: Record<string, string | number | null>): Promise<number> {
  const r = await c.runAndReadAll(sql, params);
  return Number(r.getRows()[0]?.[0] ?? 0);
}

/** Rows of a service not in the catalogue (or failing `extra`) go to quarantine; returns how many. */
async function quarantineBad(c: DuckDBConnection, rows: StagedRows, run: RunRef, tabla: string, src: string, extra?: { cond: string; campo: string; motivo: string; valor: string }): Promise<number> {
  return changed(c, `INSERT INTO ops.cuarentena (ejecucion_id, pipeline, tabla, archivo, hoja, fila, campo, motivo, valor)
      SELECT $run, $pipeline, $tabla, $archivo, $hoja, g._fila,
        CASE WHEN s.id IS NULL THEN 'servicio_id' ELSE ${extra ? lit(extra.campo) : 'NULL'} END,
        CASE WHEN s.id IS NULL THEN 'el servicio no está en el catálogo' ELSE ${extra ? lit(extra.motivo) : 'NULL'} END,
        CASE WHEN s.id IS NULL THEN g.servicio_id ELSE ${extra ? extra.valor : 'NULL'} END
      FROM ${src} g LEFT JOIN core.servicios s ON s.id = g.servicio_id
      WHERE s.id IS NULL${extra ? ` OR (${extra.cond})` : ''}
      ORDER BY g._fila`,
    { run: run.runId, pipeline: run.pipeline, tabla, archivo: rows.archivo, hoja: rows.hoja });
}

/** A window (service, start) updates the one stored with that key or is added; the next rollup recomputes it. */
export async function mergeMantenimientos(c: DuckDBConnection, rows: StagedRows, run: RunRef): Promise<{ cargadas: number; rechazadas: number }> {
  const t = `mant_${++seq}`;
  await c.run(`CREATE TEMP TABLE ${t} AS SELECT * FROM ${rows.good} QUALIFY _fila = max(_fila) OVER (PARTITION BY servicio_id, inicio)`);
  const rechazadas = await quarantineBad(c, rows, run, 'mantenimientos', t, {
    cond: 'g.fin <= g.inicio', campo: 'fin', motivo: 'el fin debe ser posterior al inicio', valor: `strftime(g.fin, '%d/%m/%Y %H:%M')`,
  });
  const valid = `(SELECT g.* FROM ${t} g JOIN core.servicios s ON s.id = g.servicio_id WHERE g.fin > g.inicio)`;
  await c.run(`UPDATE core.mantenimientos m SET fin = v.fin, motivo = v.motivo FROM ${valid} v
    WHERE m.servicio_id = v.servicio_id AND m.inicio = v.inicio AND (m.fin <> v.fin OR m.motivo IS DISTINCT FROM v.motivo)`);
  await c.run(`INSERT INTO core.mantenimientos (servicio_id, inicio, fin, motivo)
    SELECT v.servicio_id, v.inicio, v.fin, v.motivo FROM ${valid} v
    WHERE NOT EXISTS (SELECT 1 FROM core.mantenimientos m WHERE m.servicio_id = v.servicio_id AND m.inicio = v.inicio)
    ORDER BY v._fila`);
  await c.run(`INSERT INTO core.disp_recalculo (desde) SELECT min(inicio) FROM ${valid} HAVING min(inicio) IS NOT NULL`);
  const [n] = await rowsOf<{ n: number }>(c, `SELECT count(*)::INTEGER AS n FROM ${valid}`);
  await c.run(`DROP TABLE ${t}`);
  return { cargadas: n!.n, rechazadas };
}

/**
 * Past checks (a previous monitor's history): appended unless the same service and instant is already stored, so
 * an overlapping export adds only what is new; the next rollup recomputes from the first of them.
 */
export async function mergeVerificaciones(c: DuckDBConnection, rows: StagedRows, run: RunRef): Promise<{ cargadas: number; rechazadas: number }> {
  const t = `verif_${++seq}`;
  await c.run(`CREATE TEMP TABLE ${t} AS SELECT * FROM ${rows.good} QUALIFY _fila = max(_fila) OVER (PARTITION BY servicio_id, ts)`);
  const rechazadas = await quarantineBad(c, rows, run, 'verificaciones', t);
  const [range] = await rowsOf<{ lo: string | null; hi: string | null }>(c, `SELECT min(ts)::VARCHAR AS lo, max(ts)::VARCHAR AS hi FROM ${t}`);
  let cargadas = 0;
  if (range?.lo) {
    // The range bounds the scan of stored checks to the row groups the file covers (zone maps on ts).
    cargadas = await changed(c, `INSERT INTO core.disp_verificaciones (servicio_id, ts, ok, latencia_ms, codigo, error, retraso_ms)
        SELECT g.servicio_id, g.ts, g.ok, g.latencia_ms, g.codigo, g.error, 0
        FROM ${t} g JOIN core.servicios s ON s.id = g.servicio_id
        WHERE NOT EXISTS (SELECT 1 FROM core.disp_verificaciones v
                          WHERE v.ts BETWEEN $lo::TIMESTAMPTZ AND $hi::TIMESTAMPTZ AND v.servicio_id = g.servicio_id AND v.ts = g.ts)
        ORDER BY g.ts`, { lo: range.lo, hi: range.hi! });
    await c.run(`INSERT INTO core.disp_recalculo (desde) SELECT min(g.ts) FROM ${t} g JOIN core.servicios s ON s.id = g.servicio_id HAVING min(g.ts) IS NOT NULL`);
  }
  await c.run(`DROP TABLE ${t}`);
  return { cargadas, rechazadas };
}
