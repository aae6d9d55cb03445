import { enlace } from '../../core/figures.js';
import type { Warehouse } from '../../db/warehouse.js';
import { ajuste, cifra, porVentanasJuntas, VENTANAS_SQL, ventanasParams } from '../tarjetas.js';
import type { Rango } from '../../core/time.js';
import type { ResumenCard } from '../types.js';
import { plazoOficialia } from './settings.js';

const COMO = 'Peticiones recibidas en el periodo y atendidas a su cierre (acta entregada, o evaluación si fue improcedente o no presentada); en plazo = atendidas en el plazo configurado desde la recepción / atendidas.';

/**
 * The card's figures of every window at once (the headline figures of resumenOficialiaBasico, DESIGN.md §3
 * Petitions, with the same rules as BASE in queries.ts): received in [desde, hasta], attended when the acta was
 * delivered (or, improcedente or no presentada, evaluated) before the end of `hasta`. Each window's bounds are cast
 * to TIMESTAMPTZ once, not per row.
 */
export const SQL_TARJETA = `
WITH w0 AS (${VENTANAS_SQL}
), w AS (
  SELECT i, desde::TIMESTAMPTZ AS t0, (hasta + 1)::TIMESTAMPTZ AS t1 FROM w0
), pe AS (
  SELECT fecha_recepcion,
    CASE WHEN fecha_entrega_acta IS NOT NULL THEN fecha_entrega_acta
         WHEN estado IN ('improcedente', 'no_presentada') THEN fecha_evaluacion END AS atendida_en
  FROM core.peticiones
), p AS (
  SELECT w.i, pe.fecha_recepcion, pe.atendida_en IS NOT NULL AND pe.atendida_en < w.t1 AS atendida,
    CASE WHEN pe.atendida_en < w.t1 THEN epoch(pe.atendida_en - pe.fecha_recepcion) / 3600.0 END AS horas_atencion
  FROM w LEFT JOIN pe ON pe.fecha_recepcion >= w.t0 AND pe.fecha_recepcion < w.t1
)
SELECT i,
  count(fecha_recepcion)::INTEGER AS recibidas,
  count(fecha_recepcion) FILTER (WHERE NOT atendida)::INTEGER AS backlog,
  quantile_cont(horas_atencion, 0.5) AS horas_atencion_mediana,
  100.0 * count(*) FILTER (WHERE horas_atencion <= $plazo) / nullif(count(*) FILTER (WHERE atendida), 0) AS en_plazo_pct
FROM p GROUP BY i ORDER BY i`;

export interface MedidaOficialia {
  recibidas: number;
  backlog: number;
  horas_atencion_mediana: number | null;
  en_plazo_pct: number | null;
  plazo_horas: number;
}

/** The card's figures of each window, in their order. */
export async function medirOficialia(wh: Warehouse, rs: readonly Rango[], plazo_horas: number): Promise<MedidaOficialia[]> {
  const rows = await wh.all<Omit<MedidaOficialia, 'plazo_horas'>>(SQL_TARJETA, { ...ventanasParams(rs), plazo: plazo_horas });
  return rows.map(({ recibidas, backlog, horas_atencion_mediana, en_plazo_pct }) => ({ recibidas, backlog, horas_atencion_mediana, en_plazo_pct, plazo_horas }));
}

/** UTOE's card: petitions attended on time in the period, with the backlog and the median attention time. */
export const tarjetaOficialia: ResumenCard = {
  id: 'oficialia', titulo: 'Oficialía Electoral', unidad: 'UTOE', pipeline: 'oficialia', enlace: '/oficialia', meta: { verde: 90, amarillo: 75, sentido: 'ascendente' },
  // One statement for every window; the plazo is read once per data version.
  figuras: async (wh, v) => {
    const { plazo_horas } = await ajuste(wh, plazoOficialia);
    return porVentanasJuntas(wh, v, (rs) => medirOficialia(wh, rs, plazo_horas), {
      etiqueta: 'Peticiones atendidas en plazo', formato: 'pct', enlace: enlace('/oficialia', { ...v.actual }), como: COMO, tabla: 'core.peticiones',
      vacia: 'Sin peticiones cargadas.', valor: (x) => x.en_plazo_pct, hay: (x) => x.recibidas > 0,
      secundarios: (x) => [cifra('Pendientes (backlog)', x.backlog), cifra('Recibidas', x.recibidas), cifra('Mediana de atención', x.horas_atencion_mediana, 'horas')],
      comoMedido: (x) => `${COMO} Plazo: ${x.plazo_horas} h.`,
    });
  },
};
