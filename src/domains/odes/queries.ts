import type { Warehouse } from '../../db/warehouse.js';
import { addDays } from '../../core/time.js';
import { componenteMasDebil, computeIndice, semaforoIndice, weeklyCortes } from './indice.js';
import { CARGOS, COMPONENTES, type Componente, type Componentes, type ConsejoDetalle, type CumplimientoRow, type IndiceRow, type OdesConfig, type ProcesoInfo, type TendenciaOdes } from './types.js';

const PROCESOS_SQL = `
WITH c AS (
  SELECT proceso, count(*)::INTEGER AS consejos, min(fecha_instalacion_programada) AS primera_instalacion,
         max(fecha_conclusion) AS conclusion
  FROM core.odes_consejos GROUP BY proceso
),
v AS (
  SELECT proceso, max(f) AS f FROM (
    SELECT proceso, fecha_limite AS f FROM core.odes_entregables
    UNION ALL SELECT proceso, fecha_limite FROM core.odes_supervision
    UNION ALL SELECT proceso, max(fecha_programada)::DATE FROM core.odes_sesiones GROUP BY proceso
  ) GROUP BY proceso
)
SELECT c.proceso, coalesce(p.nombre, c.proceso) AS nombre, coalesce(p.tipo_consejos,
         (SELECT min(tipo) FROM core.odes_consejos x WHERE x.proceso = c.proceso)) AS tipo_consejos,
       strftime(p.inicio, '%Y-%m-%d') AS inicio, strftime(p.fin, '%Y-%m-%d') AS fin, c.consejos,
       strftime(c.primera_instalacion, '%Y-%m-%d') AS primera_instalacion,
       strftime(greatest(p.fin, c.conclusion, v.f), '%Y-%m-%d') AS ultimo_vencimiento
FROM c LEFT JOIN core.procesos p ON p.proceso = c.proceso LEFT JOIN v ON v.proceso = c.proceso
ORDER BY coalesce(p.inicio, c.primera_instalacion) DESC NULLS LAST, c.proceso DESC`;

/** Processes that have councils loaded, the latest first. */
export async function listProcesos(wh: Warehouse): Promise<ProcesoInfo[]> {
  return wh.all<ProcesoInfo>(PROCESOS_SQL);
}

/** The requested process (when it has councils) or the latest; null when nothing is loaded. */
export async function resolveProceso(wh: Warehouse, proceso: string | undefined): Promise<ProcesoInfo | null> {
  const all = await listProcesos(wh);
  if (proceso) return all.find((p) => p.proceso === proceso) ?? null;
  return all[0] ?? null;
}

/** The last cut-off of the weekly trend: `hasta`, or the process's last due date when that comes first. */
function trendEnd(p: ProcesoInfo, hasta: string): string {
  return p.ultimo_vencimiento && p.ultimo_vencimiento < hasta ? p.ultimo_vencimiento : hasta;
}

function place(clave: string): { municipio_cvegeo: string | null; distrito: number | null } {
  if (/^M\d{3}$/.test(clave)) return { municipio_cvegeo: `30${clave.slice(1)}`, distrito: null };
  if (/^D\d{2}$/.test(clave)) return { municipio_cvegeo: null, distrito: Number(clave.slice(1)) };
  return { municipio_cvegeo: null, distrito: null };
}

function decorate(r: IndiceRow, before: IndiceRow | undefined, cfg: OdesConfig): Omit<CumplimientoRow, 'posicion'> {
  const prev = before?.indice ?? null;
  const cambio = r.indice !== null && prev !== null ? Math.round((r.indice - prev) * 100) / 100 : null;
  return {
    clave_odes: r.clave_odes,
    tipo: r.tipo,
    cabecera: r.cabecera,
    indice: r.indice,
    componentes_con_datos: r.componentes_con_datos,
    componentes: r.componentes,
    ...place(r.clave_odes),
    componente_mas_debil: componenteMasDebil(r.componentes),
    semaforo: semaforoIndice(r.indice, cfg),
    bajo_desempeno: r.indice !== null && r.indice < cfg.umbral_bajo_desempeno,
    tendencia: { indice_anterior: prev, cambio, direccion: cambio === null ? null : cambio <= -2 ? 'empeora' : cambio >= 2 ? 'mejora' : 'estable' },
  };
}

