import { z } from 'zod';
import { avancePorArea, enviosDe, listaCiclos, resultadosCiclo } from '../metas/ciclo.js';
import type { Warehouse } from '../../db/warehouse.js';
import type { Pipeline } from '../../../pipelines/runner/types.js';
import { getOdesConfig } from '../odes/config.js';
import { computeIndice } from '../odes/indice.js';
import { serviciosEstado } from '../disponibilidad/queries.js';
import { resumen as resumenIncidentes } from '../incidentes/queries.js';
import { cumplimiento, resolveProceso } from '../odes/queries.js';
import { resumenOficialiaBasico, type Rango } from '../oficialia/queries.js';
import { addDays, todayMx } from '../../core/time.js';
import { freshness } from '../../api/queries/runs.js';
import { resumenSesionesBasico } from '../sesiones/queries.js';

/** The leadership overview: one card per KPI with value, semáforo against a target, change, sparkline, freshness. */

export const PERIODOS = { mes: 30, trimestre: 90, anio: 365 } as const;
export type Periodo = keyof typeof PERIODOS;
export const PERIODO_NOMBRE: Record<Periodo, string> = { mes: 'últimos 30 días', trimestre: 'últimos 90 días', anio: 'últimos 365 días' };
/** Sparkline buckets per period: [how many, days each]. */
const BUCKETS: Record<Periodo, [number, number]> = { mes: [8, 7], trimestre: [6, 30], anio: [12, 30] };

export type Semaforo = 'verde' | 'amarillo' | 'rojo' | 'sin_datos';
export type Formato = 'pct' | 'numero' | 'horas';

/** Target of a card: verde from `verde`, amarillo from `amarillo` (descendente: at most those values). */
export interface Meta {
  verde: number;
  amarillo: number;
  sentido: 'ascendente' | 'descendente';
}

export const TARJETAS = ['metas', 'evaluacion', 'odes', 'incidentes', 'disponibilidad', 'oficialia', 'sesiones'] as const;
export type TarjetaId = (typeof TARJETAS)[number];

export const RESUMEN_CONFIG_KEY = 'resumen.metas';
export const DEFAULT_METAS: Record<TarjetaId, Meta> = {
  metas: { verde: 80, amarillo: 60, sentido: 'ascendente' },
  evaluacion: { verde: 90, amarillo: 60, sentido: 'ascendente' },
  odes: { verde: 90, amarillo: 70, sentido: 'ascendente' },
  incidentes: { verde: 90, amarillo: 80, sentido: 'ascendente' },
  disponibilidad: { verde: 99.5, amarillo: 98, sentido: 'ascendente' },
  oficialia: { verde: 90, amarillo: 75, sentido: 'ascendente' },
  sesiones: { verde: 95, amarillo: 85, sentido: 'ascendente' },
};
const metaSchema = z.object({ verde: z.number(), amarillo: z.number(), sentido: z.enum(['ascendente', 'descendente']) });

export async function getMetasResumen(wh: Warehouse): Promise<Record<TarjetaId, Meta>> {
  const row = await wh.one<{ valor: string }>('SELECT valor FROM app.configuracion WHERE clave = $1', [RESUMEN_CONFIG_KEY]);
  const out = structuredClone(DEFAULT_METAS);
  if (!row) return out;
  try {
    const v = JSON.parse(row.valor) as Record<string, unknown>;
    for (const k of TARJETAS) {
      const p = metaSchema.partial().safeParse(v[k]);
      if (p.success) out[k] = { ...out[k], ...p.data };
    }
  } catch {
    // An unreadable setting keeps the defaults.
  }
  return out;
}

export function semaforo(valor: number | null, meta: Meta): Semaforo {
  if (valor === null || valor === undefined || Number.isNaN(valor)) return 'sin_datos';
  if (meta.sentido === 'ascendente') return valor >= meta.verde ? 'verde' : valor >= meta.amarillo ? 'amarillo' : 'rojo';
  return valor <= meta.verde ? 'verde' : valor <= meta.amarillo ? 'amarillo' : 'rojo';
}

export interface Frescura {
  pipeline: string;
  registrado: boolean;
  ultimo_exito: string | null;
  limite_horas: number | null;
  /** The last success is older than the pipeline's freshnessHours (or it never succeeded). */
  desactualizado: boolean;
}

export interface Secundario {
  etiqueta: string;
  valor: number | null;
  formato: Formato;
}

