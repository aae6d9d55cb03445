import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { auditEvent } from '../../audit/log.js';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from '../../auth/passwords.js';
import { createSession, deleteSession, purgeSessions, SESSION_COOKIE } from '../../auth/sessions.js';
import { LoginThrottle, WINDOW_MS } from '../../auth/throttle.js';
import { getUser } from '../../auth/users.js';
import { esperado } from '../../core/errors.js';
import type { Env } from '../context.js';
import { sessionTokenOf } from '../input/client.js';
import { json } from '../input/validate.js';

export const authRoutes = new Hono<Env>();

/** One throttle per API instance (the server has one; in-process tests make their own). */
const throttles = new WeakMap<object, LoginThrottle>();
export function throttleOf(ctx: object): LoginThrottle {
  let t = throttles.get(ctx);
  if (!t) throttles.set(ctx, (t = new LoginThrottle()));
  return t;
}

const loginSchema = z.object({
  usuario: z.string({ error: esperado('debe ser texto') }).max(100, 'admite a lo más 100 caracteres').transform((s) => s.trim().toLowerCase()),
  password: z.string({ error: esperado('debe ser texto') }).max(1024, 'admite a lo más 1024 caracteres'),
});

authRoutes.post('/login', json(loginSchema), async (c) => {
  const { wh, config } = c.get('ctx');
  const { usuario, password } = c.req.valid('json');
  const direccion = c.get('direccion');
  // The failure is counted before the password is checked, so concurrent attempts cannot exceed the limit.
  const throttle = throttleOf(c.get('ctx'));
  const r = throttle.reserve(usuario, direccion);
  if (!r.ok) {
    c.header('Retry-After', String(r.retryAfter));
    return c.json({ error: `Demasiados intentos fallidos. Intente de nuevo en ${Math.ceil(r.retryAfter / 60)} min.` }, 429);
  }
  const user = usuario ? await getUser(wh, usuario) : undefined;
  // Unknown and inactive users are checked against a hash too: every attempt costs the same.
  const matches = await verifyPassword(password, user?.hash ?? DUMMY_HASH);
  if (!user || !user.activo || !matches) {
    await auditEvent(wh, usuario || null, 'sesion.fallida', usuario || null, null, null);
    if (r.last) await auditEvent(wh, usuario || null, 'sesion.bloqueo', usuario || null, null, { minutos: WINDOW_MS / 60_000 });
    return c.json({ error: 'Usuario o contraseña incorrectos.' }, 401);
  }
  throttle.succeeded(r);
  if (needsRehash(user.hash)) {
    await wh.exec('UPDATE app.usuarios SET hash = $1 WHERE usuario = $2', [await hashPassword(password), user.usuario]);
  }
  await purgeSessions(wh, config);
  const s = await createSession(wh, user.usuario, config);
  setCookie(c, SESSION_COOKIE, s.token, {
    httpOnly: true, sameSite: 'Lax', path: '/', maxAge: config.sessionMaxHours * 3600, secure: config.https,
  });
  return c.json({ usuario: user.usuario, rol: user.rol, area: user.area, csrf: s.csrf });
});

authRoutes.post('/logout', async (c) => {
  const { wh, config } = c.get('ctx');
  const token = sessionTokenOf(c.req.header('cookie'), SESSION_COOKIE);
  if (token) await deleteSession(wh, token);
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: config.https });
  return c.json({ ok: true });
});

authRoutes.get('/sesion', (c) => {
  const u = c.get('user');
  if (!u) return c.json({ error: 'Sin sesión.' }, 401);
  return c.json({ usuario: u.usuario, rol: u.rol, area: u.area, csrf: u.csrf });
});
