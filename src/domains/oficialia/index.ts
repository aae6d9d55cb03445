import type { DomainModule } from '../types.js';
import { openapi } from './openapi.js';
import { tarjetaOficialia } from './resumen.js';
import { oficialiaRoutes } from './routes.js';
import { plazoOficialia } from './settings.js';
import { seccionOficialia } from './informe.js';
import { reglasOficialia } from './alertas.js';

/** UTOE: petitions to certify electoral facts and their deadlines (DESIGN.md §3 Petitions). */
export const oficialia: DomainModule = {
  id: 'oficialia', title: 'Oficialía Electoral', roles: ['admin', 'direccion', 'utoe', 'utvodes'],
  routers: [{ prefix: '/oficialia', router: oficialiaRoutes }],
  openapi, informe: [seccionOficialia], settings: [plazoOficialia], resumen: [tarjetaOficialia], nav: { href: '/oficialia', label: 'Oficialía' }, reglas: reglasOficialia,
};
