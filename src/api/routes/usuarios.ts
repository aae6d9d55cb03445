import { Hono } from 'hono';
import { createUser, listUsers, updateUser, UserInputError } from '../../auth/users.js';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';

export const usuariosRoutes = new Hono<Env>();
usuariosRoutes.use('*', requireAccess('usuarios'));

usuariosRoutes.get('/', async (c) => c.json(await listUsers(c.get('ctx').wh)));

usuariosRoutes.post('/', async (c) => {
  const body = await c.req.json().catch(() => null);
  if (!body || typeof body !== 'object') return c.json({ error: 'Se esperaba JSON con usuario, password, rol y area.' }, 400);
  try {
    return c.json(await createUser(c.get('ctx').wh, body, c.get('user')!.usuario), 201);
  } catch (e) {
    if (e instanceof UserInputError) return c.json({ error: e.message }, e.message.includes('ya existe') ? 409 : 400);
    throw e;
  }
});

usuariosRoutes.patch('/:usuario', async (c) => {
  const body = await c.req.json().catch(() => null);
  if (!body || typeof body !== 'object') return c.json({ error: 'Se esperaba JSON con rol, area, activo o password.' }, 400);
  try {
    const u = await updateUser(c.get('ctx').wh, c.req.param('usuario'), body, c.get('user')!.usuario);
    return u ? c.json(u) : c.json({ error: `No existe el usuario «${c.req.param('usuario')}».` }, 404);
  } catch (e) {
    if (e instanceof UserInputError) return c.json({ error: e.message }, 400);
    throw e;
  }
});
