import type { DuckDBConnection } from '@duckdb/node-api';
import { rowsOf } from '../../src/db/warehouse.js';
import { LAT_BASE } from '../../src/core/uptime.js';
import { SQL_VENTANA_HORA, ventanas } from '../../src/core/uptime-ventanas.js';

/**
 * Incremental rollups and outages (run by the `disponibilidad` pipeline, in its transaction).
 *
 * Each run recomputes, from the raw checks, everything from `desde` on, where `desde` is the start of the hour
 * that holds the last minute already rolled up minus a 3-minute margin for checks still in the writer's buffer
 * (or an earlier time asked for in core.disp_recalculo, when a maintenance window changed after the fact). The
 * recomputation deletes and re-inserts those buckets, so running it twice changes nothing. Day rollups are
 * rebuilt from the hour rollups of the days touched. A check inside a maintenance window of its service counts
 * in `mantenimiento`, not in `ok`, and is left out of the uptime denominator; a maintenance window also ends a run
 * of failures (see SQL_CAIDAS). An outage longer than the raw-check retention keeps its start (SQL_ANTES_DE_PODAR).
 * Rollups are written in time order: the pages read recent windows, and a table whose row groups follow time lets
 * DuckDB skip the rest (a first run over weeks of checks otherwise interleaves every hour in every row group).
 * Last, the windows of the services page are kept for the previous, current and next hour (keepHourWindows).
 */

export const SQL_DESDE = `
SELECT
  (SELECT max(inicio) FROM core.disp_agregados WHERE nivel = 'minuto') AS ultimo_minuto,
  (SELECT min(ts) FROM core.disp_verificaciones) AS primera,
  (SELECT min(desde) FROM core.disp_recalculo) AS recalculo,
  (SELECT max(registrado_en) FROM core.disp_recalculo) AS recalculo_marca`;

/**
 * Per service: the time after which outages are recomputed (see runRollup) and, when the outage open at that time
 * began before the raw checks still kept (its first failed check was pruned), that outage's start and the failures
 * pruned from it, so the recomputation carries them over instead of starting it at the oldest check left.
 */
export const SQL_ANCLAS = `
CREATE OR REPLACE TEMP TABLE _disp_anclas AS
WITH ids AS (
  SELECT DISTINCT servicio_id FROM core.disp_verificaciones WHERE ts >= $desde::TIMESTAMPTZ - INTERVAL 1 DAY
), ultimo_ok AS (
  SELECT servicio_id, max(ts) AS t FROM core.disp_verificaciones
  WHERE ok AND ts >= $desde::TIMESTAMPTZ - INTERVAL 1 DAY AND ts < $desde::TIMESTAMPTZ GROUP BY 1
), a0 AS (
  SELECT i.servicio_id, coalesce(u.t, $desde::TIMESTAMPTZ - INTERVAL 1 DAY) AS a FROM ids i LEFT JOIN ultimo_ok u USING (servicio_id)
), abierta AS (
  SELECT a0.servicio_id, min(c.inicio) AS inicio FROM a0
  JOIN core.disp_caidas c ON c.servicio_id = a0.servicio_id AND (c.fin IS NULL OR c.fin > a0.a) GROUP BY 1
)
SELECT a0.servicio_id,
  least(a0.a, coalesce(k.inicio - INTERVAL 1 MICROSECOND, a0.a)) AS ancla,
  CASE WHEN NOT EXISTS (SELECT 1 FROM core.disp_verificaciones v WHERE v.servicio_id = k.servicio_id AND v.ts = k.inicio) THEN k.inicio END AS podada_inicio,
  coalesce((SELECT sum(p.fallos) FROM core.disp_caidas_podadas p WHERE p.servicio_id = k.servicio_id AND p.inicio = k.inicio), 0)::INTEGER AS podada_fallos,
  (SELECT min(c.error) FROM core.disp_caidas c WHERE c.servicio_id = k.servicio_id AND c.inicio = k.inicio) AS podada_error
FROM a0 LEFT JOIN abierta k USING (servicio_id)`;

