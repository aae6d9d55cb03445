import type { Pipeline } from '../../../pipelines/runner/types.js';
import { freshness } from '../../api/queries/runs.js';
import { round1 } from '../../core/figures.js';
import { addDays, todayMx } from '../../core/time.js';
import type { Warehouse } from '../../db/warehouse.js';
import { ajuste } from '../tarjetas.js';
import type { ResumenCard } from '../types.js';
import { metasSetting } from './settings.js';
import { PERIODOS, PERIODO_NOMBRE, type FigurasTarjeta, type Frescura, type Meta, type Periodo, type ResumenGeneral, type SemaforoTarjeta, type Tarjeta, type Ventanas } from './types.js';

/** The leadership overview: one card per KPI with value, semáforo against a target, change, sparkline, freshness. */

/** Sparkline buckets per period: [how many, days each]. */
const BUCKETS: Record<Periodo, [number, number]> = { mes: [8, 7], trimestre: [6, 30], anio: [12, 30] };

export function semaforo(valor: number | null, meta: Meta): SemaforoTarjeta {
  if (valor === null || valor === undefined || Number.isNaN(valor)) return 'sin_datos';
  if (meta.sentido === 'ascendente') return valor >= meta.verde ? 'verde' : valor >= meta.amarillo ? 'amarillo' : 'rojo';
  return valor <= meta.verde ? 'verde' : valor <= meta.amarillo ? 'amarillo' : 'rojo';
}

/** The current window ending on `hasta`, the one before it, and the sparkline buckets. */
export function ventanas(periodo: Periodo, hasta: string): Ventanas {
  const d = PERIODOS[periodo];
  const actual = { desde: addDays(hasta, -(d - 1)), hasta };
  const anterior = { desde: addDays(hasta, -(2 * d - 1)), hasta: addDays(hasta, -d) };
  const [n, len] = BUCKETS[periodo];
  const buckets = [];
  for (let i = n - 1; i >= 0; i--) {
    const h = addDays(hasta, -i * len);
    buckets.push({ desde: addDays(h, -(len - 1)), hasta: h });
  }
  return { actual, anterior, buckets };
}

/** A card's figures; a domain that fails shows "sin datos". */
async function medir(wh: Warehouse, card: ResumenCard, v: Ventanas): Promise<FigurasTarjeta> {
  try {
    return await card.figuras(wh, v);
  } catch (e) {
    console.error(`[resumen] ${card.id}:`, e);
    return { estado: 'sin_datos', etiqueta: 'Sin datos', formato: 'numero', enlace: card.enlace, como: '', nota: 'No se pudieron calcular estas cifras.' };
  }
}

/** One card: its figures, target, semáforo, change and freshness. */
async function tarjeta(card: ResumenCard, figuras: Promise<FigurasTarjeta>, meta: Meta, pipelines: readonly Pipeline[], vig: Map<string, { ultimo_exito: string | null; vigente: boolean }>): Promise<Tarjeta> {
  const f = await figuras;
  const p = pipelines.find((x) => x.name === card.pipeline);
  const frescura: Frescura = {
    pipeline: card.pipeline,
    registrado: !!p,
    ultimo_exito: vig.get(card.pipeline)?.ultimo_exito ?? null,
    limite_horas: p?.freshnessHours ?? null,
    desactualizado: !!p && !(vig.get(card.pipeline)?.vigente ?? false),
  };
  const valor = f.estado === 'ok' ? f.valor ?? null : null;
  const anterior = f.anterior ?? null;
  return {
    id: card.id, titulo: card.titulo, unidad: card.unidad, estado: f.estado, etiqueta: f.etiqueta, valor, formato: f.formato,
    meta, semaforo: semaforo(valor, meta), anterior, cambio: valor !== null && anterior !== null ? round1(valor - anterior) : null,
    secundarios: f.secundarios ?? [], serie: f.serie ?? [], frescura, enlace: f.enlace, como: f.como, nota: f.nota,
  };
}

/** Every card for a period ending on `hasta` (default today in Mexico City), in the order of `cards`. */
export async function resumenGeneral(
  wh: Warehouse,
  cards: readonly ResumenCard[],
  pipelines: readonly Pipeline[],
  periodo: Periodo,
  hasta = todayMx(),
): Promise<ResumenGeneral> {
  const v = ventanas(periodo, hasta);
  // Every card at once on the read pool, beside the targets and the freshness (which the cards do not need).
  const figuras = cards.map((c) => medir(wh, c, v));
  const [metas, vigencias] = await Promise.all([ajuste(wh, metasSetting(cards)), freshness(wh, pipelines)]);
  const vig = new Map(vigencias.map((x) => [x.nombre, x]));
  const tarjetas = await Promise.all(cards.map((c, i) => tarjeta(c, figuras[i]!, metas[c.id] ?? c.meta, pipelines, vig)));
  return { periodo, periodo_nombre: PERIODO_NOMBRE[periodo], actual: v.actual, anterior: v.anterior, tarjetas };
}
