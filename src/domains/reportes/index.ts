import { ROLES } from '../../core/roles.js';
import type { DomainModule } from '../types.js';
import { catalogoDe } from './catalogo.js';
import { openapi } from './openapi.js';
import { reportesRoutes } from './routes.js';
import { servicioReportes } from './service.js';

/**
 * Scheduled reports: subscriptions to the documents the domains offer (DomainModule.reportes: the Resumen as PDF,
 * a unit's page as PDF/XLSX), sent by e-mail every week or month; every role manages its own.
 */
export function reportesDomain(domains: readonly DomainModule[]): DomainModule {
  const catalogo = catalogoDe(domains);
  return {
    id: 'reportes',
    title: 'Reportes programados',
    roles: ROLES,
    routers: [{ prefix: '/reportes', router: reportesRoutes(catalogo) }],
    openapi,
    nav: { href: '/reportes', label: 'Reportes programados' },
    services: [servicioReportes(catalogo)],
  };
}
