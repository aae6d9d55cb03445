import { reglasMetas } from './alertas.js';
import type { DomainModule } from '../types.js';
import { closeBrowser } from '../../core/browser.js';
import { openapi } from './openapi.js';
import { tarjetaEvaluacion, tarjetaMetas } from './resumen.js';
import { evaluacionRoutes } from './routes/evaluacion.js';
import { indicadoresRoutes } from './routes/indicadores.js';
import { metasRoutes } from './routes/metas.js';
import { seccionMetas } from './informe.js';
import { reporteEvaluacion, reporteMetas } from './suscripcion.js';

/** UTP: POA goals and MIR indicators against their targets, and the quarterly evaluation cycle (DESIGN.md §3). */
export const metas: DomainModule = {
  id: 'metas',
  title: 'Metas y evaluación',
  roles: ['admin', 'direccion', 'utp', 'area'],
  routers: [
    { prefix: '/metas', router: metasRoutes },
    { prefix: '/indicadores', router: indicadoresRoutes },
    { prefix: '/evaluacion', router: evaluacionRoutes },
  ],
  openapi,
  informe: [seccionMetas],
  reportes: [reporteMetas, reporteEvaluacion],
  resumen: [tarjetaMetas, tarjetaEvaluacion],
  reglas: reglasMetas,
  nav: { href: '/metas', label: 'Metas y evaluación' },
  pages: ['/metas', '/evaluacion'],
  // The report renderer's Chromium starts at the first PDF; it closes once the server stopped answering.
  services: [{ nombre: 'navegador de reportes', start: () => () => undefined, close: closeBrowser }],
};
