import { contractChecks } from '../runner/checks.js';
import type { Check, Pipeline } from '../runner/types.js';
import { tickets } from './contract.js';
import { generateTickets } from './demo.js';
import { TICKET_HISTORY_SQL } from './history.js';

/** Data-quality checks of core.tickets, shared by every pipeline that loads it: the contract's, and these. */
export const TICKET_CHECKS: readonly Check[] = [
  ...contractChecks([tickets]),
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
