import { Hono } from 'hono';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { BadRequestError, badRequest, getOficialiaConfig, listaPeticiones, parseRango, resumenOficialia, type FiltroPeticiones } from '../queries/oficialia.js';

/** UTOE: petitions to certify electoral facts (DESIGN.md §3 Petitions, §6). */
export const oficialiaRoutes = new Hono<Env>();
oficialiaRoutes.use('*', requireAccess('oficialia'));

const AMBITOS = ['oc', 'distrital', 'municipal'];

function filtro(q: (k: string) => string | undefined): FiltroPeticiones {
  const ambito = q('ambito') || null;
  if (ambito && !AMBITOS.includes(ambito)) throw new BadRequestError('El ámbito debe ser «oc», «distrital» o «municipal».');
  return { ...parseRango({ desde: q('desde'), hasta: q('hasta') }), organo: q('organo') || null, ambito, tipo_peticionario: q('tipo_peticionario') || null };
}

/** {recibidas, atendidas, backlog, horas_atencion_mediana, en_plazo_pct} plus p90, evaluation, prevenciones, breakdowns. */
oficialiaRoutes.get('/resumen', (c) => badRequest(c, async () => c.json(await resumenOficialia(c.get('ctx').wh, filtro((k) => c.req.query(k))))));

oficialiaRoutes.get('/configuracion', async (c) => c.json(await getOficialiaConfig(c.get('ctx').wh)));

/** The petitions behind the figures (filters: desde, hasta, organo, ambito, tipo_peticionario, estado, pendientes=1). */
oficialiaRoutes.get('/', (c) => badRequest(c, async () => {
  const f = filtro((k) => c.req.query(k));
  return c.json(await listaPeticiones(c.get('ctx').wh, { ...f, estado: c.req.query('estado') || null, pendientes: c.req.query('pendientes') === '1' }));
}));
