import { LAT_BASE } from './uptime.js';
import { addDays, mxInstant, todayMx } from './time.js';

/**
 * The uptime windows of the services page (DESIGN.md §3 "Uptime"), shared by the page
 * (src/domains/disponibilidad/queries.ts) and the rollup that keeps them (pipelines/disponibilidad/rollup.ts).
 *
 * The windows' sums (`ventanas`, one row per service) depend only on the hour `ahora` falls in (Mexico City's
 * offsets are whole hours, so the hour also fixes the day) and on the rollups, which change only when the rollup
 * runs. Each run keeps them in core.disp_ventana_hora for the previous, current and next hour (SQL_VENTANA_HORA,
 * built from the same CTE the page runs); a read in a kept hour takes those 1,000 rows, a read in any other hour
 * computes them: at 1,000 services that is ~240k latency-histogram rows and 31k day rows aggregated per request,
 * the slowest part of the page.
 */
export const CTE_VENTANAS_EN_VIVO = `h AS (
  SELECT a.servicio_id,
    sum(a.ok) FILTER (WHERE a.inicio >= $h23::TIMESTAMPTZ) AS ok24, sum(a.total - a.mantenimiento) FILTER (WHERE a.inicio >= $h23::TIMESTAMPTZ) AS n24,
    sum(a.ok) AS ok7, sum(a.total - a.mantenimiento) AS n7
  FROM core.disp_agregados a
  WHERE a.nivel = 'hora' AND a.inicio >= $h167::TIMESTAMPTZ AND a.inicio <= $ahora::TIMESTAMPTZ GROUP BY 1
), d AS (
  SELECT a.servicio_id,
    sum(a.ok) FILTER (WHERE a.inicio >= $d29::TIMESTAMPTZ) AS ok30, sum(a.total - a.mantenimiento) FILTER (WHERE a.inicio >= $d29::TIMESTAMPTZ) AS n30,
    sum(a.ok) FILTER (WHERE a.inicio >= $d89::TIMESTAMPTZ) AS ok90, sum(a.total - a.mantenimiento) FILTER (WHERE a.inicio >= $d89::TIMESTAMPTZ) AS n90,
    sum(a.ok) AS ok365, sum(a.total - a.mantenimiento) AS n365
  FROM core.disp_agregados a
  WHERE a.nivel = 'dia' AND a.inicio >= $d364::TIMESTAMPTZ AND a.inicio <= $ahora::TIMESTAMPTZ GROUP BY 1
), hist AS (
  SELECT l.servicio_id, l.bin, sum(l.n) AS n FROM core.disp_latencias l
  WHERE l.nivel = 'hora' AND l.inicio >= $h23::TIMESTAMPTZ AND l.inicio <= $ahora::TIMESTAMPTZ GROUP BY 1, 2
), cum AS (
  SELECT servicio_id, bin, sum(n) OVER (PARTITION BY servicio_id ORDER BY bin) AS acum, sum(n) OVER (PARTITION BY servicio_id) AS tot FROM hist
), lat AS (
  SELECT servicio_id, min(bin) FILTER (WHERE acum >= 0.5 * tot) AS b50, min(bin) FILTER (WHERE acum >= 0.95 * tot) AS b95 FROM cum GROUP BY 1
), ventanas AS (
  SELECT s.id AS servicio_id, h.ok24, h.n24, h.ok7, h.n7, d.ok30, d.n30, d.ok90, d.n90, d.ok365, d.n365, lat.b50, lat.b95
  FROM core.servicios s LEFT JOIN h ON h.servicio_id = s.id LEFT JOIN d ON d.servicio_id = s.id LEFT JOIN lat ON lat.servicio_id = s.id
)`;

export const VENTANAS_COLS = 'servicio_id, ok24, n24, ok7, n7, ok30, n30, ok90, n90, ok365, n365, b50, b95';

/**
 * Run by the rollup for an hour $h0, with ventanas($h0) as parameters: every service's windows as a read in that
 * hour computes them now. Its caller first deletes what it replaces.
 */
export const SQL_VENTANA_HORA = `INSERT INTO core.disp_ventana_hora (hora, ${VENTANAS_COLS})
WITH ${CTE_VENTANAS_EN_VIVO} SELECT $h0::TIMESTAMPTZ, ${VENTANAS_COLS} FROM ventanas`;

/**
 * The windows' bounds as instants, computed here once: the last hour; the current hour and the 23 (167) before it;
 * Mexico City's today and the 29 (89, 364) days before it, each from its local midnight. As constants the scans
 * skip the row groups outside them; computed inside the statement (TIMESTAMPTZ ± INTERVAL through ICU) they were
 * a join of every rollup row against the bounds, and the slowest part of the page at 1,000 services.
 */
export function ventanas(ahora: string): Record<'ahora' | 'ahora_1h' | 'h0' | 'h23' | 'h167' | 'd29' | 'd89' | 'd364', string> {
  const at = Date.parse(ahora);
  // Mexico City's offsets are whole hours, so its hours start where UTC's do.
  const h0 = Math.floor(at / 3_600_000) * 3_600_000;
  const hoy = todayMx(at);
  const iso = (ms: number): string => new Date(ms).toISOString();
  return {
    ahora: iso(at), ahora_1h: iso(at - 3_600_000), h0: iso(h0), h23: iso(h0 - 23 * 3_600_000), h167: iso(h0 - 167 * 3_600_000),
    d29: mxInstant(addDays(hoy, -29)), d89: mxInstant(addDays(hoy, -89)), d364: mxInstant(addDays(hoy, -364)),
  };
}
