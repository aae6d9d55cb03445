import { freshness, references } from '../runner/checks.js';
import { filesPipeline } from '../runner/pipeline.js';
import type { Check } from '../runner/types.js';
import { tickets } from './contract.js';
import { generateTickets } from './demo.js';
import { TICKET_HISTORY_SQL } from './history.js';

/** What core.tickets is checked for besides its contract, whichever pipeline loads it. */
export const TICKET_REFERENCES: readonly Check[] = [references('core.tickets.area_solicitante', 'core.unidades.siglas')];

/** UTSI help desk: the GLPI export dropped as CSV/XLSX in the inbox. */
export const ticketsPipeline = filesPipeline({
  name: 'tickets', titulo: 'Mesa de ayuda (tickets GLPI)', schedule: '*/30 * * * *', freshnessHours: 24, tables: [tickets],
  transform: TICKET_HISTORY_SQL, checks: [...TICKET_REFERENCES, freshness('core.tickets.fecha_apertura', 24 * 7)], demo: generateTickets,
});
