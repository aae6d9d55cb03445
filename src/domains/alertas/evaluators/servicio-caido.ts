import { z } from 'zod';
import type { Evaluator } from '../evaluator.js';
import { fmtInstant } from '../messages.js';
import type { Severidad } from '../types.js';

/**
 * `servicio_caido` (DESIGN.md §3 Uptime): a service is down while the checks after its last success (outside
 * maintenance windows) are N or more failures: the outage starts at the first of them and ends at the next
 * success. Read from the raw checks of a recent window per service (an hour, or N + 2 intervals when longer), so
 * it sees an outage as soon as the probe's batch is written, without waiting for the rollup; when the window
 * holds no success, the start comes from the open outage the rollup recorded (core.disp_caidas), if earlier; and
 * a service with no check at all in the window (the probe stopped) stays down while the rollup's outage is open —
 * a stopped probe does not «resolve» an outage.
 * A service inside a maintenance window now is flagged `mantenimiento` (its notices are held).
 * Only active services count. One query for every service.
 */
export const SQL_SERVICIOS_CAIDOS = `
WITH p AS (SELECT $ahora::TIMESTAMPTZ AS ahora, $fallos::INTEGER AS fallos),
s AS (
  SELECT id, nombre, criticidad, to_seconds(greatest(3600, (p.fallos + 2) * intervalo_s)) AS ventana
  FROM core.servicios, p WHERE activo
), v AS (
  SELECT v.servicio_id, v.ts, v.ok, v.error
  FROM core.disp_verificaciones v JOIN s ON s.id = v.servicio_id, p
  WHERE v.ts >= p.ahora - (SELECT max(ventana) FROM s) AND v.ts >= p.ahora - s.ventana AND v.ts <= p.ahora
    AND NOT EXISTS (SELECT 1 FROM core.mantenimientos m WHERE m.servicio_id = v.servicio_id AND v.ts >= m.inicio AND v.ts < m.fin)
), u AS (
  SELECT servicio_id, max(ts) FILTER (WHERE ok) AS ultimo_ok FROM v GROUP BY servicio_id
), f AS (
  SELECT v.servicio_id, count(*) AS fallos, min(v.ts) AS primero, arg_min(v.error, v.ts) AS error, bool_and(u.ultimo_ok IS NULL) AS sin_exito
  FROM v JOIN u USING (servicio_id)
  WHERE NOT v.ok AND (u.ultimo_ok IS NULL OR v.ts > u.ultimo_ok)
  GROUP BY v.servicio_id
), c AS (
  SELECT servicio_id, min(inicio) AS inicio, arg_min(error, inicio) AS error FROM core.disp_caidas WHERE fin IS NULL GROUP BY servicio_id
), caidos AS (
  SELECT f.servicio_id, f.error, CASE WHEN f.sin_exito AND c.inicio < f.primero THEN c.inicio ELSE f.primero END AS inicio
  FROM f LEFT JOIN c USING (servicio_id), p WHERE f.fallos >= p.fallos
  UNION ALL
  -- No check in the window (the probe stopped, or every check fell in a maintenance window): an outage the
  -- rollup recorded as open stays open until a success is seen.
  SELECT c.servicio_id, c.error, c.inicio FROM c JOIN s ON s.id = c.servicio_id
  WHERE NOT EXISTS (SELECT 1 FROM v WHERE v.servicio_id = c.servicio_id)
)
SELECT s.id, s.nombre, s.criticidad, k.error, k.inicio,
  EXISTS (SELECT 1 FROM core.mantenimientos m WHERE m.servicio_id = s.id AND p.ahora >= m.inicio AND p.ahora < m.fin) AS mantenimiento
FROM caidos k JOIN s ON s.id = k.servicio_id, p
ORDER BY s.id`;

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
    const rows = await wh.all<{ id: string; nombre: string; criticidad: string; error: string | null; inicio: string; mantenimiento: boolean }>(
      SQL_SERVICIOS_CAIDOS,
      { ahora: new Date(ctx.ahora).toISOString(), fallos: p.fallos ?? ctx.fallosCaida },
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
