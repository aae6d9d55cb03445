import { Hono } from 'hono';
import { z } from 'zod';
import type { Env } from '../../../api/context.js';
import { area, ejercicio, opcional, texto } from '../../../api/input/schemas.js';
import { query } from '../../../api/input/validate.js';
import { periodoPorOmision } from '../queries/metas.js';
import { listaIndicadores } from '../queries/indicadores.js';
import { areaScope } from '../../../auth/scope.js';

/** UTP: MIR indicators, one row per measurement period with its ficha técnica (DESIGN.md §3, §6). */
export const indicadoresRoutes = new Hono<Env>();

const indicadoresQuery = z.object({ ejercicio: opcional(ejercicio), area: opcional(area), clave: opcional(texto(60)) });

indicadoresRoutes.get('/', query(indicadoresQuery), async (c) => {
  const q = c.req.valid('query');
  const { ejercicio: ej } = periodoPorOmision({ ejercicio: q.ejercicio });
  return c.json(await listaIndicadores(c.get('ctx').wh, { ejercicio: ej, area: areaScope(c.get('user')!, q.area), clave: q.clave ?? '' }));
});
