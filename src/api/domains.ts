import type { Hono } from 'hono';
import type { Env } from './context.js';
import { disponibilidadRoutes } from './routes/disponibilidad.js';
import { publicoRoutes } from './routes/estado-publico.js';
import { incidentesRoutes } from './routes/incidentes.js';
import { odesRoutes } from './routes/odes.js';
import { oficialiaRoutes } from './routes/oficialia.js';
import { resumenRoutes } from './routes/resumen.js';
import { sesionesRoutes } from './routes/sesiones.js';
import { metasRoutes } from './routes/metas.js';
import { indicadoresRoutes } from './routes/indicadores.js';
import { evaluacionRoutes } from './routes/evaluacion.js';

/** The figure routers of each unit: [prefix under /api, router]. Each domain issue adds its line. */
export const domainRoutes: Array<[string, Hono<Env>]> = [
  ['/disponibilidad', disponibilidadRoutes],
  ['/publico', publicoRoutes],
  ['/odes', odesRoutes],
  ['/incidentes', incidentesRoutes],
  ['/oficialia', oficialiaRoutes],
  ['/sesiones', sesionesRoutes],
  ['/resumen', resumenRoutes],
  ['/metas', metasRoutes],
  ['/indicadores', indicadoresRoutes],
  ['/evaluacion', evaluacionRoutes],
];