export interface Tarjeta {
  id: TarjetaId;
  titulo: string;
  unidad: string;
  /** 'sin_datos' when the domain's tables are missing or hold nothing for the period. */
  estado: 'ok' | 'sin_datos';
  etiqueta: string;
  valor: number | null;
  formato: Formato;
  meta: Meta;
  semaforo: Semaforo;
  anterior: number | null;
  cambio: number | null;
  secundarios: Secundario[];
  serie: Array<{ hasta: string; valor: number | null }>;
  frescura: Frescura;
  enlace: string;
  como: string;
  nota: string | null;
}

export interface ResumenGeneral {
  periodo: Periodo;
  periodo_nombre: string;
  actual: Rango;
  anterior: Rango;
  tarjetas: Tarjeta[];
}

/** The current window ending on `hasta`, the one before it, and the sparkline buckets. */
export function ventanas(periodo: Periodo, hasta: string): { actual: Rango; anterior: Rango; buckets: Rango[] } {
  const d = PERIODOS[periodo];
  const actual = { desde: addDays(hasta, -(d - 1)), hasta };
  const anterior = { desde: addDays(hasta, -(2 * d - 1)), hasta: addDays(hasta, -d) };
  const [n, len] = BUCKETS[periodo];
  const buckets: Rango[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const h = addDays(hasta, -i * len);
    buckets.push({ desde: addDays(h, -(len - 1)), hasta: h });
  }
  return { actual, anterior, buckets };
}

export async function tableExists(wh: Warehouse, qualified: string): Promise<boolean> {
  const [schema, table] = qualified.split('.');
  const r = await wh.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = $1 AND table_name = $2`,
    [schema!, table!],
  );
  return (r?.n ?? 0) > 0;
}

async function hasRows(wh: Warehouse, qualified: string): Promise<boolean> {
  if (!(await tableExists(wh, qualified))) return false;
  // The name comes from this file's constants, never from a request.
  const r = await wh.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM ${qualified} LIMIT 1)`);
  return (r?.n ?? 0) > 0;
}

const round1 = (v: number | null | undefined): number | null => (v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 10) / 10);
const avg = (xs: Array<number | null>): number | null => {
  const v = xs.filter((x): x is number => x !== null && x !== undefined);
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
};

type Base = Omit<Tarjeta, 'meta' | 'semaforo' | 'frescura' | 'cambio'> & { pipeline: string };

function vacia(id: TarjetaId, titulo: string, unidad: string, etiqueta: string, formato: Formato, pipeline: string, enlace: string, como: string, nota: string): Base {
  return { id, titulo, unidad, estado: 'sin_datos', etiqueta, valor: null, formato, anterior: null, secundarios: [], serie: [], enlace, como, nota, pipeline };
}

const qs = (o: Record<string, string | number | null | undefined>): string => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
};

// --- Cards ---------------------------------------------------------------------------------------------------

const COMO_OFICIALIA = 'Peticiones recibidas en el periodo y atendidas a su cierre (acta entregada, o evaluación si fue improcedente o no presentada); en plazo = atendidas en el plazo configurado desde la recepción / atendidas.';
async function cardOficialia(wh: Warehouse, v: ReturnType<typeof ventanas>): Promise<Base> {
  const enlace = `/oficialia${qs({ ...v.actual })}`;
  if (!(await hasRows(wh, 'core.peticiones'))) return vacia('oficialia', 'Oficialía Electoral', 'UTOE', 'Peticiones atendidas en plazo', 'pct', 'oficialia', enlace, COMO_OFICIALIA, 'Sin peticiones cargadas.');
  const [cur, prev, ...serie] = await Promise.all([v.actual, v.anterior, ...v.buckets].map((r) => resumenOficialiaBasico(wh, r)));
  return {
    id: 'oficialia', titulo: 'Oficialía Electoral', unidad: 'UTOE', estado: cur!.recibidas > 0 ? 'ok' : 'sin_datos', etiqueta: 'Peticiones atendidas en plazo',
    valor: round1(cur!.en_plazo_pct), formato: 'pct', anterior: round1(prev!.en_plazo_pct),
    secundarios: [
      { etiqueta: 'Pendientes (backlog)', valor: cur!.backlog, formato: 'numero' },
      { etiqueta: 'Recibidas', valor: cur!.recibidas, formato: 'numero' },
      { etiqueta: 'Mediana de atención', valor: round1(cur!.horas_atencion_mediana), formato: 'horas' },
    ],
    serie: serie.map((s, i) => ({ hasta: v.buckets[i]!.hasta, valor: round1(s.en_plazo_pct) })),
    enlace, como: `${COMO_OFICIALIA} Plazo: ${cur!.plazo_horas} h.`, nota: null, pipeline: 'oficialia',
  };
}