/** The checks to recompute, each with the start of the maintenance window it falls in (NULL outside any). */
export const SQL_CHECKS = `
CREATE OR REPLACE TEMP TABLE _disp_chk AS
WITH v AS (
  SELECT v.servicio_id, v.ts, v.ok, v.latencia_ms, v.error,
    (SELECT min(m.inicio) FROM core.mantenimientos m WHERE m.servicio_id = v.servicio_id AND v.ts >= m.inicio AND v.ts < m.fin) AS mant_inicio
  FROM core.disp_verificaciones v
  WHERE v.ts >= least($desde::TIMESTAMPTZ, coalesce((SELECT min(ancla) FROM _disp_anclas), $desde::TIMESTAMPTZ))
)
SELECT *, mant_inicio IS NOT NULL AS mant FROM v`;

const rollupFromChecks = (nivel: 'minuto' | 'hora'): string => `
INSERT INTO core.disp_agregados
SELECT '${nivel}', servicio_id, date_trunc('${nivel === 'minuto' ? 'minute' : 'hour'}', ts) AS inicio,
  count(*), count(*) FILTER (WHERE ok AND NOT mant), count(*) FILTER (WHERE mant),
  count(latencia_ms) FILTER (WHERE ok AND NOT mant), coalesce(sum(latencia_ms) FILTER (WHERE ok AND NOT mant), 0)
FROM _disp_chk WHERE ts >= $desde::TIMESTAMPTZ GROUP BY ALL ORDER BY inicio`;

export const SQL_ROLLUPS: readonly string[] = [
  `DELETE FROM core.disp_agregados WHERE nivel IN ('minuto', 'hora') AND inicio >= $desde::TIMESTAMPTZ`,
  rollupFromChecks('minuto'),
  rollupFromChecks('hora'),
  `DELETE FROM core.disp_latencias WHERE nivel = 'hora' AND inicio >= $desde::TIMESTAMPTZ`,
  `INSERT INTO core.disp_latencias
   SELECT 'hora', servicio_id, date_trunc('hour', ts), floor(ln(greatest(latencia_ms, 1)) / ln(${LAT_BASE}))::SMALLINT AS bin, count(*)
   FROM _disp_chk WHERE ts >= $desde::TIMESTAMPTZ AND ok AND NOT mant AND latencia_ms IS NOT NULL GROUP BY ALL ORDER BY 3`,
  `DELETE FROM core.disp_agregados WHERE nivel = 'dia' AND inicio >= date_trunc('day', $desde::TIMESTAMPTZ)`,
  `INSERT INTO core.disp_agregados
   SELECT 'dia', servicio_id, date_trunc('day', inicio), sum(total), sum(ok), sum(mantenimiento), sum(lat_n), sum(lat_suma)
   FROM core.disp_agregados WHERE nivel = 'hora' AND inicio >= date_trunc('day', $desde::TIMESTAMPTZ) GROUP BY ALL`,
  `DELETE FROM core.disp_latencias WHERE nivel = 'dia' AND inicio >= date_trunc('day', $desde::TIMESTAMPTZ)`,
  `INSERT INTO core.disp_latencias
   SELECT 'dia', servicio_id, date_trunc('day', inicio), bin, sum(n)
   FROM core.disp_latencias WHERE nivel = 'hora' AND inicio >= date_trunc('day', $desde::TIMESTAMPTZ) GROUP BY ALL`,
];

/**
 * Outages: a service's checks, numbered into groups that each begin at a successful check or at a check inside a
 * maintenance window (a window ends a run of failures: a failure just before it and one just after are two runs);
 * the failures outside maintenance of a group form one run. A run of at least $fallos failures is an outage from
 * its first failure to the start of the next group — the next success, or the start of the maintenance window —
 * or open (fin NULL) when none came yet. When the outage open at a service's anchor began before the raw checks
 * still kept (podada_inicio), a stand-in failed check at its recorded start, worth the failures pruned from it,
 * opens the first run: the outage keeps its true start and count however long it lasts.
 */
