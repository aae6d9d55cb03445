import { z } from 'zod';
import type { Evaluator } from '../evaluator.js';
import { fmtInstant } from '../messages.js';
import type { Severidad } from '../types.js';

/**
 * `servicio_caido` (DESIGN.md §3 Uptime): a service is down while the checks after its last success (outside
 * maintenance windows) are N or more failures: the outage starts at the first of them and ends at the next
 * success; a maintenance window that has ended also ends it (failures after the window start a new run). Read from the raw checks of a recent window (an hour, or N + 2 of the longest interval when longer), so
 * it sees an outage as soon as the probe's batch is written, without waiting for the rollup; when the window
 * holds no success, the start comes from the open outage the rollup recorded (core.disp_caidas), if earlier; and
 * a service with no check at all in the window (the probe stopped) stays down while the rollup's outage is open —
 * a stopped probe does not «resolve» an outage.
 * A service inside a maintenance window now is flagged `mantenimiento` (its notices are held).
 * Only active services count. One query for every service.
 */
export const SQL_SERVICIOS_CAIDOS = `
WITH s AS (
  SELECT id, nombre, criticidad FROM core.servicios WHERE activo
), mw AS (
  SELECT servicio_id, inicio, fin FROM core.mantenimientos WHERE fin > $desde::TIMESTAMPTZ AND inicio <= $ahora::TIMESTAMPTZ
), v AS MATERIALIZED (
  -- $desde (now minus the widest window, a constant) lets the scan skip old row groups by their ts zone maps.
  SELECT v.servicio_id, v.ts, v.ok, v.error
  FROM core.disp_verificaciones v SEMI JOIN s ON s.id = v.servicio_id
  WHERE v.ts >= $desde::TIMESTAMPTZ AND v.ts <= $ahora::TIMESTAMPTZ
    AND NOT EXISTS (SELECT 1 FROM mw WHERE mw.servicio_id = v.servicio_id AND v.ts >= mw.inicio AND v.ts < mw.fin)
), u AS (
  SELECT servicio_id, max(ts) FILTER (WHERE ok) AS ultimo_ok FROM v GROUP BY servicio_id
), r AS (
  -- A maintenance window ends a run of failures (§3 Uptime): failures after a window that has ended start a new
  -- run. While a window is open the run before it stays visible, flagged «mantenimiento», so its notices — and a
  -- premature «volvió a responder» — are held until the window is over.
  SELECT servicio_id, max(fin) AS fin FROM mw WHERE fin <= $ahora::TIMESTAMPTZ GROUP BY servicio_id
), f AS (
  SELECT v.servicio_id, count(*) AS fallos, min(v.ts) AS primero, arg_min(v.error, v.ts) AS error,
    bool_and(u.ultimo_ok IS NULL AND r.fin IS NULL) AS sin_exito
  FROM v JOIN u USING (servicio_id) LEFT JOIN r USING (servicio_id)
  WHERE NOT v.ok AND (u.ultimo_ok IS NULL OR v.ts > u.ultimo_ok) AND (r.fin IS NULL OR v.ts >= r.fin)
  GROUP BY v.servicio_id
), c AS (
  SELECT k.servicio_id, min(k.inicio) AS inicio, arg_min(k.error, k.inicio) AS error
  FROM core.disp_caidas k LEFT JOIN r USING (servicio_id)
  WHERE k.fin IS NULL AND (r.fin IS NULL OR k.inicio >= r.fin)
  GROUP BY k.servicio_id
), caidos AS (
  SELECT f.servicio_id, f.error, CASE WHEN f.sin_exito AND c.inicio < f.primero THEN c.inicio ELSE f.primero END AS inicio
  FROM f LEFT JOIN c USING (servicio_id) WHERE f.fallos >= $fallos::INTEGER
  UNION ALL
  -- No check in the window (the probe stopped): an outage the rollup recorded as open stays open until a success
  -- (or a maintenance window) is seen.
  SELECT c.servicio_id, c.error, c.inicio FROM c ANTI JOIN u USING (servicio_id)
)
SELECT s.id, s.nombre, s.criticidad, k.error, k.inicio,
  EXISTS (SELECT 1 FROM mw WHERE mw.servicio_id = s.id AND $ahora::TIMESTAMPTZ >= mw.inicio AND $ahora::TIMESTAMPTZ < mw.fin) AS mantenimiento
FROM caidos k JOIN s ON s.id = k.servicio_id
ORDER BY s.id`;

export const SQL_INTERVALO_MAXIMO = `SELECT max(intervalo_s)::INTEGER AS s FROM core.servicios WHERE activo`;

/** The window of checks looked at: an hour, or N + 2 of the longest interval when that is longer. */
export const windowSeconds = (fallos: number, intervaloS: number): number => Math.max(3600, (fallos + 2) * intervaloS);

/** A service's criticality decides its alert's severity. */
export const SEVERIDAD_POR_CRITICIDAD: Record<string, Severidad> = { alta: 'critica', media: 'advertencia', baja: 'informativa' };

export const serviceLink = (id: string): string => `/disponibilidad?servicio=${encodeURIComponent(id)}`;

const params = z.strictObject({
  /** Consecutive failed checks that make an outage; default the uptime setting (ATALAYA_UPTIME_FALLOS_CAIDA). */
  fallos: z.number().int().min(1).max(100).optional(),
});

export const servicioCaido: Evaluator<z.infer<typeof params>> = {
  tipo: 'servicio_caido',
  parametros: params,
  async evaluar(wh, p, ctx) {
    const fallos = p.fallos ?? ctx.fallosCaida;
    const m = await wh.one<{ s: number | null }>(SQL_INTERVALO_MAXIMO);
    const desde = ctx.ahora - windowSeconds(fallos, m?.s ?? 60) * 1000;
    const rows = await wh.all<{ id: string; nombre: string; criticidad: string; error: string | null; inicio: string; mantenimiento: boolean }>(
      SQL_SERVICIOS_CAIDOS,
      { ahora: new Date(ctx.ahora).toISOString(), desde: new Date(desde).toISOString(), fallos },
    );
    return rows.map((r) => ({
      sujeto: r.id,
      severidad: SEVERIDAD_POR_CRITICIDAD[r.criticidad] ?? 'advertencia',
      mensaje: `El servicio «${r.nombre}» está caído desde el ${fmtInstant(r.inicio)}.${r.error ? ` Primer error: ${r.error.slice(0, 200)}` : ''}`,
      resuelta: `El servicio «${r.nombre}» volvió a responder (estaba caído desde el ${fmtInstant(r.inicio)}).`,
      enlace: serviceLink(r.id),
      inicio: r.inicio,
      mantenimiento: r.mantenimiento,
    }));
  },
};
