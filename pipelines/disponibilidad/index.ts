import type { DuckDBConnection } from '@duckdb/node-api';
import { uptimeConfig } from '../../src/config/uptime.js';
import { runRollup } from './rollup.js';
import { references } from '../runner/checks.js';
import { filesPipeline } from '../runner/pipeline.js';
import type { LoadCounts, RunContext, TableContract } from '../runner/types.js';
import { mantenimientosContract, serviciosContract, verificacionesContract } from './contract.js';
import { disponibilidadDemo } from './demo.js';
import { mergeMantenimientos, mergeServicios, mergeVerificaciones } from './merge.js';

/** Brings the minute/hour/day rollups and the outages up to date and prunes raw checks past their retention. */
async function rollup(c: DuckDBConnection, ctx: RunContext): Promise<LoadCounts> {
  const cfg = uptimeConfig();
  ctx.progress({ fase: 'agregando verificaciones', hechos: 0, total: null });
  const r = await runRollup(c, { fallos: cfg.fallosCaida, retencionDias: cfg.retencionDias, minutosDias: cfg.minutosDias, histogramasDias: cfg.histogramasDias });
  return { leidas: r.verificaciones, cargadas: r.agregados, rechazadas: 0 };
}

const TABLES: readonly TableContract[] = [
  { ...serviciosContract, merge: mergeServicios },
  { ...mantenimientosContract, merge: mergeMantenimientos },
  // Raw checks: millions of rows, written by the probes too; a scan of them on every run would cost more than it tells.
  { ...verificacionesContract, merge: mergeVerificaciones, checked: false },
];

/**
 * Uptime of the institution's services. The probes run continuously in the server (src/domains/disponibilidad); every run of this
 * pipeline brings the rollups and outages up to date. Its inbox takes catalogue, maintenance and history files
 * (`servicios*`, `mantenimientos*`, `verificaciones*`; the demo writes them), loaded by the shared runner like any
 * file source: once by content hash, validated against the contract, merged in the run's transaction and archived
 * after it commits.
 */
export const disponibilidadPipeline = filesPipeline({
  name: 'disponibilidad', titulo: 'Disponibilidad de servicios (agregados y caídas)', schedule: '*/5 * * * *', freshnessHours: 1,
  tables: TABLES, afterFiles: rollup, demo: disponibilidadDemo,
  checks: [references('core.mantenimientos.servicio_id', 'core.servicios.id'), { kind: 'unique', table: 'core.disp_caidas', columns: ['servicio_id', 'inicio'] }],
});
