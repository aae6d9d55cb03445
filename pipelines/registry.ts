import { calendarioPipeline } from './calendario/index.js';
import { cartografiaPipeline } from './cartografia/index.js';
import { glpiPipeline } from './glpi/index.js';
import { disponibilidadPipeline } from './disponibilidad/index.js';
import { odesPipeline } from './odes/index.js';
import { oficialiaPipeline } from './oficialia/index.js';
import { sesionesPipeline } from './sesiones/index.js';
import { poaPipeline } from './poa/index.js';
import { indicadoresPipeline } from './indicadores/index.js';
import type { Pipeline } from './runner/types.js';
import { ticketsPipeline } from './tickets/index.js';

/** Every source Atalaya loads. Adding a source: one folder under pipelines/ and one line here. */
export const PIPELINES: readonly Pipeline[] = [cartografiaPipeline, ticketsPipeline, glpiPipeline, odesPipeline, oficialiaPipeline, sesionesPipeline, disponibilidadPipeline, poaPipeline, indicadoresPipeline, calendarioPipeline];

export function findPipeline(name: string): Pipeline | undefined {
  return PIPELINES.find((p) => p.name === name);
}