/** GET /api/odes/cumplimiento: every council of the process as of `hasta`, weakest first. */
export async function cumplimiento(wh: Warehouse, p: ProcesoInfo, hasta: string, cfg: OdesConfig, tipo?: string): Promise<CumplimientoRow[]> {
  const antes = addDays(trendEnd(p, hasta), -28);
  const rows = await computeIndice(wh, p.proceso, [hasta, antes], cfg);
  const prev = new Map(rows.filter((r) => r.hasta === antes).map((r) => [r.clave_odes, r]));
  return rows
    .filter((r) => r.hasta === hasta && (!tipo || r.tipo === tipo))
    .map((r) => decorate(r, prev.get(r.clave_odes), cfg))
    .sort((a, b) => (a.indice ?? Infinity) - (b.indice ?? Infinity) || a.clave_odes.localeCompare(b.clave_odes))
    .map((r, i) => ({ ...r, posicion: i + 1 }));
}

/** The value a page of GET /api/odes/cumplimiento sorts by (`orden`, one of CUMPLIMIENTO_ORDEN). */
export function valorOrdenCumplimiento(r: CumplimientoRow, columna: string): unknown {
  if ((COMPONENTES as readonly string[]).includes(columna)) return r.componentes[columna as Componente];
  if (columna === 'tendencia') return r.tendencia.direccion;
  if (columna === 'cambio_4_semanas') return r.tendencia.cambio;
  return (r as unknown as Record<string, unknown>)[columna];
}

/** GET /api/odes/tendencia: the index of each council per week over the process (and the mean of all). */
export async function tendencia(wh: Warehouse, p: ProcesoInfo, hasta: string, cfg: OdesConfig, clave = ''): Promise<TendenciaOdes & { detalle: IndiceRow[] | undefined }> {
  const fechas = weeklyCortes(p.primera_instalacion ?? p.inicio ?? hasta, trendEnd(p, hasta));
  const rows = await computeIndice(wh, p.proceso, fechas, cfg, clave);
  const pos = new Map(fechas.map((f, i) => [f, i]));
  const byClave = new Map<string, { clave_odes: string; tipo: string; cabecera: string | null; indices: Array<number | null> }>();
  for (const r of rows) {
    let s = byClave.get(r.clave_odes);
    if (!s) byClave.set(r.clave_odes, (s = { clave_odes: r.clave_odes, tipo: r.tipo, cabecera: r.cabecera, indices: fechas.map(() => null) }));
    s.indices[pos.get(r.hasta)!] = r.indice;
  }
  const consejos = [...byClave.values()];
  const promedio = fechas.map((_, i) => {
    const xs = consejos.map((c) => c.indices[i]).filter((x): x is number => x !== null);
    return xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : null;
  });
  return { proceso: p.proceso, hasta, fechas, promedio, consejos, detalle: clave ? rows : undefined };
}

const CONSEJO_SQL = `
SELECT proceso, clave_odes, tipo, cabecera, strftime(fecha_instalacion_programada, '%Y-%m-%d') AS fecha_instalacion_programada,
       strftime(fecha_instalacion, '%Y-%m-%d') AS fecha_instalacion, strftime(fecha_conclusion, '%Y-%m-%d') AS fecha_conclusion,
       _archivo AS archivo, _fila AS fila
FROM core.odes_consejos WHERE proceso = $proceso AND clave_odes = $clave`;

/**
 * Propietario positions not filled on hasta, with when and why they fell vacant and when they were filled; every
 * cargo of the catalog ($cargos) is a position, so one nobody was ever designated to is listed too (sin designación).
 */
const VACANTES_SQL = `
WITH cargos AS (SELECT unnest(string_split($cargos::VARCHAR, ',')) AS cargo),
i AS (SELECT * FROM core.odes_integracion WHERE proceso = $proceso AND clave_odes = $clave AND calidad = 'propietario'),
llenos AS (SELECT DISTINCT cargo FROM i WHERE fecha_designacion <= $hasta::DATE AND (fecha_baja IS NULL OR fecha_baja > $hasta::DATE))
SELECT k.cargo,
       strftime(max(i.fecha_baja) FILTER (WHERE i.fecha_baja <= $hasta::DATE), '%Y-%m-%d') AS vacante_desde,
       CASE WHEN count(i.cargo) = 0 THEN 'sin designación'
            ELSE arg_max(i.motivo_baja, i.fecha_baja) FILTER (WHERE i.fecha_baja <= $hasta::DATE) END AS motivo_baja,
       strftime(min(i.fecha_designacion) FILTER (WHERE i.fecha_designacion > $hasta::DATE), '%Y-%m-%d') AS cubierta_en,
       count(i.cargo) = 0 AS sin_designacion
FROM cargos k LEFT JOIN i ON i.cargo = k.cargo
WHERE k.cargo NOT IN (SELECT cargo FROM llenos)
GROUP BY k.cargo ORDER BY list_position(string_split($cargos::VARCHAR, ','), k.cargo)`;