const COMO_SESIONES = 'Sesiones que iniciaron en el periodo; cumple la anticipación cuando entre la convocatoria y el inicio hay al menos el mínimo de su tipo (ordinaria 72 h, extraordinaria y solemne 24 h por omisión; urgentes y permanentes no cuentan).';
async function cardSesiones(wh: Warehouse, v: ReturnType<typeof ventanas>): Promise<Base> {
  const enlace = `/sesiones${qs({ ...v.actual })}`;
  if (!(await hasRows(wh, 'core.sesiones'))) return vacia('sesiones', 'Sesiones', 'UTS', 'Convocatorias con anticipación suficiente', 'pct', 'sesiones', enlace, COMO_SESIONES, 'Sin sesiones cargadas.');
  const [cur, prev, ...serie] = await Promise.all([v.actual, v.anterior, ...v.buckets].map((r) => resumenSesionesBasico(wh, r)));
  return {
    id: 'sesiones', titulo: 'Sesiones', unidad: 'UTS', estado: cur!.sesiones > 0 ? 'ok' : 'sin_datos', etiqueta: 'Convocatorias con anticipación suficiente',
    valor: round1(cur!.anticipacion_cumplida_pct), formato: 'pct', anterior: round1(prev!.anticipacion_cumplida_pct),
    secundarios: [
      { etiqueta: 'Sesiones celebradas', valor: cur!.sesiones, formato: 'numero' },
      { etiqueta: 'Sin quórum', valor: cur!.sin_quorum, formato: 'numero' },
      { etiqueta: 'Actas pendientes', valor: cur!.actas_pendientes, formato: 'numero' },
      { etiqueta: 'Acuerdos aprobados', valor: cur!.acuerdos, formato: 'numero' },
    ],
    serie: serie.map((s, i) => ({ hasta: v.buckets[i]!.hasta, valor: round1(s.anticipacion_cumplida_pct) })),
    enlace, como: COMO_SESIONES, nota: null, pipeline: 'sesiones',
  };
}

const COMO_INCIDENTES = 'SLA cumplido = tickets resueltos en el periodo a más tardar en su fecha límite (o en el tiempo configurado para su prioridad) / resueltos en el periodo. Abiertos = abiertos a la fecha de corte y sin resolver.';
async function cardIncidentes(wh: Warehouse, v: ReturnType<typeof ventanas>): Promise<Base> {
  const enlace = `/incidentes${qs({ ...v.actual })}`;
  if (!(await hasRows(wh, 'core.tickets'))) return vacia('incidentes', 'Incidentes y solicitudes', 'UTSI', 'SLA cumplido', 'pct', 'tickets', enlace, COMO_INCIDENTES, 'Sin tickets cargados.');
  const [cur, prev, ...serie] = await Promise.all([v.actual, v.anterior, ...v.buckets].map((r) => resumenIncidentes(wh, r)));
  return {
    id: 'incidentes', titulo: 'Incidentes y solicitudes', unidad: 'UTSI', estado: cur!.abiertos + cur!.resueltos + cur!.backlog > 0 ? 'ok' : 'sin_datos', etiqueta: 'SLA cumplido',
    valor: round1(cur!.sla_cumplido_pct), formato: 'pct', anterior: round1(prev!.sla_cumplido_pct),
    secundarios: [
      { etiqueta: 'Tickets abiertos (backlog)', valor: cur!.backlog, formato: 'numero' },
      { etiqueta: 'Resueltos en el periodo', valor: cur!.resueltos, formato: 'numero' },
      { etiqueta: 'MTTR mediana', valor: round1(cur!.mttr_horas_mediana), formato: 'horas' },
    ],
    serie: serie.map((s, i) => ({ hasta: v.buckets[i]!.hasta, valor: round1(s.sla_cumplido_pct) })),
    enlace, como: COMO_INCIDENTES, nota: null, pipeline: 'tickets',
  };
}

