import type { DomainModule } from '../types.js';
import { indiceOdes } from './settings.js';
import { openapi } from './openapi.js';
import { tarjetaOdes } from './resumen.js';
import { odesRoutes } from './routes.js';
import { seccionOdes } from './informe.js';
import { reglasOdes } from './alertas.js';

/** UTVODES: the compliance index of the 30 district and 212 municipal councils (DESIGN.md §3 ODES). */
export const odes: DomainModule = {
  id: 'odes', title: 'ODES', roles: ['admin', 'direccion', 'utvodes'],
  routers: [{ prefix: '/odes', router: odesRoutes }],
  openapi, informe: [seccionOdes], settings: [indiceOdes], resumen: [tarjetaOdes], nav: { href: '/odes', label: 'ODES' }, reglas: reglasOdes,
};
