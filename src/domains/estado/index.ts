import type { DomainModule } from '../types.js';
import { openapi } from './openapi.js';
import { estadoRoutes, incidentesPublicosRoutes } from './routes.js';

/** UTSI: incidents posted on the public status page /estado (investigando → … → resuelto, with timestamped updates). */
export const estado: DomainModule = {
  id: 'estado',
  title: 'Incidentes de la página de estado',
  roles: ['admin', 'utsi'],
  routers: [
    { prefix: '/estado', router: estadoRoutes },
    { prefix: '/publico/incidentes', router: incidentesPublicosRoutes, public: true },
  ],
  openapi,
  nav: { href: '/admin/estado', label: 'Página de estado' },
};
