import { Hono } from 'hono';
import { z } from 'zod';
import type { Env } from '../../api/context.js';
import { requireAccess } from '../../api/middleware/roles/index.js';
import { hastaShape, opcion, opcional } from '../../api/input/schemas.js';
import { query } from '../../api/input/validate.js';
import { getMetasResumen, resumenGeneral } from './queries.js';

/** The leadership overview (DESIGN.md §1 `direccion`): one card per KPI of every unit. */
export const resumenRoutes = new Hono<Env>();
resumenRoutes.use('*', requireAccess('resumen'));

const resumenQuery = z.object({ periodo: opcional(opcion(['mes', 'trimestre', 'anio'])), ...hastaShape });

/** ?periodo=mes|trimestre|anio (default mes) &hasta=aaaa-mm-dd (default today). */
resumenRoutes.get('/', query(resumenQuery), async (c) => {
  const q = c.req.valid('query');
  const ctx = c.get('ctx');
  return c.json(await resumenGeneral(ctx.wh, ctx.pipelines, q.periodo ?? 'mes', q.hasta));
});

resumenRoutes.get('/metas', async (c) => c.json(await getMetasResumen(c.get('ctx').wh)));
