import { Hono } from 'hono';
import { z } from 'zod';
import { createToken, listTokens, revokeToken } from '../../auth/tokens.js';
import { getUser } from '../../auth/users.js';
import { sha256 } from '../../auth/passwords.js';
import { esperado, HttpError } from '../../core/errors.js';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { identificador, texto } from '../input/schemas.js';
import { json, params } from '../input/validate.js';

/** Admin: the API tokens (CLI and other systems), their expiry and last use; issue and revoke. */
export const tokensRoutes = new Hono<Env>();
tokensRoutes.use('*', requireAccess('usuarios'));

tokensRoutes.get('/', async (c) => c.json(await listTokens(c.get('ctx').wh)));

const nuevoToken = z.object({
  usuario: identificador,
  nombre: texto(80).refine((s) => s.trim().length > 0, 'es obligatorio'),
  dias: z.number({ error: esperado('debe ser un número de días') }).int('debe ser un número entero de días').min(1, 'debe ser al menos 1').max(3650, 'admite a lo más 3650').optional(),
});

/** {usuario, nombre, dias?} → 201 {token, …}: the token is shown this once. */
tokensRoutes.post('/', json(nuevoToken), async (c) => {
  const { wh, config } = c.get('ctx');
  const b = c.req.valid('json');
  const u = await getUser(wh, b.usuario);
  if (!u) throw new HttpError(404, `No existe el usuario «${b.usuario}».`, { parametro: 'usuario' });
  if (!u.activo) throw new HttpError(409, `El usuario «${b.usuario}» está inactivo.`, { parametro: 'usuario' });
  const token = await createToken(wh, b.usuario, b.nombre.trim(), c.get('user')!.usuario, b.dias ?? config.tokenDays);
  const id = sha256(token).slice(0, 16);
  const info = (await listTokens(wh)).find((t) => t.id === id);
  return c.json({ ...info, token }, 201);
});

tokensRoutes.delete('/:id', params(z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'debe ser el identificador de un token (16 caracteres hexadecimales)') })), async (c) =>
  c.json(await revokeToken(c.get('ctx').wh, c.req.valid('param').id, c.get('user')!.usuario)));
