import { enlace, porVentana, round1 } from '../../core/figures.js';
import { hasRows } from '../../db/sql.js';
import type { ResumenCard } from '../types.js';
import { resumen } from './queries.js';

const COMO = 'SLA cumplido = tickets resueltos en el periodo a más tardar en su fecha límite (o en el tiempo configurado para su prioridad) / resueltos en el periodo. Abiertos = abiertos a la fecha de corte y sin resolver.';

/** The help desk's card: SLA met in the period, with the backlog, solved tickets and MTTR beside it. */
export const tarjetaIncidentes: ResumenCard = {
  id: 'incidentes',
  titulo: 'Incidentes y solicitudes',
  unidad: 'UTSI',
  pipeline: 'tickets',
  enlace: '/incidentes',
  meta: { verde: 90, amarillo: 80, sentido: 'ascendente' },
  figuras: async (wh, v) => {
    const base = { etiqueta: 'SLA cumplido', formato: 'pct' as const, enlace: enlace('/incidentes', { ...v.actual }), como: COMO };
    if (!(await hasRows(wh, 'core.tickets'))) return { ...base, estado: 'sin_datos', nota: 'Sin tickets cargados.' };
    const { actual: cur, anterior, serie } = await porVentana(v, (r) => resumen(wh, r));
    return {
      ...base,
      estado: cur.abiertos + cur.resueltos + cur.backlog > 0 ? 'ok' : 'sin_datos',
      valor: round1(cur.sla_cumplido_pct),
      anterior: round1(anterior.sla_cumplido_pct),
      secundarios: [
        { etiqueta: 'Tickets abiertos (backlog)', valor: cur.backlog, formato: 'numero' },
        { etiqueta: 'Resueltos en el periodo', valor: cur.resueltos, formato: 'numero' },
        { etiqueta: 'MTTR mediana', valor: round1(cur.mttr_horas_mediana), formato: 'horas' },
      ],
      serie: serie.map((s) => ({ hasta: s.hasta, valor: round1(s.dato.sla_cumplido_pct) })),
      nota: null,
    };
  },
};
