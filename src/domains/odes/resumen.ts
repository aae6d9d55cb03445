import { avg, enlace, round1 } from '../../core/figures.js';
import { porVersion } from '../../db/memo.js';
import type { Warehouse } from '../../db/warehouse.js';
import { ajuste, cifra, tieneFilas } from '../tarjetas.js';
import type { FigurasTarjeta, ResumenCard, Ventanas } from '../types.js';
import { indiceOdes } from './settings.js';
import { indicePorCorte } from './indice-cortes.js';
import { resolveProceso } from './queries.js';

const COMO = 'Promedio del índice de cumplimiento (0–100) de los consejos del proceso más reciente a la fecha de corte, sobre los componentes con datos. Bajo desempeño = índice menor al umbral configurado.';

/** The mean index of the latest process's councils at the cut-off, before it and at each sparkline cut-off. */
async function figuras(wh: Warehouse, v: Ventanas): Promise<FigurasTarjeta> {
  const hasta = v.actual.hasta;
  const base = { etiqueta: 'Cumplimiento promedio', formato: 'numero' as const };
  // The process, the settings and each council's events change only with the data (read once per version).
  const p = (await tieneFilas(wh, 'core.odes_consejos')) ? await porVersion(wh, 'odes:ultimoProceso', ['datos'], () => resolveProceso(wh, undefined)) : null;
  if (!p) return { ...base, estado: 'sin_datos', enlace: enlace('/odes', { hasta }), como: COMO, nota: 'Sin consejos cargados.' };
  const cfg = await ajuste(wh, indiceOdes);
  // Every cut-off the card shows at once: the last bucket ends on `hasta`, so its rows are the current figures
  // (the same index `cumplimiento` gives; the card needs none of its decorations).
  const porCorte = await indicePorCorte(wh, p.proceso, [v.anterior.hasta, ...v.buckets.map((b) => b.hasta), hasta], cfg);
  const indices = (k: string) => (porCorte.get(k) ?? []).map((r) => r.indice);
  const rows = porCorte.get(hasta) ?? [];
  const valor = avg(rows.map((r) => r.indice));
  return {
    ...base, estado: valor === null ? 'sin_datos' : 'ok', valor: round1(valor), anterior: round1(avg(indices(v.anterior.hasta))),
    secundarios: [cifra('Consejos bajo el umbral', rows.filter((r) => r.indice !== null && r.indice < cfg.umbral_bajo_desempeno).length), cifra('Consejos', rows.length)],
    serie: v.buckets.map((b) => ({ hasta: b.hasta, valor: round1(avg(indices(b.hasta))) })),
    enlace: enlace('/odes', { proceso: p.proceso, hasta }), como: `${COMO} Proceso: ${p.nombre}.`, nota: null,
  };
}

/** UTVODES's card: the mean compliance index of the latest process's councils, and how many fall under the threshold. */
export const tarjetaOdes: ResumenCard = {
  id: 'odes', titulo: 'Consejos (ODES)', unidad: 'UTVODES', pipeline: 'odes', enlace: '/odes', meta: { verde: 90, amarillo: 70, sentido: 'ascendente' }, figuras,
};
