import type { Check, Pipeline } from '../runner/types.js';
import { ESTADOS_TICKET, tickets } from './contract.js';
import { generateTickets } from './demo.js';
import { TICKET_HISTORY_SQL } from './history.js';

/** Data-quality checks of core.tickets, shared by every pipeline that loads it. */
export const TICKET_CHECKS: readonly Check[] = [
  { kind: 'unique', table: 'core.tickets', columns: ['id'] },
  { kind: 'not_null', table: 'core.tickets', column: 'fecha_apertura' },
  { kind: 'accepted_values', table: 'core.tickets', column: 'estado', values: ESTADOS_TICKET },
  { kind: 'relationship', table: 'core.tickets', column: 'area_solicitante', ref: 'core.unidades', refColumn: 'siglas' },
  { kind: 'freshness', table: 'core.tickets', column: 'fecha_apertura', maxHours: 24 * 7 },
];

/** UTSI help desk: the GLPI export dropped as CSV/XLSX in the inbox. */
export const ticketsPipeline: Pipeline = {
  name: 'tickets',
  titulo: 'Mesa de ayuda (tickets GLPI)',
  schedule: '*/30 * * * *',
  freshnessHours: 24,
  source: { kind: 'files' },
  tables: [tickets],
  transform: TICKET_HISTORY_SQL,
  checks: TICKET_CHECKS,
  demo: generateTickets,
};