/** Every vacancy up to hasta (a person left, or vacant since installation) and how many days it lasted. */
const VACANCIAS_SQL = `
WITH i AS (SELECT * FROM core.odes_integracion WHERE proceso = $proceso AND clave_odes = $clave AND calidad = 'propietario'),
c AS (SELECT fecha_instalacion_programada AS inst FROM core.odes_consejos WHERE proceso = $proceso AND clave_odes = $clave),
v AS (
  SELECT cargo, persona, fecha_baja AS desde, motivo_baja FROM i WHERE fecha_baja <= $hasta::DATE
  UNION ALL
  SELECT cargo, NULL, (SELECT inst FROM c), 'vacante desde la instalación' FROM i WHERE fecha_designacion IS NULL
  UNION ALL
  SELECT cargo, NULL, (SELECT inst FROM c), 'sin designación'
  FROM (SELECT unnest(string_split($cargos::VARCHAR, ',')) AS cargo)
  WHERE cargo NOT IN (SELECT cargo FROM i) AND (SELECT inst FROM c) <= $hasta::DATE
)
SELECT cargo, persona, strftime(desde, '%Y-%m-%d') AS vacante_desde, motivo_baja,
       strftime(cubierta, '%Y-%m-%d') AS cubierta_en,
       (least(coalesce(cubierta, $hasta::DATE), $hasta::DATE) - desde)::INTEGER AS dias_vacante
FROM (
  SELECT v.cargo, v.persona, v.desde, v.motivo_baja, min(i.fecha_designacion) FILTER (WHERE i.fecha_designacion >= v.desde) AS cubierta
  FROM v LEFT JOIN i ON i.cargo = v.cargo
  GROUP BY v.cargo, v.persona, v.desde, v.motivo_baja
)
ORDER BY desde, cargo`;

const SESIONES_SQL = `
SELECT numero, tipo, fecha_programada, fecha_inicio, quorum,
       CASE WHEN fecha_inicio IS NULL OR fecha_inicio >= ($hasta::DATE + 1)::TIMESTAMPTZ THEN 'no celebrada' ELSE 'sin quórum' END AS motivo,
       _archivo AS archivo, _fila AS fila
FROM core.odes_sesiones
WHERE proceso = $proceso AND clave_odes = $clave AND fecha_programada < ($hasta::DATE + 1)::TIMESTAMPTZ
  AND NOT (fecha_inicio IS NOT NULL AND fecha_inicio < ($hasta::DATE + 1)::TIMESTAMPTZ AND coalesce(quorum, false))
ORDER BY numero`;

const ACTAS_SQL = `
WITH s AS (
  SELECT s.*, min(s.fecha_inicio) OVER (ORDER BY s.fecha_inicio NULLS LAST, s.numero ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS siguiente_inicio,
         ap.numero AS aprobada_numero, ap.fecha_inicio AS aprobada_inicio
  FROM core.odes_sesiones s
  LEFT JOIN core.odes_sesiones ap ON ap.proceso = s.proceso AND ap.clave_odes = s.clave_odes AND ap.numero = s.acta_aprobada_en
  WHERE s.proceso = $proceso AND s.clave_odes = $clave
)
SELECT numero, tipo, fecha_inicio, acta_aprobada_en,
       CASE WHEN acta_aprobada_en IS NULL THEN 'acta pendiente de aprobación' ELSE 'aprobada en una sesión posterior a la fecha de corte' END AS motivo,
       _archivo AS archivo, _fila AS fila
FROM s
WHERE fecha_inicio < ($hasta::DATE + 1)::TIMESTAMPTZ AND siguiente_inicio < ($hasta::DATE + 1)::TIMESTAMPTZ
  AND NOT coalesce(acta_aprobada_en IS NOT NULL AND (aprobada_numero IS NULL OR aprobada_inicio < ($hasta::DATE + 1)::TIMESTAMPTZ), false)
ORDER BY numero`;

/** Acuerdos due by hasta (their posting limit, approval + $horas, has passed) not posted within it. */
const ESTRADOS_SQL = `
SELECT clave_acuerdo, sesion_numero, fecha_aprobacion, fecha_fijacion_estrados,
       round((epoch(fecha_fijacion_estrados) - epoch(fecha_aprobacion)) / 3600, 1) AS horas,
       CASE WHEN fecha_fijacion_estrados IS NULL THEN 'no fijado en estrados' ELSE 'fijado fuera de plazo' END AS motivo,
       _archivo AS archivo, _fila AS fila
FROM core.odes_acuerdos
WHERE proceso = $proceso AND clave_odes = $clave
  AND epoch(($hasta::DATE + 1)::TIMESTAMPTZ) - epoch(fecha_aprobacion) >= $horas::DOUBLE * 3600
  AND NOT (fecha_fijacion_estrados IS NOT NULL AND epoch(fecha_fijacion_estrados) - epoch(fecha_aprobacion) <= $horas::DOUBLE * 3600)
ORDER BY fecha_aprobacion`;

