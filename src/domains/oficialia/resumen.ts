import { enlace, porVentana, round1 } from '../../core/figures.js';
import { hasRows } from '../../db/sql.js';
import type { ResumenCard } from '../types.js';
import { resumenOficialiaBasico } from './queries.js';

const COMO = 'Peticiones recibidas en el periodo y atendidas a su cierre (acta entregada, o evaluación si fue improcedente o no presentada); en plazo = atendidas en el plazo configurado desde la recepción / atendidas.';

/** UTOE's card: petitions attended on time in the period, with the backlog and the median attention time. */
export const tarjetaOficialia: ResumenCard = {
  id: 'oficialia',
  titulo: 'Oficialía Electoral',
  unidad: 'UTOE',
  pipeline: 'oficialia',
  enlace: '/oficialia',
  meta: { verde: 90, amarillo: 75, sentido: 'ascendente' },
  figuras: async (wh, v) => {
    const base = { etiqueta: 'Peticiones atendidas en plazo', formato: 'pct' as const, enlace: enlace('/oficialia', { ...v.actual }) };
    if (!(await hasRows(wh, 'core.peticiones'))) return { ...base, estado: 'sin_datos', como: COMO, nota: 'Sin peticiones cargadas.' };
    const { actual: cur, anterior, serie } = await porVentana(v, (r) => resumenOficialiaBasico(wh, r));
    return {
      ...base,
      estado: cur.recibidas > 0 ? 'ok' : 'sin_datos',
      valor: round1(cur.en_plazo_pct),
      anterior: round1(anterior.en_plazo_pct),
      secundarios: [
        { etiqueta: 'Pendientes (backlog)', valor: cur.backlog, formato: 'numero' },
        { etiqueta: 'Recibidas', valor: cur.recibidas, formato: 'numero' },
        { etiqueta: 'Mediana de atención', valor: round1(cur.horas_atencion_mediana), formato: 'horas' },
      ],
      serie: serie.map((s) => ({ hasta: s.hasta, valor: round1(s.dato.en_plazo_pct) })),
      como: `${COMO} Plazo: ${cur.plazo_horas} h.`,
      nota: null,
    };
  },
};
