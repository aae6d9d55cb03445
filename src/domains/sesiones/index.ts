import { reglasSesiones } from './alertas.js';
import type { DomainModule } from '../types.js';
import { openapi } from './openapi.js';
import { tarjetaSesiones } from './resumen.js';
import { sesionesRoutes } from './routes.js';
import { anticipacionMinima } from './settings.js';
import { seccionSesiones } from './informe.js';

/** UTS: sessions of the Consejo General, the JGE and the commissions, and their acuerdos (DESIGN.md §3 Sessions). */
export const sesiones: DomainModule = {
  id: 'sesiones', title: 'Sesiones', roles: ['admin', 'direccion', 'uts'],
  routers: [{ prefix: '/sesiones', router: sesionesRoutes }],
  openapi, informe: [seccionSesiones], settings: [anticipacionMinima], resumen: [tarjetaSesiones], nav: { href: '/sesiones', label: 'Sesiones' }, reglas: reglasSesiones,
};
