import { enlace } from '../../core/figures.js';
import { ajuste, cifra, porVentanas } from '../tarjetas.js';
import type { ResumenCard } from '../types.js';
import { totales } from './queries.js';
import { slaHoras } from './settings.js';

const COMO = 'SLA cumplido = tickets resueltos en el periodo a más tardar en su fecha límite (o en el tiempo configurado para su prioridad) / resueltos en el periodo con SLA (un ticket sin fecha límite ni prioridad no tiene SLA y se cuenta aparte). Abiertos = abiertos a la fecha de corte y sin resolver.';

/** The help desk's card: SLA met in the period, with the backlog, solved tickets and MTTR beside it. */
export const tarjetaIncidentes: ResumenCard = {
  id: 'incidentes', titulo: 'Incidentes y solicitudes', unidad: 'UTSI', pipeline: 'tickets', enlace: '/incidentes', meta: { verde: 90, amarillo: 80, sentido: 'ascendente' },
  // The card shows only the totals of each window (one statement each, prepared once per connection): the SLA
  // hours are read once per data version.
  figuras: async (wh, v) => {
    const sla = await ajuste(wh, slaHoras);
    return porVentanas(wh, v, (r) => totales(wh, r, sla), {
      etiqueta: 'SLA cumplido', formato: 'pct', enlace: enlace('/incidentes', { ...v.actual }), como: COMO, tabla: 'core.tickets', vacia: 'Sin tickets cargados.',
      valor: (x) => x.sla_cumplido_pct,
      hay: (x) => x.abiertos + x.resueltos + x.backlog > 0,
      secundarios: (x) => [cifra('Tickets abiertos (backlog)', x.backlog), cifra('Resueltos en el periodo', x.resueltos), cifra('MTTR mediana', x.mttr_horas_mediana, 'horas')],
    });
  },
};
