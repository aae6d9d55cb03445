import type { DomainModule } from '../types.js';
import { openapi } from './openapi.js';
import { publicoRoutes } from './publico.js';
import { tarjetaDisponibilidad } from './resumen.js';
import { disponibilidadRoutes } from './routes.js';
import { sondeo } from './service.js';
import { seccionDisponibilidad } from './informe.js';

/** UTSI: uptime of the institution's services, its catalogue, maintenance windows and the public status page. */
export const disponibilidad: DomainModule = {
  id: 'disponibilidad',
  title: 'Disponibilidad',
  roles: ['admin', 'direccion', 'utsi'],
  routers: [
    { prefix: '/disponibilidad', router: disponibilidadRoutes },
    { prefix: '/publico', router: publicoRoutes, public: true },
  ],
  openapi,
  informe: [seccionDisponibilidad],
  resumen: [tarjetaDisponibilidad],
  nav: { href: '/disponibilidad', label: 'Disponibilidad' },
  // The catalogue and maintenance windows are edited under Administración, by UTSI as well.
  pages: ['/disponibilidad', { href: '/admin/servicios', label: 'Servicios monitoreados', roles: ['admin', 'utsi'] }],
  services: [sondeo],
};
