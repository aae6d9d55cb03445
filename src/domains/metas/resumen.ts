import { enlace, round1 } from '../../core/figures.js';
import { porVersion } from '../../db/memo.js';
import { tableExists } from '../../db/sql.js';
import type { Warehouse } from '../../db/warehouse.js';
import { cifra, existeTabla, sinDatos, tieneFilas } from '../tarjetas.js';
import type { FigurasTarjeta, ResumenCard, Ventanas } from '../types.js';
import { avancePorArea, enviosDe, listaCiclos, resultadosCiclo } from './ciclo.js';

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

type Semaforos = { verde: number; amarillo: number; rojo: number; rebasada: number; sin_meta: number };

const COMO_METAS = 'Actividades del POA del ejercicio según su avance acumulado de enero al mes de corte (100 × realizado / programado): verde 90–130, amarillo 70–90, rojo menos de 70, rebasada más de 130. El valor es el porcentaje en verde de las actividades con meta.';

/**
 * The POA's activities by semáforo at a date (null when the query fails): it depends only on the data and the
 * cut-off's month, so each month is measured once per data version.
 */
async function semaforosAl(wh: Warehouse, iso: string): Promise<Semaforos | null> {
  try {
    return (await porVersion(wh, `metas:semaforos:${iso.slice(0, 7)}`, ['datos'],
      async () => (await wh.one<Semaforos>(SQL_POA, { ejercicio: Number(iso.slice(0, 4)), mes: Number(iso.slice(5, 7)) })) ?? null)) ?? null;
  } catch {
    return null;
  }
}

/** Verde among the activities with a target (not sin_meta). */
function pctVerde(x: Semaforos | null): number | null {
  const con = x ? x.verde + x.amarillo + x.rojo + x.rebasada : 0;
  return x && con ? (100 * x.verde) / con : null;
}

/** The share of POA activities in verde, cumulative from January to the month of each cut-off. */
async function figurasMetas(wh: Warehouse, v: Ventanas): Promise<FigurasTarjeta> {
  const hasta = v.actual.hasta;
  const ejercicio = Number(hasta.slice(0, 4));
  const base = { etiqueta: 'Actividades en verde', formato: 'pct' as const, como: COMO_METAS, enlace: enlace('/metas', { ejercicio, trimestre: Math.ceil(Number(hasta.slice(5, 7)) / 3) }) };
  const none = sinDatos(base, 'Sin actividades del POA cargadas.');
  if (!(await tieneFilas(wh, 'core.poa_actividades')) || !(await existeTabla(wh, 'core.poa_avance'))) return none;
  // The figure depends only on the cut-off's month: one query per distinct month and data version, not per cut-off.
  const [cur, prev, ...serie] = await Promise.all([hasta, v.anterior.hasta, ...v.buckets.map((b) => b.hasta)].map((iso) => semaforosAl(wh, iso)));
  if (!cur || pctVerde(cur) === null) return none;
  return {
    ...base, estado: 'ok', valor: round1(pctVerde(cur)), anterior: round1(pctVerde(prev ?? null)),
    secundarios: [cifra('Verde ✓', cur.verde), cifra('Amarillo !', cur.amarillo), cifra('Rojo ✕', cur.rojo), cifra('Rebasada ▲', cur.rebasada)],
    serie: serie.map((s, i) => ({ hasta: v.buckets[i]!.hasta, valor: round1(pctVerde(s ?? null)) })),
    nota: `Ejercicio ${ejercicio}, acumulado a ${hasta.slice(5, 7)}/${ejercicio}.`,
  };
}

/** UTP's POA card: the share of activities with a target that are verde, cumulative to the month of the cut-off. */
export const tarjetaMetas: ResumenCard = {
  id: 'metas', titulo: 'Metas del POA', unidad: 'UTP', pipeline: 'poa', enlace: '/metas', meta: { verde: 80, amarillo: 60, sentido: 'ascendente' }, figuras: figurasMetas,
};

const COMO_EVALUACION =
  'Avance del ciclo de evaluación trimestral más reciente: áreas que ya enviaron (o no tienen resultados en amarillo o rojo que justificar) entre las áreas con actividades o indicadores en el trimestre.';
const ESTADO_CICLO: Record<string, string> = { abierto: 'abierto', en_revision: 'en revisión', cerrado: 'cerrado' };

/** The areas of the latest quarterly cycle that sent their justifications (or have none to send). */
async function figurasEvaluacion(wh: Warehouse): Promise<FigurasTarjeta> {
  const base = { etiqueta: 'Áreas que completaron su captura', formato: 'pct' as const, como: COMO_EVALUACION, enlace: '/evaluacion' };
  const none = sinDatos(base, 'Sin ciclo de evaluación registrado.');
  if (!(await tableExists(wh, 'app.evaluacion_ciclos'))) return none;
  const ciclo = (await listaCiclos(wh)).sort((a, b) => b.ejercicio - a.ejercicio || b.trimestre - a.trimestre)[0];
  if (!ciclo) return none;
  const avance = avancePorArea(await resultadosCiclo(wh, ciclo, ''), await enviosDe(wh, ciclo.id));
  const listas = avance.filter((a) => a.estado === 'enviado' || a.estado === 'aprobado' || a.estado === 'sin_pendientes').length;
  const suma = (k: 'enviadas' | 'observadas'): number => avance.reduce((n, a) => n + a[k], 0);
  return {
    ...base, estado: avance.length ? 'ok' : 'sin_datos', valor: avance.length ? round1((100 * listas) / avance.length) : null,
    secundarios: [cifra('Áreas listas', listas), cifra('Áreas', avance.length), cifra('Por revisar', suma('enviadas')), cifra('Observadas', suma('observadas'))],
    enlace: `/evaluacion?ciclo=${ciclo.id}`,
    nota: `Ciclo ${ciclo.ejercicio}, trimestre ${ciclo.trimestre}: ${ESTADO_CICLO[ciclo.estado] ?? ciclo.estado}.`,
  };
}

/** UTP's evaluation card: the areas that completed their capture in the latest quarterly cycle. */
export const tarjetaEvaluacion: ResumenCard = {
  id: 'evaluacion', titulo: 'Ciclo de evaluación', unidad: 'UTP', pipeline: 'poa', enlace: '/evaluacion', meta: { verde: 90, amarillo: 60, sentido: 'ascendente' },
  // Whatever the period: the latest cycle as the data stands, once per data version (cycle writes bump it too).
  figuras: (wh) => porVersion(wh, 'metas:evaluacion', ['datos'], () => figurasEvaluacion(wh)),
};
