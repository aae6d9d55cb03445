import { Hono } from 'hono';
import { z } from 'zod';
import { listSettings, saveSetting } from '../../config/settings.js';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { identificador } from '../input/schemas.js';
import { json, params } from '../input/validate.js';

/** Admin: the tunable figures (weights, deadlines, thresholds) with their defaults. */
export const configuracionRoutes = new Hono<Env>();
configuracionRoutes.use('*', requireAccess('usuarios'));

configuracionRoutes.get('/', async (c) => c.json(await listSettings(c.get('ctx').wh)));

/** {valor}: its shape is checked against the setting's default (settings.ts). */
const cuerpo = z.object({ valor: z.unknown().refine((v) => v !== undefined, 'es obligatorio') });

configuracionRoutes.put('/:clave', params(z.object({ clave: identificador })), json(cuerpo), async (c) => {
  await saveSetting(c.get('ctx').wh, c.req.valid('param').clave, c.req.valid('json').valor, c.get('user')!.usuario);
  return c.json({ ok: true });
});
