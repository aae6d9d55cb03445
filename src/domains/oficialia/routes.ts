import { Hono } from 'hono';
import { z } from 'zod';
import type { Env } from '../../api/context.js';
import { conRango, opcion, opcional, texto } from '../../api/input/schemas.js';
import { paginaDe, paginaShape, paginar, respuestaPagina } from '../../api/input/pagina.js';
import { query } from '../../api/input/validate.js';
import { readSetting } from '../../core/settings.js';
import { listaPeticiones, resumenOficialia, type FiltroPeticiones } from './queries.js';
import { plazoOficialia } from './settings.js';
import { AMBITOS, PETICIONES_ORDEN } from './types.js';

/** UTOE: petitions to certify electoral facts (DESIGN.md §3 Petitions, §6). */
export const oficialiaRoutes = new Hono<Env>();

const filtroShape = { organo: opcional(texto(40)), ambito: opcional(opcion(AMBITOS)), tipo_peticionario: opcional(texto(60)) };
const filtroQuery = conRango(filtroShape);

function filtro(q: z.infer<typeof filtroQuery>): FiltroPeticiones {
  return { desde: q.desde, hasta: q.hasta, organo: q.organo || null, ambito: q.ambito ?? null, tipo_peticionario: q.tipo_peticionario || null };
}

/** {recibidas, atendidas, backlog, horas_atencion_mediana, en_plazo_pct} plus p90, evaluation, prevenciones, breakdowns. */
oficialiaRoutes.get('/resumen', query(filtroQuery), async (c) => c.json(await resumenOficialia(c.get('ctx').wh, filtro(c.req.valid('query')))));

oficialiaRoutes.get('/configuracion', async (c) => c.json(await readSetting(c.get('ctx').wh, plazoOficialia)));

const listaQuery = conRango({ ...filtroShape, estado: opcional(texto(40)), pendientes: opcional(opcion(['0', '1'])), ...paginaShape(PETICIONES_ORDEN) });

/** The petitions behind the figures (filters: desde, hasta, organo, ambito, tipo_peticionario, estado, pendientes=1). */
oficialiaRoutes.get('/', query(listaQuery), async (c) => {
  const q = c.req.valid('query');
  const p = paginaDe(q);
  return respuestaPagina(c, paginar(await listaPeticiones(c.get('ctx').wh, { ...filtro(q), estado: q.estado || null, pendientes: q.pendientes === '1' }), p), p);
});