export const SQL_CAIDAS: readonly string[] = [
  `DELETE FROM core.disp_caidas c USING _disp_anclas a WHERE c.servicio_id = a.servicio_id AND c.inicio > a.ancla`,
  `INSERT INTO core.disp_caidas
   WITH c AS (
     SELECT k.servicio_id, k.ts, k.ok, k.error, k.mant, k.mant_inicio, 1 AS vale FROM _disp_chk k JOIN _disp_anclas a USING (servicio_id)
     WHERE k.ts > a.ancla
     UNION ALL
     SELECT servicio_id, podada_inicio, false, podada_error, false, NULL, podada_fallos FROM _disp_anclas WHERE podada_inicio IS NOT NULL
   ), g AS (
     SELECT *, sum((ok OR mant)::INTEGER) OVER (PARTITION BY servicio_id ORDER BY ts ROWS UNBOUNDED PRECEDING) AS grp FROM c
   ), runs AS (
     SELECT servicio_id, grp,
       CASE WHEN arg_min(mant, ts) THEN arg_min(mant_inicio, ts) ELSE min(ts) END AS corte,
       min(ts) FILTER (WHERE NOT ok AND NOT mant) AS inicio,
       coalesce(sum(vale) FILTER (WHERE NOT ok AND NOT mant), 0) AS fallos,
       arg_min(error, ts) FILTER (WHERE NOT ok AND NOT mant) AS error
     FROM g GROUP BY servicio_id, grp
   ), r AS (
     SELECT *, lead(corte) OVER (PARTITION BY servicio_id ORDER BY grp) AS fin FROM runs
   )
   SELECT servicio_id, inicio, fin, fallos, error FROM r WHERE inicio IS NOT NULL AND fallos >= $fallos::INTEGER`,
];

/**
 * Before raw checks past their retention are deleted: the failures of each outage still open at the cut-off (or
 * ended after it) that are about to go, so the outage keeps its start and its count (core.disp_caidas_podadas).
 */
export const SQL_ANTES_DE_PODAR = `
INSERT INTO core.disp_caidas_podadas
SELECT c.servicio_id, c.inicio, count(*)::INTEGER
FROM core.disp_caidas c JOIN core.disp_verificaciones v
  ON v.servicio_id = c.servicio_id AND v.ts >= c.inicio AND (c.fin IS NULL OR v.ts < c.fin)
WHERE v.ts < $ahora::TIMESTAMPTZ - to_days($retencion::INTEGER) AND NOT v.ok
  AND c.inicio < $ahora::TIMESTAMPTZ - to_days($retencion::INTEGER)
  AND (c.fin IS NULL OR c.fin > $ahora::TIMESTAMPTZ - to_days($retencion::INTEGER))
  AND NOT EXISTS (SELECT 1 FROM core.mantenimientos m WHERE m.servicio_id = v.servicio_id AND v.ts >= m.inicio AND v.ts < m.fin)
GROUP BY ALL`;

export const SQL_PODA: readonly string[] = [
  `DELETE FROM core.disp_verificaciones WHERE ts < $ahora::TIMESTAMPTZ - to_days($retencion::INTEGER)`,
  `DELETE FROM core.disp_agregados WHERE nivel = 'minuto' AND inicio < $ahora::TIMESTAMPTZ - to_days($minutos::INTEGER)`,
  `DELETE FROM core.disp_latencias WHERE nivel = 'hora' AND inicio < $ahora::TIMESTAMPTZ - to_days($hist::INTEGER)`,
];

export interface RollupOptions {
  fallos: number;
  retencionDias: number;
  minutosDias: number;
  /** Days of hourly latency histograms kept (default 35). */
  histogramasDias?: number;
  /** "Now" for pruning (ISO); default the current time. */
  ahora?: string;
}

export interface RollupResult {
  desde: string | null;
  verificaciones: number;
  agregados: number;
  caidas: number;
}

