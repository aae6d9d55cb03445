import type { Warehouse } from '../../db/warehouse.js';
import { uptimeConfig } from '../../config/uptime.js';
import { LAT_BASE } from '../../core/uptime.js';
import { CTE_VENTANAS_EN_VIVO, VENTANAS_COLS, ventanas } from '../../core/uptime-ventanas.js';
import type { Caida, Dia, EstadoPublico, PuntoLatencia, ServicioEstado, Verificacion } from './types.js';

/**
 * Uptime figures (DESIGN.md §3 "Uptime"), read from the rollups, never from the raw checks except for the current
 * state (the last checks of the past hour). Windows end at `ahora`:
 * - 24 h and 7 d: hour rollups of the current hour and the 23 (or 167) before it;
 * - 30 d, 90 d, 365 d: day rollups (Mexico City days) of today and the 29 (89, 364) days before it.
 * uptime % = 100 × ok / (total − mantenimiento): checks inside a maintenance window are out of the denominator.
 * Latency p50/p95 (ms) over 24 h: from the hour histograms of successful checks (bins of ±5 %).
 * estado: abajo when the last N checks (N = ATALAYA_UPTIME_FALLOS_CAIDA) all failed outside maintenance windows.
 *
 * The windows' sums come from core.disp_ventana_hora, kept by each rollup run for the hour of a read (see
 * src/core/uptime-ventanas.ts); a read in an hour no run kept computes them (SQL_SERVICIOS_EN_VIVO).
 */
const CTE_VENTANAS_GUARDADAS = `ventanas AS (
  SELECT ${VENTANAS_COLS} FROM core.disp_ventana_hora WHERE hora = $h0::TIMESTAMPTZ
)`;

const sqlServicios = (cte: string): string => `
WITH ${cte}, ult AS (
  SELECT v.servicio_id, max(v.ts) AS ultima, max_by(v.ok, v.ts, $fallos::INTEGER) AS oks, max_by(v.ts, v.ts, $fallos::INTEGER) AS tss
  FROM core.disp_verificaciones v WHERE v.ts >= $ahora_1h::TIMESTAMPTZ AND v.ts <= $ahora::TIMESTAMPTZ GROUP BY 1
), en_mant AS (
  SELECT DISTINCT x.servicio_id FROM (SELECT servicio_id, unnest(tss) AS ts FROM ult) x
  JOIN core.mantenimientos m ON m.servicio_id = x.servicio_id AND x.ts >= m.inicio AND x.ts < m.fin
), est AS (
  -- A success or a check inside a maintenance window among the last N ends a run of failures (§3 Uptime).
  SELECT u.servicio_id, u.ultima, list_bool_or(u.oks) OR m.servicio_id IS NOT NULL AS alguno_ok FROM ult u LEFT JOIN en_mant m USING (servicio_id)
)
SELECT s.id, s.nombre, s.criticidad, s.publico,
  CASE
    WHEN EXISTS (SELECT 1 FROM core.mantenimientos m WHERE m.servicio_id = s.id AND $ahora::TIMESTAMPTZ >= m.inicio AND $ahora::TIMESTAMPTZ < m.fin) THEN 'mantenimiento'
    WHEN est.ultima IS NULL OR epoch(est.ultima) < epoch($ahora::TIMESTAMPTZ) - greatest(3 * s.intervalo_s, 300) THEN 'sin_datos'
    WHEN est.alguno_ok THEN 'arriba'
    ELSE 'abajo'
  END AS estado,
  round(100.0 * w.ok24 / nullif(w.n24, 0), 3) AS uptime_24h,
  round(100.0 * w.ok7 / nullif(w.n7, 0), 3) AS uptime_7d,
  round(100.0 * w.ok30 / nullif(w.n30, 0), 3) AS uptime_30d,
  round(100.0 * w.ok90 / nullif(w.n90, 0), 3) AS uptime_90d,
  round(100.0 * w.ok365 / nullif(w.n365, 0), 3) AS uptime_365d,
  round(pow(${LAT_BASE}, w.b50 + 0.5))::INTEGER AS latencia_p50_ms,
  round(pow(${LAT_BASE}, w.b95 + 0.5))::INTEGER AS latencia_p95_ms,
  est.ultima AS ultima_verificacion, s.certificado_vence
FROM core.servicios s
LEFT JOIN ventanas w ON w.servicio_id = s.id
LEFT JOIN est ON est.servicio_id = s.id
WHERE s.activo AND ($publico::BOOLEAN IS NULL OR s.publico = $publico::BOOLEAN)
ORDER BY s.criticidad = 'alta' DESC, s.criticidad = 'media' DESC, s.nombre`;

