import { Hono } from 'hono';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { badRequest, parseRango } from '../queries/oficialia.js';
import { getSesionesConfig, listaAcuerdos, listaSesiones, resumenSesiones, type FiltroSesiones } from '../queries/sesiones.js';

/** UTS: sessions of the Consejo General, the JGE and the commissions, and their acuerdos (DESIGN.md §3, §6). */
export const sesionesRoutes = new Hono<Env>();
sesionesRoutes.use('*', requireAccess('sesiones'));

function filtro(q: (k: string) => string | undefined): FiltroSesiones {
  return { ...parseRango({ desde: q('desde'), hasta: q('hasta') }), organo: q('organo') || null, tipo: q('tipo') || null };
}

/** {sesiones, sin_quorum, anticipacion_cumplida_pct, actas_pendientes, acuerdos, dias_publicacion_mediana} plus breakdowns. */
sesionesRoutes.get('/resumen', (c) => badRequest(c, async () => c.json(await resumenSesiones(c.get('ctx').wh, filtro((k) => c.req.query(k))))));

sesionesRoutes.get('/configuracion', async (c) => c.json(await getSesionesConfig(c.get('ctx').wh)));

/** Acuerdos approved in the range (filters: desde, hasta, organo). */
sesionesRoutes.get('/acuerdos', (c) => badRequest(c, async () => c.json(await listaAcuerdos(c.get('ctx').wh, filtro((k) => c.req.query(k))))));

/** Sessions that started in the range with their notice and compliance (filters: desde, hasta, organo, tipo). */
sesionesRoutes.get('/', (c) => badRequest(c, async () => c.json(await listaSesiones(c.get('ctx').wh, filtro((k) => c.req.query(k))))));
