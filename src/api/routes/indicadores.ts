import { Hono } from 'hono';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { parseEjercicio } from '../queries/metas.js';
import { listaIndicadores } from '../queries/indicadores.js';
import { areaScope } from '../../planning/scope.js';
import { handled } from './metas.js';

/** UTP: MIR indicators, one row per measurement period with its ficha técnica (DESIGN.md §3, §6). */
export const indicadoresRoutes = new Hono<Env>();
indicadoresRoutes.use('*', requireAccess('metas'));

indicadoresRoutes.get('/', (c) => handled(c, async () => {
  const ejercicio = parseEjercicio(c.req.query('ejercicio'));
  const area = areaScope(c.get('user')!, c.req.query('area'));
  return c.json(await listaIndicadores(c.get('ctx').wh, { ejercicio, area, clave: c.req.query('clave') ?? '' }));
}));
