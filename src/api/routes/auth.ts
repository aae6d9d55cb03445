import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { verifyPassword } from '../../auth/passwords.js';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_HOURS } from '../../auth/sessions.js';
import { clearFailures, recordFailure, retryAfter } from '../../auth/throttle.js';
import { getUser } from '../../auth/users.js';
import { audit } from '../../audit/log.js';
import type { Env } from '../context.js';

export const authRoutes = new Hono<Env>();

authRoutes.post('/login', async (c) => {
  const { wh } = c.get('ctx');
  const body = (await c.req.json().catch(() => ({}))) as { usuario?: unknown; password?: unknown };
  const usuario = typeof body.usuario === 'string' ? body.usuario.trim().toLowerCase() : '';
  const password = typeof body.password === 'string' ? body.password : '';
  // The client's address: the socket's, or the proxy's X-Forwarded-For only when a trusted proxy is declared.
  const socketIp = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
  const forwarded = process.env.ATALAYA_TRUST_PROXY === '1' ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  const ip = forwarded ?? socketIp ?? 'local';
  const keys = [`u:${usuario}`, `ip:${ip}`];
  const wait = retryAfter(keys);
  if (wait > 0) {
    c.header('Retry-After', String(wait));
    return c.json({ error: `Demasiados intentos fallidos. Intente de nuevo en ${Math.ceil(wait / 60)} min.` }, 429);
  }
  const user = usuario ? await getUser(wh, usuario) : undefined;
  const ok = !!user && user.activo && (await verifyPassword(password, user.hash));
  if (!ok || !user) {
    recordFailure(keys);
    return c.json({ error: 'Usuario o contraseña incorrectos.' }, 401);
  }
  clearFailures(keys);
  const s = await createSession(wh, user.usuario);
  setCookie(c, SESSION_COOKIE, s.token, {
    httpOnly: true, sameSite: 'Lax', path: '/', maxAge: SESSION_HOURS * 3600,
    secure: c.req.url.startsWith('https:'),
  });
  await audit(wh, user.usuario, 'sesion.iniciar', user.usuario, null, null);
  return c.json({ usuario: user.usuario, rol: user.rol, area: user.area, csrf: s.csrf });
});

authRoutes.post('/logout', async (c) => {
  const { wh } = c.get('ctx');
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await deleteSession(wh, token);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  return c.json({ ok: true });
});

authRoutes.get('/sesion', (c) => {
  const u = c.get('user');
  if (!u) return c.json({ error: 'Sin sesión.' }, 401);
  return c.json({ usuario: u.usuario, rol: u.rol, area: u.area, csrf: u.csrf });
});