/** The services page computing its windows from the rollups (any `ahora`). */
export const SQL_SERVICIOS_EN_VIVO = sqlServicios(CTE_VENTANAS_EN_VIVO);
/** The services page reading the windows the last rollup kept for the hour of `ahora` ($h0). */
export const SQL_SERVICIOS = sqlServicios(CTE_VENTANAS_GUARDADAS);

const nowIso = (ahora?: string): string => ahora ?? new Date().toISOString();

type Params = Record<string, string | number | boolean | null>;

/** The parameters of SQL_SERVICIOS (`enVivo`: of SQL_SERVICIOS_EN_VIVO); each statement takes only its own. */
export function serviciosParams(ahora: string, fallos: number, publico: boolean | null, enVivo = false): Params {
  const { h0, ...v } = ventanas(ahora);
  return enVivo ? { ...v, fallos, publico } : { ahora: v.ahora, ahora_1h: v.ahora_1h, h0, fallos, publico };
}

/** Whether the last rollup kept the hour windows of the hour `ahora` falls in. */
export async function horaGuardada(wh: Warehouse, ahora: string): Promise<boolean> {
  const r = await wh.one<{ si: boolean }>(`SELECT EXISTS (SELECT 1 FROM core.disp_ventana_hora WHERE hora = $h0::TIMESTAMPTZ) AS si`, { h0: ventanas(ahora).h0 });
  return r?.si === true;
}

export async function serviciosEstado(wh: Warehouse, o: { ahora?: string; publico?: boolean; enVivo?: boolean } = {}): Promise<ServicioEstado[]> {
  const ahora = nowIso(o.ahora);
  const enVivo = o.enVivo === true || !(await horaGuardada(wh, ahora));
  return wh.all<ServicioEstado>(enVivo ? SQL_SERVICIOS_EN_VIVO : SQL_SERVICIOS, serviciosParams(ahora, uptimeConfig().fallosCaida, o.publico ?? null, enVivo));
}

/** Outages that overlap [desde, hasta]; duracion_min up to `ahora` for an open one. */
export const SQL_CAIDAS = `
SELECT inicio, fin, round(epoch(coalesce(fin, $ahora::TIMESTAMPTZ) - inicio) / 60.0, 1) AS duracion_min, fin IS NULL AS en_curso, fallos, error
FROM core.disp_caidas
WHERE servicio_id = $id AND inicio < $hasta::TIMESTAMPTZ AND coalesce(fin, $ahora::TIMESTAMPTZ) >= $desde::TIMESTAMPTZ
ORDER BY inicio DESC`;

export async function caidas(wh: Warehouse, id: string, r: { desde: string; hasta: string; ahora?: string }): Promise<Caida[]> {
  return wh.all<Caida>(SQL_CAIDAS, { id, desde: r.desde, hasta: r.hasta, ahora: nowIso(r.ahora) });
}

/** Daily uptime of the last `dias` days (Mexico City), one row per day with data. */
export const SQL_DIARIO = `
SELECT strftime(inicio, '%Y-%m-%d') AS dia, total, ok, mantenimiento,
  round(100.0 * ok / nullif(total - mantenimiento, 0), 3) AS uptime
FROM core.disp_agregados
WHERE nivel = 'dia' AND servicio_id = $id AND inicio >= date_trunc('day', $ahora::TIMESTAMPTZ) - to_days($dias::INTEGER - 1) AND inicio <= $ahora::TIMESTAMPTZ
ORDER BY inicio`;

export async function diario(wh: Warehouse, id: string, dias = 90, ahora?: string): Promise<Dia[]> {
  return wh.all<Dia>(SQL_DIARIO, { id, dias, ahora: nowIso(ahora) });
}

