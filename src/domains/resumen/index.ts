import type { DomainModule } from '../types.js';
import { openapi } from './openapi.js';
import { metasSetting } from './settings.js';
import { reporteResumen } from './reporte.js';
import { resumenRoutes } from './routes.js';
import { semaforoEmpeora } from './alertas.js';

/**
 * The leadership overview (DESIGN.md §1 `direccion`): the cards of `domains`, in their order. It takes the domains
 * instead of importing the registry, which lists it.
 */
export function resumenDomain(domains: readonly DomainModule[]): DomainModule {
  const cards = domains.flatMap((d) => d.resumen ?? []);
  return {
    id: 'resumen',
    title: 'Resumen',
    roles: ['admin', 'direccion', 'utp', 'utvodes', 'utsi', 'utoe', 'uts'],
    routers: [{ prefix: '/resumen', router: resumenRoutes(cards) }],
    openapi,
    settings: [metasSetting(cards)],
    reportes: [reporteResumen(cards)],
    nav: { href: '/', label: 'Resumen' },
    reglas: [semaforoEmpeora(cards)],
  };
}