/**
 * The services page's windows for the hour of `ahora`, the one before (a read that began just before the hour
 * turned) and the one after (until the first run of the next hour): they hold until the next run changes the hour
 * rollups, and a read of any other hour computes them itself.
 */
export async function keepHourWindows(c: DuckDBConnection, ahora: string): Promise<void> {
  await c.run('DELETE FROM core.disp_ventana_hora');
  const hora = Math.floor(Date.parse(ahora) / 3_600_000) * 3_600_000;
  for (const k of [-1, 0, 1]) {
    const { ahora_1h: _, ...v } = ventanas(new Date(hora + k * 3_600_000).toISOString());
    // Any instant of the hour reads the same rollups: the hour's start stands for all.
    await c.run(SQL_VENTANA_HORA, { ...v, ahora: v.h0 });
  }
}

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Brings rollups and outages up to date and prunes what is past its retention; runs inside the caller's transaction. */
export async function runRollup(c: DuckDBConnection, o: RollupOptions): Promise<RollupResult> {
  const ahora = o.ahora ?? new Date().toISOString();
  const [m] = await rowsOf<{ ultimo_minuto: string | null; primera: string | null; recalculo: string | null; recalculo_marca: string | null }>(c, SQL_DESDE);
  let desde: string | null = null;
  if (m?.primera) {
    const first = Date.parse(iso(m.primera)!);
    let t = m.ultimo_minuto ? Date.parse(iso(m.ultimo_minuto)!) - 3 * 60_000 : first;
    if (m.recalculo) t = Math.min(t, Date.parse(iso(m.recalculo)!));
    // Never recompute hours whose raw checks were already pruned: start at the first hour raw data covers fully
    // (or at the very first check, on a first run).
    if (m.ultimo_minuto && t < first) t = first + 3600_000;
    desde = new Date(t).toISOString();
    const [h] = await rowsOf<{ h: string }>(c, `SELECT date_trunc('hour', $d::TIMESTAMPTZ) AS h`, { d: desde });
    desde = iso(h!.h)!;
  }
  let caidas = 0;
  let agregados = 0;
  let verificaciones = 0;
  if (desde) {
    await c.run(SQL_ANCLAS, { desde });
    await c.run(SQL_CHECKS, { desde });
    const [n] = await rowsOf<{ n: number }>(c, `SELECT count(*)::INTEGER AS n FROM _disp_chk WHERE ts >= $desde::TIMESTAMPTZ`, { desde });
    verificaciones = n?.n ?? 0;
    for (const sql of SQL_ROLLUPS) await c.run(sql, sql.includes('$desde') ? { desde } : undefined);
    await c.run(SQL_CAIDAS[0]!);
    await c.run(SQL_CAIDAS[1]!, { fallos: o.fallos });
    const [a] = await rowsOf<{ n: number }>(c, `SELECT count(*)::INTEGER AS n FROM core.disp_agregados WHERE inicio >= date_trunc('day', $desde::TIMESTAMPTZ)`, { desde });
    agregados = a?.n ?? 0;
    const [k] = await rowsOf<{ n: number }>(c, `SELECT count(*)::INTEGER AS n FROM core.disp_caidas`);
    caidas = k?.n ?? 0;
    await c.run('DROP TABLE IF EXISTS _disp_chk');
    await c.run('DROP TABLE IF EXISTS _disp_anclas');
  }
  if (m?.recalculo_marca) await c.run(`DELETE FROM core.disp_recalculo WHERE registrado_en <= $m::TIMESTAMPTZ`, { m: iso(m.recalculo_marca) });
  await c.run(SQL_ANTES_DE_PODAR, { ahora, retencion: o.retencionDias });
  await c.run(SQL_PODA[0]!, { ahora, retencion: o.retencionDias });
  await c.run(SQL_PODA[1]!, { ahora, minutos: o.minutosDias });
  await c.run(SQL_PODA[2]!, { ahora, hist: o.histogramasDias ?? 35 });
  await keepHourWindows(c, ahora);
  return { desde, verificaciones, agregados, caidas };
}