/** Daily uptime of several services at once (the public page). */
export const SQL_DIARIO_VARIOS = `
SELECT servicio_id, strftime(inicio, '%Y-%m-%d') AS dia, round(100.0 * ok / nullif(total - mantenimiento, 0), 3) AS uptime,
  mantenimiento > 0 AS hubo_mantenimiento
FROM core.disp_agregados
WHERE nivel = 'dia' AND list_contains(string_split($ids::VARCHAR, ','), servicio_id)
  AND inicio >= date_trunc('day', $ahora::TIMESTAMPTZ) - to_days($dias::INTEGER - 1) AND inicio <= $ahora::TIMESTAMPTZ
ORDER BY servicio_id, inicio`;

/** Hourly latency (average, p50, p95 in ms) over the last `horas` hours. */
export const SQL_LATENCIA = `
WITH a AS (
  SELECT inicio, lat_n, lat_suma FROM core.disp_agregados
  WHERE nivel = 'hora' AND servicio_id = $id AND inicio >= date_trunc('hour', $ahora::TIMESTAMPTZ) - to_hours($horas::INTEGER - 1) AND inicio <= $ahora::TIMESTAMPTZ
), l AS (
  SELECT inicio, bin, sum(n) OVER (PARTITION BY inicio ORDER BY bin) AS acum, sum(n) OVER (PARTITION BY inicio) AS tot
  FROM core.disp_latencias
  WHERE nivel = 'hora' AND servicio_id = $id AND inicio >= date_trunc('hour', $ahora::TIMESTAMPTZ) - to_hours($horas::INTEGER - 1) AND inicio <= $ahora::TIMESTAMPTZ
), q AS (
  SELECT inicio, min(bin) FILTER (WHERE acum >= 0.5 * tot) AS b50, min(bin) FILTER (WHERE acum >= 0.95 * tot) AS b95 FROM l GROUP BY 1
)
SELECT a.inicio, round(a.lat_suma / nullif(a.lat_n, 0), 1) AS promedio_ms,
  round(pow(${LAT_BASE}, q.b50 + 0.5))::INTEGER AS p50_ms, round(pow(${LAT_BASE}, q.b95 + 0.5))::INTEGER AS p95_ms
FROM a LEFT JOIN q USING (inicio) ORDER BY a.inicio`;

export async function latencia(wh: Warehouse, id: string, horas = 168, ahora?: string): Promise<PuntoLatencia[]> {
  return wh.all<PuntoLatencia>(SQL_LATENCIA, { id, horas, ahora: nowIso(ahora) });
}

/** The last raw checks of a service (drill-down for UTSI). */
export async function verificaciones(wh: Warehouse, id: string, limite = 100): Promise<Verificacion[]> {
  return wh.all<Verificacion>(
    `SELECT ts, ok, latencia_ms, codigo, error, retraso_ms FROM core.disp_verificaciones
     WHERE servicio_id = $id AND ts >= now() - INTERVAL 2 DAY ORDER BY ts DESC LIMIT $limite::INTEGER`,
    { id, limite },
  );
}

/** The public status page: only `publico` services, names, states and daily bars — no destinations, no errors. */
export async function estadoPublico(wh: Warehouse, dias = 90, ahora?: string): Promise<EstadoPublico> {
  const a = nowIso(ahora);
  const svc = await serviciosEstado(wh, { ahora: a, publico: true });
  const rows = svc.length
    ? await wh.all<{ servicio_id: string; dia: string; uptime: number | null; hubo_mantenimiento: boolean }>(SQL_DIARIO_VARIOS, { ids: svc.map((s) => s.id).join(','), dias, ahora: a })
    : [];
  const byId = new Map<string, Array<{ dia: string; uptime: number | null; hubo_mantenimiento: boolean }>>();
  for (const r of rows) {
    const list = byId.get(r.servicio_id) ?? [];
    list.push({ dia: r.dia, uptime: r.uptime, hubo_mantenimiento: r.hubo_mantenimiento });
    byId.set(r.servicio_id, list);
  }
  return {
    actualizado: a,
    servicios: svc.map((s) => ({ nombre: s.nombre, estado: s.estado, uptime_90d: s.uptime_90d, dias: byId.get(s.id) ?? [] })),
  };
}