const COMO_DISPONIBILIDAD = 'Promedio del porcentaje de verificaciones exitosas en los últimos 30 días de los servicios de criticidad alta (las ventanas de mantenimiento no cuentan). Caídas actuales = servicios que hoy no responden.';
async function cardDisponibilidad(wh: Warehouse): Promise<Base> {
  const enlace = '/disponibilidad';
  if (!(await hasRows(wh, 'core.servicios'))) return vacia('disponibilidad', 'Disponibilidad de servicios', 'UTSI', 'Disponibilidad 30 días (críticos)', 'pct', 'disponibilidad', enlace, COMO_DISPONIBILIDAD, 'Sin catálogo de servicios.');
  const servicios = await serviciosEstado(wh);
  const criticos = servicios.filter((s) => s.criticidad === 'alta');
  const base = criticos.length ? criticos : servicios;
  const valor = avg(base.map((s) => s.uptime_30d));
  return {
    id: 'disponibilidad', titulo: 'Disponibilidad de servicios', unidad: 'UTSI', estado: valor === null ? 'sin_datos' : 'ok', etiqueta: 'Disponibilidad 30 días (críticos)',
    valor: round1(valor === null ? null : Math.round(valor * 100) / 100), formato: 'pct', anterior: null,
    secundarios: [
      { etiqueta: 'Caídas en curso', valor: servicios.filter((s) => s.estado === 'abajo').length, formato: 'numero' },
      { etiqueta: 'Servicios críticos', valor: criticos.length, formato: 'numero' },
    ],
    serie: [], enlace, como: COMO_DISPONIBILIDAD, nota: 'Ventana fija de 30 días; no depende del periodo elegido.', pipeline: 'disponibilidad',
  };
}

const COMO_ODES = 'Promedio del índice de cumplimiento (0–100) de los consejos del proceso más reciente a la fecha de corte, sobre los componentes con datos. Bajo desempeño = índice menor al umbral configurado.';
async function cardOdes(wh: Warehouse, v: ReturnType<typeof ventanas>): Promise<Base> {
  const hasta = v.actual.hasta;
  if (!(await hasRows(wh, 'core.odes_consejos'))) return vacia('odes', 'Consejos (ODES)', 'UTVODES', 'Cumplimiento promedio', 'numero', 'odes', `/odes${qs({ hasta })}`, COMO_ODES, 'Sin consejos cargados.');
  const p = await resolveProceso(wh, undefined);
  if (!p) return vacia('odes', 'Consejos (ODES)', 'UTVODES', 'Cumplimiento promedio', 'numero', 'odes', `/odes${qs({ hasta })}`, COMO_ODES, 'Sin consejos cargados.');
  const cfg = await getOdesConfig(wh);
  const rows = await cumplimiento(wh, p, hasta, cfg);
  const cortes = [v.anterior.hasta, ...v.buckets.map((b) => b.hasta)];
  const hist = await computeIndice(wh, p.proceso, cortes, cfg);
  const porCorte = new Map<string, Array<number | null>>();
  for (const r of hist) {
    const k = String(r.hasta).slice(0, 10);
    porCorte.set(k, [...(porCorte.get(k) ?? []), r.indice]);
  }
  const valor = avg(rows.map((r) => r.indice));
  return {
    id: 'odes', titulo: 'Consejos (ODES)', unidad: 'UTVODES', estado: valor === null ? 'sin_datos' : 'ok', etiqueta: 'Cumplimiento promedio',
    valor: round1(valor), formato: 'numero', anterior: round1(avg(porCorte.get(v.anterior.hasta) ?? [])),
    secundarios: [
      { etiqueta: 'Consejos bajo el umbral', valor: rows.filter((r) => r.bajo_desempeno).length, formato: 'numero' },
      { etiqueta: 'Consejos', valor: rows.length, formato: 'numero' },
    ],
    serie: v.buckets.map((b) => ({ hasta: b.hasta, valor: round1(avg(porCorte.get(b.hasta) ?? [])) })),
    enlace: `/odes${qs({ proceso: p.proceso, hasta })}`, como: `${COMO_ODES} Proceso: ${p.nombre}.`, nota: null, pipeline: 'odes',
  };
}

