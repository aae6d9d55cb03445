import { Hono } from 'hono';
import { z } from 'zod';
import { createUser, listUsers, updateUser } from '../../auth/users.js';
import { HttpError } from '../../core/errors.js';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { identificador } from '../input/schemas.js';
import { json, objeto, params } from '../input/validate.js';

export const usuariosRoutes = new Hono<Env>();
usuariosRoutes.use('*', requireAccess('usuarios'));

usuariosRoutes.get('/', async (c) => c.json(await listUsers(c.get('ctx').wh)));

/** {usuario, password, rol, area}: the body's fields are parsed by the users module's schema (one for API and CLI). */
usuariosRoutes.post('/', json(objeto), async (c) => c.json(await createUser(c.get('ctx').wh, c.req.valid('json'), c.get('user')!.usuario), 201));

usuariosRoutes.patch('/:usuario', params(z.object({ usuario: identificador })), json(objeto), async (c) => {
  const { usuario } = c.req.valid('param');
  const u = await updateUser(c.get('ctx').wh, usuario, c.req.valid('json'), c.get('user')!.usuario);
  if (!u) throw new HttpError(404, `No existe el usuario «${usuario}».`);
  return c.json(u);
});
