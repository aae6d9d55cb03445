import { enlace } from '../../core/figures.js';
import type { Rango } from '../../core/time.js';
import type { Warehouse } from '../../db/warehouse.js';
import { ajuste, cifra, enUnaSentencia, porVentanasJuntas } from '../tarjetas.js';
import type { ResumenCard } from '../types.js';
import { params, SIN_TICKETS } from './queries.js';
import { slaHoras } from './settings.js';
import { TOTALES_SQL } from './sql.js';
import type { Figuras } from './types.js';

const COMO = 'SLA cumplido = tickets resueltos en el periodo a más tardar en su fecha límite (o en el tiempo configurado para su prioridad) / resueltos en el periodo con SLA (un ticket sin fecha límite ni prioridad no tiene SLA y se cuenta aparte). Abiertos = abiertos a la fecha de corte y sin resolver.';

/**
 * The totals of each window (what `totales` gives for one), all in one statement made of the domain's own totals
 * statement (tarjetas.ts enUnaSentencia): one parse, plan and run instead of one per window.
 */
export async function totalesPorVentana(wh: Warehouse, rs: readonly Rango[], sla: Record<string, number>): Promise<Figuras[]> {
  return (await enUnaSentencia<Figuras>(wh, TOTALES_SQL, rs.map((r) => params(r, sla)))).map((x) => x ?? SIN_TICKETS);
}

/** The help desk's card: SLA met in the period, with the backlog, solved tickets and MTTR beside it. */
export const tarjetaIncidentes: ResumenCard = {
  id: 'incidentes', titulo: 'Incidentes y solicitudes', unidad: 'UTSI', pipeline: 'tickets', enlace: '/incidentes', meta: { verde: 90, amarillo: 80, sentido: 'ascendente' },
  // The card shows only the totals of each window; the SLA hours are read once per data version.
  figuras: async (wh, v) => {
    const sla = await ajuste(wh, slaHoras);
    return porVentanasJuntas(wh, v, (rs) => totalesPorVentana(wh, rs, sla), {
      etiqueta: 'SLA cumplido', formato: 'pct', enlace: enlace('/incidentes', { ...v.actual }), como: COMO, tabla: 'core.tickets', vacia: 'Sin tickets cargados.',
      valor: (x) => x.sla_cumplido_pct,
      hay: (x) => x.abiertos + x.resueltos + x.backlog > 0,
      secundarios: (x) => [cifra('Tickets abiertos (backlog)', x.backlog), cifra('Resueltos en el periodo', x.resueltos), cifra('MTTR mediana', x.mttr_horas_mediana, 'horas')],
    });
  },
};