const ENTREGABLES_SQL = `
SELECT entregable, strftime(fecha_limite, '%Y-%m-%d') AS fecha_limite, strftime(fecha_entrega, '%Y-%m-%d') AS fecha_entrega,
       (coalesce(fecha_entrega, $hasta::DATE) - fecha_limite)::INTEGER AS dias_atraso,
       CASE WHEN fecha_entrega IS NULL THEN 'no entregado' ELSE 'entregado fuera de plazo' END AS motivo,
       _archivo AS archivo, _fila AS fila
FROM core.odes_entregables
WHERE proceso = $proceso AND clave_odes = $clave AND fecha_limite <= $hasta::DATE
  AND NOT (fecha_entrega IS NOT NULL AND fecha_entrega <= fecha_limite)
ORDER BY fecha_limite, entregable`;

const SUPERVISION_SQL = `
SELECT folio_visita, strftime(fecha_visita, '%Y-%m-%d') AS fecha_visita, num_observacion, rubro, observacion, severidad,
       strftime(fecha_limite, '%Y-%m-%d') AS fecha_limite, strftime(fecha_atencion, '%Y-%m-%d') AS fecha_atencion,
       CASE WHEN fecha_atencion IS NULL THEN 'pendiente' ELSE 'atendida fuera de plazo' END AS motivo,
       _archivo AS archivo, _fila AS fila
FROM core.odes_supervision
WHERE proceso = $proceso AND clave_odes = $clave AND fecha_limite <= $hasta::DATE
  AND NOT (fecha_atencion IS NOT NULL AND fecha_atencion <= fecha_limite)
ORDER BY fecha_limite, folio_visita, num_observacion`;

/** GET /api/odes/consejos/:clave — the council's index, each component with the rows behind it, and its trend. */
export async function consejoDetalle(wh: Warehouse, p: ProcesoInfo, clave: string, hasta: string, cfg: OdesConfig): Promise<ConsejoDetalle | null> {
  const base = { proceso: p.proceso, clave };
  const consejo = await wh.one<Record<string, unknown>>(CONSEJO_SQL, base);
  if (!consejo) return null;
  const q = { ...base, hasta };
  const [[actual], tend, vacantes, vacancias, sesiones, actas, estrados, entregables, supervision] = await Promise.all([
    cumplimientoDe(wh, p, clave, hasta, cfg),
    tendencia(wh, p, hasta, cfg, clave),
    wh.all(VACANTES_SQL, { ...q, cargos: CARGOS.join(',') }),
    wh.all(VACANCIAS_SQL, { ...q, cargos: CARGOS.join(',') }),
    wh.all(SESIONES_SQL, q),
    wh.all(ACTAS_SQL, q),
    wh.all(ESTRADOS_SQL, { ...q, horas: cfg.horas_estrados }),
    wh.all(ENTREGABLES_SQL, q),
    wh.all(SUPERVISION_SQL, q),
  ]);
  const filas: Record<Componente, unknown> = {
    instalacion: {
      programada: consejo.fecha_instalacion_programada, real: consejo.fecha_instalacion,
      motivo: actual?.componentes.instalacion === 0 ? (consejo.fecha_instalacion ? 'instalado después de la fecha programada' : 'no instalado') : null,
    },
    integracion: { vacantes, historial: vacancias },
    sesiones: { filas: sesiones },
    actas: { filas: actas },
    estrados: { filas: estrados, horas_limite: cfg.horas_estrados },
    entregables: { filas: entregables },
    supervision: { filas: supervision },
  };
  return {
    proceso: p.proceso,
    hasta,
    consejo: { ...consejo, ...place(clave) },
    ...(actual ?? { indice: null, componentes_con_datos: 0, componentes: Object.fromEntries(COMPONENTES.map((k) => [k, null])) as Componentes }),
    detalle: filas,
    tendencia: (tend.detalle ?? []).map((r) => ({ hasta: r.hasta, indice: r.indice, componentes_con_datos: r.componentes_con_datos, ...r.componentes })),
    enlaces: { incidentes: `/incidentes?clave_odes=${encodeURIComponent(clave)}`, oficialia: `/oficialia?organo=${encodeURIComponent(clave)}` },
  };
}

async function cumplimientoDe(wh: Warehouse, p: ProcesoInfo, clave: string, hasta: string, cfg: OdesConfig): Promise<Array<Omit<CumplimientoRow, 'posicion'>>> {
  const antes = addDays(trendEnd(p, hasta), -28);
  const rows = await computeIndice(wh, p.proceso, [hasta, antes], cfg, clave);
  const prev = rows.find((r) => r.hasta === antes);
  return rows.filter((r) => r.hasta === hasta).map((r) => decorate(r, prev, cfg));
}
