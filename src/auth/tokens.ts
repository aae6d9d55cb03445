import type { Warehouse } from '../db/warehouse.js';
import { audit } from '../audit/log.js';
import { HttpError } from '../core/errors.js';
import { randomToken, sha256 } from './passwords.js';
import type { SessionUser } from './sessions.js';

/**
 * API tokens for machine clients (the CLI, other systems): `atl_` + 32 random characters; only their SHA-256 is
 * stored. Each expires (ATALAYA_TOKEN_DIAS) and an admin lists and revokes them. A token's public id is the start
 * of its hash.
 */
const TOKEN_RE = /^atl_[A-Za-z0-9_-]{32}$/;

/** Tokens issued before expiry existed last this many days from their creation. */
const LEGACY_DAYS = 90;
const EXPIRA = `coalesce(t.expira_en, t.creado_en + INTERVAL ${LEGACY_DAYS} DAY)`;

export interface TokenInfo {
  id: string;
  usuario: string;
  nombre: string;
  creado_en: string;
  creado_por: string | null;
  expira_en: string;
  ultimo_uso: string | null;
  revocado: boolean;
  vigente: boolean;
}

/** Issues a token for `usuario` valid `dias` days; audited with the issuing transaction. Returns the token (shown once). */
export async function createToken(wh: Warehouse, usuario: string, nombre: string, actor: string | null, dias = 90): Promise<string> {
  const token = `atl_${randomToken(24)}`;
  const hash = sha256(token);
  await wh.transaction(async (c) => {
    await c.run(
      'INSERT INTO app.tokens (token_hash, usuario, nombre, expira_en, creado_por) VALUES ($1, $2, $3, now() + to_days($4::INTEGER), $5)',
      [hash, usuario, nombre, dias, actor],
    );
    await audit(c, actor, 'token.crear', usuario, null, { id: hash.slice(0, 16), nombre, dias });
  });
  return token;
}

export async function listTokens(wh: Warehouse): Promise<TokenInfo[]> {
  return wh.all<TokenInfo>(
    `SELECT left(t.token_hash, 16) AS id, t.usuario, t.nombre, t.creado_en, t.creado_por, ${EXPIRA} AS expira_en, t.ultimo_uso, t.revocado,
       (NOT t.revocado AND ${EXPIRA} > now()) AS vigente
     FROM app.tokens t ORDER BY t.creado_en DESC`,
  );
}

/** Revokes a token by its id; 404 when there is none. Audited in the same transaction. */
export async function revokeToken(wh: Warehouse, id: string, actor: string): Promise<TokenInfo> {
  const before = (await listTokens(wh)).find((t) => t.id === id);
  if (!before) throw new HttpError(404, `No existe el token «${id}».`, { parametro: 'id' });
  await wh.transaction(async (c) => {
    await c.run('UPDATE app.tokens SET revocado = true WHERE left(token_hash, 16) = $1', [id]);
    await audit(c, actor, 'token.revocar', before.usuario, { id, nombre: before.nombre, revocado: before.revocado }, { id, nombre: before.nombre, revocado: true });
  });
  return { ...before, revocado: true, vigente: false };
}

/**
 * The user behind a Bearer token, or null (malformed, unknown, revoked, expired or inactive user). The first use
 * in each hour is recorded in the token's `ultimo_uso` and in the audit log, with the client's address.
 */
const usedAt = new Map<string, number>();

export async function userForToken(wh: Warehouse, token: string): Promise<SessionUser | null> {
  if (!TOKEN_RE.test(token)) return null;
  const hash = sha256(token);
  const r = await wh.lookup<SessionUser & { nombre: string; reciente: boolean }>(
    `SELECT u.usuario, u.rol, u.area, u.activo, t.nombre, coalesce(t.ultimo_uso > now() - INTERVAL 1 HOUR, false) AS reciente
     FROM app.tokens t JOIN app.usuarios u USING (usuario)
     WHERE t.token_hash = $1 AND NOT t.revocado AND ${EXPIRA} > now() AND u.activo`,
    [hash],
  );
  if (!r) return null;
  if (!r.reciente && (usedAt.get(hash) ?? 0) < Date.now() - 3_600_000) {
    // Concurrent first uses record one row: the mark is set before the write.
    usedAt.set(hash, Date.now());
    await wh.transaction(async (c) => {
      await c.run('UPDATE app.tokens SET ultimo_uso = now() WHERE token_hash = $1', [hash]);
      await audit(c, r.usuario, 'token.usar', r.usuario, null, { id: hash.slice(0, 16), nombre: r.nombre });
    }, 'sesiones');
  }
  return { usuario: r.usuario, rol: r.rol, area: r.area, activo: r.activo, csrf: null, via: 'token' };
}
