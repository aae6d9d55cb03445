import type { Hono } from 'hono';
import type { Env } from './context.js';
import { disponibilidadRoutes } from '../domains/disponibilidad/routes.js';
import { publicoRoutes } from '../domains/disponibilidad/publico.js';
import { incidentesRoutes } from '../domains/incidentes/routes.js';
import { odesRoutes } from '../domains/odes/routes.js';
import { oficialiaRoutes } from '../domains/oficialia/routes.js';
import { resumenRoutes } from '../domains/resumen/routes.js';
import { sesionesRoutes } from '../domains/sesiones/routes.js';
import { metasRoutes } from '../domains/metas/routes/metas.js';
import { indicadoresRoutes } from '../domains/metas/routes/indicadores.js';
import { evaluacionRoutes } from '../domains/metas/routes/evaluacion.js';

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
