import { Hono } from 'hono';
import { listSettings, saveSetting, SettingError } from '../../config/settings.js';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';

/** Admin: the tunable figures (weights, deadlines, thresholds) with their defaults. */
export const configuracionRoutes = new Hono<Env>();
configuracionRoutes.use('*', requireAccess('usuarios'));

configuracionRoutes.get('/', async (c) => c.json(await listSettings(c.get('ctx').wh)));

configuracionRoutes.put('/:clave', async (c) => {
  const body = (await c.req.json().catch(() => null)) as { valor?: unknown } | null;
  if (!body || !('valor' in body)) return c.json({ error: 'Se esperaba JSON con «valor».' }, 400);
  try {
    await saveSetting(c.get('ctx').wh, c.req.param('clave'), body.valor, c.get('user')!.usuario);
    return c.json({ ok: true });
  } catch (e) {
    if (e instanceof SettingError) return c.json({ error: e.message }, e.message.startsWith('No existe') ? 404 : 400);
    throw e;
  }
});