/** POA activities by semáforo, cumulative from January to the month of `hasta` (DESIGN.md §3, default bands). */
export const SQL_POA = `
WITH a AS (
  SELECT ejercicio, programa_especifico, num_actividad,
    list_sum(list_slice([coalesce(ene,0), coalesce(feb,0), coalesce(mar,0), coalesce(abr,0), coalesce(may,0), coalesce(jun,0),
      coalesce(jul,0), coalesce(ago,0), coalesce(sep,0), coalesce(oct,0), coalesce(nov,0), coalesce(dic,0)], 1, $mes::INTEGER)) AS programado
  FROM core.poa_actividades WHERE ejercicio = $ejercicio AND coalesce(estatus, '') <> 'cancelada'
), r AS (
  SELECT programa_especifico, num_actividad, sum(realizado) AS realizado FROM core.poa_avance
  WHERE ejercicio = $ejercicio AND mes <= $mes GROUP BY ALL
), s AS (
  -- The same rule as the Metas page (macros of migration 0200), default bands.
  SELECT core.semaforo_meta(a.programado, r.realizado, NULL, NULL) AS semaforo
  FROM a LEFT JOIN r USING (programa_especifico, num_actividad)
)
SELECT count(*) FILTER (WHERE semaforo = 'verde')::INTEGER AS verde, count(*) FILTER (WHERE semaforo = 'amarillo')::INTEGER AS amarillo,
  count(*) FILTER (WHERE semaforo = 'rojo')::INTEGER AS rojo, count(*) FILTER (WHERE semaforo = 'rebasada')::INTEGER AS rebasada,
  count(*) FILTER (WHERE semaforo = 'sin_meta')::INTEGER AS sin_meta
FROM s`;

const COMO_METAS = 'Actividades del POA del ejercicio según su avance acumulado de enero al mes de corte (100 × realizado / programado): verde 90–130, amarillo 70–90, rojo menos de 70, rebasada más de 130. El valor es el porcentaje en verde de las actividades con meta.';
async function cardMetas(wh: Warehouse, v: ReturnType<typeof ventanas>): Promise<Base> {
  const hasta = v.actual.hasta;
  const ejercicio = Number(hasta.slice(0, 4));
  const mes = Number(hasta.slice(5, 7));
  const trimestre = Math.ceil(mes / 3);
  const enlace = `/metas${qs({ ejercicio, trimestre })}`;
  const none = vacia('metas', 'Metas del POA', 'UTP', 'Actividades en verde', 'pct', 'poa', enlace, COMO_METAS, 'Sin actividades del POA cargadas.');
  if (!(await hasRows(wh, 'core.poa_actividades')) || !(await tableExists(wh, 'core.poa_avance'))) return none;
  const at = async (iso: string): Promise<{ verde: number; amarillo: number; rojo: number; rebasada: number; sin_meta: number } | null> => {
    try {
      return (await wh.one(SQL_POA, { ejercicio: Number(iso.slice(0, 4)), mes: Number(iso.slice(5, 7)) })) ?? null;
    } catch {
      return null;
    }
  };
  const pctVerde = (x: Awaited<ReturnType<typeof at>>): number | null => {
    if (!x) return null;
    const con = x.verde + x.amarillo + x.rojo + x.rebasada;
    return con ? (100 * x.verde) / con : null;
  };
  const [cur, prev, ...serie] = await Promise.all([hasta, v.anterior.hasta, ...v.buckets.map((b) => b.hasta)].map(at));
  if (!cur || pctVerde(cur) === null) return none;
  return {
    id: 'metas', titulo: 'Metas del POA', unidad: 'UTP', estado: 'ok', etiqueta: 'Actividades en verde', valor: round1(pctVerde(cur)), formato: 'pct',
    anterior: round1(pctVerde(prev ?? null)),
    secundarios: [
      { etiqueta: 'Verde ✓', valor: cur.verde, formato: 'numero' },
      { etiqueta: 'Amarillo !', valor: cur.amarillo, formato: 'numero' },
      { etiqueta: 'Rojo ✕', valor: cur.rojo, formato: 'numero' },
      { etiqueta: 'Rebasada ▲', valor: cur.rebasada, formato: 'numero' },
    ],
    serie: serie.map((s, i) => ({ hasta: v.buckets[i]!.hasta, valor: round1(pctVerde(s ?? null)) })),
    enlace, como: COMO_METAS, nota: `Ejercicio ${ejercicio}, acumulado a ${hasta.slice(5, 7)}/${ejercicio}.`, pipeline: 'poa',
  };
}

const COMO_EVALUACION =
  'Avance del ciclo de evaluación trimestral más reciente: áreas que ya enviaron (o no tienen resultados en amarillo o rojo que justificar) entre las áreas con actividades o indicadores en el trimestre.';
