import { Hono } from 'hono';
import { z } from 'zod';
import type { Env } from '../../api/context.js';
import { hastaShape, opcion, opcional } from '../../api/input/schemas.js';
import { query } from '../../api/input/validate.js';
import { readSetting } from '../../core/settings.js';
import type { ResumenCard } from '../types.js';
import { resumenGeneral } from './queries.js';
import { metasSetting } from './settings.js';

const resumenQuery = z.object({ periodo: opcional(opcion(['mes', 'trimestre', 'anio'])), ...hastaShape });

/** The leadership overview's routes (DESIGN.md §1 `direccion`) over these cards. */
export function resumenRoutes(cards: readonly ResumenCard[]): Hono<Env> {
  const routes = new Hono<Env>();
  /** ?periodo=mes|trimestre|anio (default mes) &hasta=aaaa-mm-dd (default today). */
  routes.get('/', query(resumenQuery), async (c) => {
    const q = c.req.valid('query');
    const ctx = c.get('ctx');
    return c.json(await resumenGeneral(ctx.wh, cards, ctx.pipelines, q.periodo ?? 'mes', q.hasta));
  });
  routes.get('/metas', async (c) => c.json(await readSetting(c.get('ctx').wh, metasSetting(cards))));
  return routes;
}
