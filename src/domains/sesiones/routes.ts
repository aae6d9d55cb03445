import { Hono } from 'hono';
import { z } from 'zod';
import type { Env } from '../../api/context.js';
import { conRango, opcional, texto } from '../../api/input/schemas.js';
import { paginaDe, paginaShape, paginar, respuestaPagina } from '../../api/input/pagina.js';
import { query } from '../../api/input/validate.js';
import { readSetting } from '../../core/settings.js';
import { listaAcuerdos, listaSesiones, resumenSesiones, type FiltroSesiones } from './queries.js';
import { anticipacionMinima } from './settings.js';
import { ACUERDOS_ORDEN, SESIONES_ORDEN } from './types.js';

/** UTS: sessions of the Consejo General, the JGE and the commissions, and their acuerdos (DESIGN.md §3, §6). */
export const sesionesRoutes = new Hono<Env>();

const filtroQuery = conRango({ organo: opcional(texto(60)), tipo: opcional(texto(40)) });

function filtro(q: z.infer<typeof filtroQuery>): FiltroSesiones {
  return { desde: q.desde, hasta: q.hasta, organo: q.organo || null, tipo: q.tipo || null };
}

/** {sesiones, sin_quorum, anticipacion_cumplida_pct, actas_pendientes, acuerdos, dias_publicacion_mediana} plus breakdowns. */
sesionesRoutes.get('/resumen', query(filtroQuery), async (c) => c.json(await resumenSesiones(c.get('ctx').wh, filtro(c.req.valid('query')))));

sesionesRoutes.get('/configuracion', async (c) => c.json(await readSetting(c.get('ctx').wh, anticipacionMinima)));

/** Acuerdos approved in the range (filters: desde, hasta, organo), a page at a time with limite (X-Total-Count). */
const acuerdosQuery = conRango({ organo: opcional(texto(60)), tipo: opcional(texto(40)), ...paginaShape(ACUERDOS_ORDEN) });
sesionesRoutes.get('/acuerdos', query(acuerdosQuery), async (c) => {
  const q = c.req.valid('query');
  const p = paginaDe(q);
  return respuestaPagina(c, paginar(await listaAcuerdos(c.get('ctx').wh, filtro(q)), p), p);
});

/** Sessions that started in the range with their notice and compliance (filters: desde, hasta, organo, tipo). */
const listaQuery = conRango({ organo: opcional(texto(60)), tipo: opcional(texto(40)), ...paginaShape(SESIONES_ORDEN) });
sesionesRoutes.get('/', query(listaQuery), async (c) => {
  const q = c.req.valid('query');
  const p = paginaDe(q);
  return respuestaPagina(c, paginar(await listaSesiones(c.get('ctx').wh, filtro(q)), p), p);
});
