import type { Pipeline } from '../runner/types.js';
import { tickets } from '../tickets/contract.js';
import { TICKET_HISTORY_SQL } from '../tickets/history.js';
import { TICKET_CHECKS } from '../tickets/index.js';
import { fetchGlpiTickets, glpiConfigFromEnv, GLPI_LABEL, GLPI_WATERMARK_KEY } from './client.js';

/** Stores the newest date_mod loaded from GLPI as the next run's watermark (same transaction as the load). */
export const GLPI_WATERMARK_SQL = `
  INSERT INTO app.configuracion (clave, valor, actualizado_en)
  SELECT '${GLPI_WATERMARK_KEY}', to_json(strftime(max(fecha_modificacion), '%Y-%m-%d %H:%M:%S'))::VARCHAR, now()
  FROM core.tickets WHERE _archivo = '${GLPI_LABEL}' HAVING max(fecha_modificacion) IS NOT NULL
  ON CONFLICT (clave) DO UPDATE SET valor = excluded.valor, actualizado_en = excluded.actualizado_en`;

/**
 * UTSI help desk read from the GLPI REST API: same contract, validation and table (core.tickets) as the export,
 * incremental by date_mod. Without ATALAYA_GLPI_* it has no schedule and a run fails saying what to set.
 */
export const glpiPipeline: Pipeline = {
  name: 'glpi',
  titulo: 'Mesa de ayuda (API de GLPI)',
  schedule: glpiConfigFromEnv() ? '*/15 * * * *' : null,
  freshnessHours: 24,
  source: { kind: 'http', table: 'tickets', label: GLPI_LABEL, fetch: fetchGlpiTickets },
  tables: [tickets],
  transform: [...TICKET_HISTORY_SQL, GLPI_WATERMARK_SQL],
  checks: TICKET_CHECKS.filter((c) => c.kind !== 'freshness'),
  configured: () => glpiConfigFromEnv() !== null,
};
