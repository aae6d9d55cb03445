import type { SeccionInforme } from '../informe.js';
import type { DomainModule } from '../types.js';
import { openapi } from './openapi.js';
import { informesRoutes } from './routes.js';
import { servicioInforme } from './service.js';

/**
 * The Informe mensual de la Secretaría Ejecutiva for the Consejo General: every unit's section (`secciones`, which
 * the domains declare and the registry collects) for one month, generated on demand and on schedule, archived.
 */
export function informesDomain(secciones: readonly SeccionInforme[]): DomainModule {
  return {
    id: 'informes',
    title: 'Informe mensual',
    roles: ['admin', 'direccion'],
    routers: [{ prefix: '/informes', router: informesRoutes(secciones) }],
    openapi,
    nav: { href: '/informes', label: 'Informe mensual' },
    services: [servicioInforme(secciones)],
  };
}
