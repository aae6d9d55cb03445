import { Hono } from 'hono';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { badRequest, parseRango } from '../queries/oficialia.js';
import { PERIODOS, getMetasResumen, resumenGeneral, type Periodo } from '../queries/resumen.js';

/** The leadership overview (DESIGN.md §1 `direccion`): one card per KPI of every unit. */
export const resumenRoutes = new Hono<Env>();
resumenRoutes.use('*', requireAccess('resumen'));

/** ?periodo=mes|trimestre|anio (default mes) &hasta=aaaa-mm-dd (default today). */
resumenRoutes.get('/', (c) => badRequest(c, async () => {
  const periodo = (c.req.query('periodo') || 'mes') as Periodo;
  if (!(periodo in PERIODOS)) return c.json({ error: 'El periodo debe ser «mes», «trimestre» o «anio».' }, 400);
  const { hasta } = parseRango({ hasta: c.req.query('hasta') });
  const ctx = c.get('ctx');
  return c.json(await resumenGeneral(ctx.wh, ctx.pipelines, periodo, hasta));
}));

resumenRoutes.get('/metas', async (c) => c.json(await getMetasResumen(c.get('ctx').wh)));
