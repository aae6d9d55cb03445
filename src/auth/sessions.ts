import type { Warehouse } from '../db/warehouse.js';
import { audit } from '../audit/log.js';
import { randomToken, sha256 } from './passwords.js';
import type { Usuario } from './users.js';

export const SESSION_COOKIE = 'atalaya_sesion';

/** How long a session lives: idle minutes without use, and hours since login at most (Config). */
export interface SessionPolicy {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}

export interface SessionUser extends Usuario {
  csrf: string | null;
  via: 'sesion' | 'token';
}

/** A session's last use is written at most this often (every request would be a write). */
const TOUCH_SECONDS = 60;

/** Opens a session for a user who just proved their password; audited in the same transaction. */
export async function createSession(wh: Warehouse, usuario: string, policy: SessionPolicy): Promise<{ token: string; csrf: string }> {
  const token = randomToken();
  const csrf = randomToken(18);
  await wh.transaction(async (c) => {
    await c.run(
      'INSERT INTO app.sesiones (token_hash, usuario, csrf, expira_en, ultimo_uso) VALUES ($1, $2, $3, now() + to_hours($4::INTEGER), now())',
      [sha256(token), usuario, csrf, policy.sessionMaxHours],
    );
    await audit(c, usuario, 'sesion.iniciar', usuario, null, null);
  }, 'sesiones');
  return { token, csrf };
}

/** Ends a session (logout); audited with its user when the session existed. */
export async function deleteSession(wh: Warehouse, token: string): Promise<void> {
  recentOf(wh).delete(sha256(token));
  await wh.transaction(async (c) => {
    const r = await c.runAndReadAll('DELETE FROM app.sesiones WHERE token_hash = $1 RETURNING usuario', [sha256(token)]);
    const usuario = r.getRowObjectsJS()[0]?.usuario as string | undefined;
    if (usuario) await audit(c, usuario, 'sesion.cerrar', usuario, null, null);
  }, 'sesiones');
}

const ALIVE = `s.expira_en > now() AND coalesce(s.ultimo_uso, s.creada_en) > now() - to_minutes($2::INTEGER)`;

/**
 * Sessions checked in the last few seconds, so a user's burst of requests asks the warehouse once. An entry holds
 * only while no write to the data (users, roles, passwords: the default dataset) committed since, and a logout
 * removes its own; an expiry or an idle limit takes effect at most RECENT_MS late.
 */
const RECENT_MS = 30_000;
const recentByWarehouse = new WeakMap<Warehouse, Map<string, { user: SessionUser; until: number; version: number }>>();

function recentOf(wh: Warehouse): Map<string, { user: SessionUser; until: number; version: number }> {
  let m = recentByWarehouse.get(wh);
  if (!m) recentByWarehouse.set(wh, (m = new Map()));
  return m;
}

/** The user of a live session (not past its absolute expiry nor idle too long, user active), or null. */
export async function userForSession(wh: Warehouse, token: string, policy: SessionPolicy): Promise<SessionUser | null> {
  const hash = sha256(token);
  const recent = recentOf(wh);
  const hit = recent.get(hash);
  if (hit && hit.until > Date.now() && hit.version === wh.versions.get('datos')) return hit.user;
  const version = wh.versions.get('datos');
  const r = await wh.lookup<SessionUser & { reposo: number }>(
    `SELECT u.usuario, u.rol, u.area, u.activo, s.csrf,
       date_diff('second', coalesce(s.ultimo_uso, s.creada_en), now())::INTEGER AS reposo
     FROM app.sesiones s JOIN app.usuarios u USING (usuario)
     WHERE s.token_hash = $1 AND ${ALIVE} AND u.activo`,
    [hash, policy.sessionIdleMinutes],
  );
  if (!r) return null;
  if (r.reposo >= TOUCH_SECONDS) await wh.exec('UPDATE app.sesiones SET ultimo_uso = now() WHERE token_hash = $1', [hash], 'sesiones');
  const { reposo: _r, ...user } = r;
  const out: SessionUser = { ...user, via: 'sesion' };
  if (recent.size > 10_000) recent.clear();
  recent.set(hash, { user: out, until: Date.now() + RECENT_MS, version });
  return out;
}

/** Deletes the sessions that expired or sat idle too long; returns how many. */
export async function purgeSessions(wh: Warehouse, policy: SessionPolicy): Promise<number> {
  return wh.write(async (c) => {
    const r = await c.runAndReadAll(
      `DELETE FROM app.sesiones s WHERE NOT (${ALIVE.replace('$2', '$1')}) RETURNING 1`,
      [policy.sessionIdleMinutes],
    );
    return r.currentRowCount;
  }, 'sesiones');
}
