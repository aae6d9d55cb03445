import type { Warehouse } from '../db/warehouse.js';
import { randomToken, sha256 } from './passwords.js';
import type { Usuario } from './users.js';

export const SESSION_COOKIE = 'atalaya_sesion';
export const SESSION_HOURS = 12;

export interface SessionUser extends Usuario {
  csrf: string | null;
  via: 'sesion' | 'token';
}

export async function createSession(wh: Warehouse, usuario: string): Promise<{ token: string; csrf: string }> {
  const token = randomToken();
  const csrf = randomToken(18);
  await wh.exec(
    `INSERT INTO app.sesiones (token_hash, usuario, csrf, expira_en) VALUES ($1, $2, $3, now() + INTERVAL ${SESSION_HOURS} HOUR)`,
    [sha256(token), usuario, csrf],
  );
  return { token, csrf };
}

export async function deleteSession(wh: Warehouse, token: string): Promise<void> {
  await wh.exec('DELETE FROM app.sesiones WHERE token_hash = $1', [sha256(token)]);
}

export async function userForSession(wh: Warehouse, token: string): Promise<SessionUser | null> {
  const r = await wh.one<SessionUser>(
    `SELECT u.usuario, u.rol, u.area, u.activo, s.csrf FROM app.sesiones s JOIN app.usuarios u USING (usuario)
     WHERE s.token_hash = $1 AND s.expira_en > now() AND u.activo`,
    [sha256(token)],
  );
  return r ? { ...r, via: 'sesion' } : null;
}

export async function userForToken(wh: Warehouse, token: string): Promise<SessionUser | null> {
  const r = await wh.one<SessionUser>(
    `SELECT u.usuario, u.rol, u.area, u.activo FROM app.tokens t JOIN app.usuarios u USING (usuario)
     WHERE t.token_hash = $1 AND NOT t.revocado AND u.activo`,
    [sha256(token)],
  );
  return r ? { ...r, csrf: null, via: 'token' } : null;
}
