import type { DomainModule } from '../types.js';
import { seccionCalendario } from './informe.js';
import { openapi } from './openapi.js';
import { tarjetaCalendario } from './resumen.js';
import { calendarioRoutes } from './routes.js';

/** UTP: the calendario integral of each electoral process, its states and changes by acuerdo (DESIGN.md §3, §6). */
export const calendario: DomainModule = {
  id: 'calendario', title: 'Calendario integral', roles: ['admin', 'direccion', 'utp', 'area'],
  routers: [{ prefix: '/calendario', router: calendarioRoutes }],
  openapi, informe: [seccionCalendario], resumen: [tarjetaCalendario], nav: { href: '/calendario', label: 'Calendario' },
};
