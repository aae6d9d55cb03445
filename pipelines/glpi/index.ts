import type { DuckDBConnection } from '@duckdb/node-api';
import type { Pipeline, RunContext } from '../runner/types.js';
import { tickets } from '../tickets/contract.js';
import { TICKET_HISTORY_SQL } from '../tickets/history.js';
import { TICKET_REFERENCES } from '../tickets/index.js';
import { contractChecks } from '../runner/checks.js';
import { fetchGlpiTickets, glpiConfigFromEnv, glpiLocalTime, GLPI_LABEL, GLPI_WATERMARK_KEY } from './client.js';

/**
 * Keeps when the read began as the next run's watermark, in the load's transaction. Not the newest date_mod among
 * the rows read: a ticket changed during a long read, on a page already read, would have an older date_mod than
 * tickets read after it, and would be skipped for good.
 */
async function storeWatermark(c: DuckDBConnection, _ctx: RunContext, readStartedAt: Date): Promise<void> {
  await c.run(
    `INSERT INTO app.configuracion (clave, valor, actualizado_en) VALUES ($1, $2, now())
     ON CONFLICT (clave) DO UPDATE SET valor = excluded.valor, actualizado_en = excluded.actualizado_en`,
    [GLPI_WATERMARK_KEY, JSON.stringify(glpiLocalTime(readStartedAt))],
  );
}

/**
 * UTSI help desk read from the GLPI REST API: same contract, validation and table (core.tickets) as the export,
 * incremental by date_mod since the previous read began. Without ATALAYA_GLPI_* it has no schedule and a run
 * fails saying what to set.
 */
export const glpiPipeline: Pipeline = {
  name: 'glpi',
  titulo: 'Mesa de ayuda (API de GLPI)',
  schedule: glpiConfigFromEnv() ? '*/15 * * * *' : null,
  freshnessHours: 24,
  source: { kind: 'http', table: 'tickets', label: GLPI_LABEL, fetch: fetchGlpiTickets, afterLoad: storeWatermark },
  tables: [tickets],
  transform: TICKET_HISTORY_SQL,
  checks: [...contractChecks([tickets]), ...TICKET_REFERENCES],
  configured: () => glpiConfigFromEnv() !== null,
};
