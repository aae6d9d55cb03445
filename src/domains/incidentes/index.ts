import type { DomainModule } from '../types.js';
import { openapi } from './openapi.js';
import { tarjetaIncidentes } from './resumen.js';
import { incidentesRoutes } from './routes.js';
import { slaHoras } from './settings.js';
import { seccionIncidentes } from './informe.js';

/** UTSI's help desk: backlog, MTTR and SLA of the tickets (DESIGN.md §3 Incidents). */
export const incidentes: DomainModule = {
  id: 'incidentes', title: 'Incidentes', roles: ['admin', 'direccion', 'utsi'],
  routers: [{ prefix: '/incidentes', router: incidentesRoutes }],
  openapi, informe: [seccionIncidentes], settings: [slaHoras], resumen: [tarjetaIncidentes], nav: { href: '/incidentes', label: 'Incidentes' },
};