async function cardEvaluacion(wh: Warehouse): Promise<Base> {
  const none = vacia('evaluacion', 'Ciclo de evaluación', 'UTP', 'Áreas que completaron su captura', 'pct', 'poa', '/evaluacion', COMO_EVALUACION, 'Sin ciclo de evaluación registrado.');
  if (!(await tableExists(wh, 'app.evaluacion_ciclos'))) return none;
  const ciclo = (await listaCiclos(wh)).sort((a, b) => b.ejercicio - a.ejercicio || b.trimestre - a.trimestre)[0];
  if (!ciclo) return none;
  const avance = avancePorArea(await resultadosCiclo(wh, ciclo, ''), await enviosDe(wh, ciclo.id));
  const listas = avance.filter((a) => a.estado === 'enviado' || a.estado === 'aprobado' || a.estado === 'sin_pendientes').length;
  const estadoCiclo: Record<string, string> = { abierto: 'abierto', en_revision: 'en revisión', cerrado: 'cerrado' };
  return {
    ...none,
    estado: avance.length ? 'ok' : 'sin_datos',
    valor: avance.length ? round1((100 * listas) / avance.length) : null,
    secundarios: [
      { etiqueta: 'Áreas listas', valor: listas, formato: 'numero' },
      { etiqueta: 'Áreas', valor: avance.length, formato: 'numero' },
      { etiqueta: 'Por revisar', valor: avance.reduce((n, a) => n + a.enviadas, 0), formato: 'numero' },
      { etiqueta: 'Observadas', valor: avance.reduce((n, a) => n + a.observadas, 0), formato: 'numero' },
    ],
    enlace: `/evaluacion?ciclo=${ciclo.id}`,
    nota: `Ciclo ${ciclo.ejercicio}, trimestre ${ciclo.trimestre}: ${estadoCiclo[ciclo.estado] ?? ciclo.estado}.`,
  };
}

/** Every card for a period ending on `hasta` (default today in Mexico City). A failing domain shows "sin datos". */
export async function resumenGeneral(
  wh: Warehouse,
  pipelines: readonly Pipeline[],
  periodo: Periodo,
  hasta = todayMx(),
): Promise<ResumenGeneral> {
  const v = ventanas(periodo, hasta);
  const metas = await getMetasResumen(wh);
  const vig = new Map((await freshness(wh, pipelines)).map((x) => [x.nombre, x]));
  const builders: Array<[TarjetaId, () => Promise<Base>]> = [
    ['metas', () => cardMetas(wh, v)],
    ['evaluacion', () => cardEvaluacion(wh)],
    ['odes', () => cardOdes(wh, v)],
    ['incidentes', () => cardIncidentes(wh, v)],
    ['disponibilidad', () => cardDisponibilidad(wh)],
    ['oficialia', () => cardOficialia(wh, v)],
    ['sesiones', () => cardSesiones(wh, v)],
  ];
  const FALLBACK: Record<TarjetaId, [string, string, string, string]> = {
    metas: ['Metas del POA', 'UTP', 'poa', '/metas'], evaluacion: ['Ciclo de evaluación', 'UTP', 'poa', '/evaluacion'],
    odes: ['Consejos (ODES)', 'UTVODES', 'odes', '/odes'], incidentes: ['Incidentes y solicitudes', 'UTSI', 'tickets', '/incidentes'],
    disponibilidad: ['Disponibilidad de servicios', 'UTSI', 'disponibilidad', '/disponibilidad'], oficialia: ['Oficialía Electoral', 'UTOE', 'oficialia', '/oficialia'],
    sesiones: ['Sesiones', 'UTS', 'sesiones', '/sesiones'],
  };
  const tarjetas = await Promise.all(
    builders.map(async ([id, build]) => {
      let b: Base;
      try {
        b = await build();
      } catch (e) {
        console.error(`[resumen] ${id}:`, e);
        const [titulo, unidad, pipeline, enlace] = FALLBACK[id];
        b = vacia(id, titulo, unidad, 'Sin datos', 'numero', pipeline, enlace, '', 'No se pudieron calcular estas cifras.');
      }
      const { pipeline, ...rest } = b;
      const p = pipelines.find((x) => x.name === pipeline);
      const f = vig.get(pipeline);
      const frescura: Frescura = {
        pipeline,
        registrado: !!p,
        ultimo_exito: f?.ultimo_exito ?? null,
        limite_horas: p?.freshnessHours ?? null,
        desactualizado: !!p && !(f?.vigente ?? false),
      };
      const valor = rest.estado === 'ok' ? rest.valor : null;
      const t: Tarjeta = {
        ...rest,
        valor,
        meta: metas[id],
        semaforo: semaforo(valor, metas[id]),
        cambio: valor !== null && rest.anterior !== null ? round1(valor - rest.anterior) : null,
        frescura,
      };
      return t;
    }),
  );
  return { periodo, periodo_nombre: PERIODO_NOMBRE[periodo], actual: v.actual, anterior: v.anterior, tarjetas };
}
