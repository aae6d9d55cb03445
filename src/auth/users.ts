import type { Warehouse } from '../db/warehouse.js';
import { audit } from '../audit/log.js';
import { hashPassword, randomToken, sha256 } from './passwords.js';
import { isRol, type Rol } from './roles.js';

export interface Usuario {
  usuario: string;
  rol: Rol;
  area: string | null;
  activo: boolean;
  creado_en?: string;
}

export class UserInputError extends Error {}

const USUARIO_RE = /^[a-z0-9._-]{3,40}$/;

export function validatePassword(pw: unknown): string {
  if (typeof pw !== 'string' || pw.length < 8) throw new UserInputError('La contraseña debe tener al menos 8 caracteres.');
  return pw;
}

export async function listUsers(wh: Warehouse): Promise<Usuario[]> {
  return wh.all<Usuario>('SELECT usuario, rol, area, activo, creado_en FROM app.usuarios ORDER BY usuario');
}

export async function getUser(wh: Warehouse, usuario: string): Promise<(Usuario & { hash: string }) | undefined> {
  return wh.one('SELECT usuario, rol, area, activo, hash FROM app.usuarios WHERE usuario = $1', [usuario]);
}

export async function countUsers(wh: Warehouse): Promise<number> {
  return (await wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM app.usuarios'))!.n;
}

export async function createUser(
  wh: Warehouse,
  input: { usuario: unknown; password: unknown; rol: unknown; area?: unknown },
  actor: string | null,
): Promise<Usuario> {
  const usuario = String(input.usuario ?? '').trim().toLowerCase();
  if (!USUARIO_RE.test(usuario)) throw new UserInputError('El usuario debe tener de 3 a 40 caracteres: letras minúsculas, números, punto, guion o guion bajo.');
  if (!isRol(input.rol)) throw new UserInputError(`Rol desconocido «${String(input.rol ?? '')}».`);
  const area = input.area === undefined || input.area === null || input.area === '' ? null : String(input.area).trim().toUpperCase();
  if (input.rol === 'area' && !area) throw new UserInputError('Un usuario con rol «area» necesita el campo «area» (siglas del área).');
  const password = validatePassword(input.password);
  if (await getUser(wh, usuario)) throw new UserInputError(`El usuario «${usuario}» ya existe.`);
  const hash = await hashPassword(password);
  const u: Usuario = { usuario, rol: input.rol, area, activo: true };
  await wh.exec('INSERT INTO app.usuarios (usuario, hash, rol, area) VALUES ($1, $2, $3, $4)', [usuario, hash, u.rol, area]);
  await audit(wh, actor, 'usuario.crear', usuario, null, u);
  return u;
}

export async function updateUser(
  wh: Warehouse,
  usuario: string,
  patch: { rol?: unknown; area?: unknown; activo?: unknown; password?: unknown },
  actor: string | null,
): Promise<Usuario | null> {
  const before = await getUser(wh, usuario);
  if (!before) return null;
  const next: Usuario = { usuario, rol: before.rol, area: before.area, activo: before.activo };
  if (patch.rol !== undefined) {
    if (!isRol(patch.rol)) throw new UserInputError(`Rol desconocido «${String(patch.rol)}».`);
    next.rol = patch.rol;
  }
  if (patch.area !== undefined) next.area = patch.area === null || patch.area === '' ? null : String(patch.area).trim().toUpperCase();
  if (patch.activo !== undefined) {
    if (typeof patch.activo !== 'boolean') throw new UserInputError('«activo» debe ser true o false.');
    next.activo = patch.activo;
  }
  if (next.rol === 'area' && !next.area) throw new UserInputError('Un usuario con rol «area» necesita el campo «area».');
  const hash = patch.password !== undefined ? await hashPassword(validatePassword(patch.password)) : before.hash;
  await wh.exec('UPDATE app.usuarios SET rol = $1, area = $2, activo = $3, hash = $4 WHERE usuario = $5', [next.rol, next.area, next.activo, hash, usuario]);
  if (!next.activo || patch.password !== undefined) await wh.exec('DELETE FROM app.sesiones WHERE usuario = $1', [usuario]);
  const { hash: _h, ...prev } = before;
  await audit(wh, actor, 'usuario.modificar', usuario, prev, { ...next, password: patch.password !== undefined ? '(cambiada)' : undefined });
  return next;
}

/** Issues an API token for machine clients (the CLI); only its hash is stored. */
export async function createToken(wh: Warehouse, usuario: string, nombre: string, actor: string | null): Promise<string> {
  const token = `atl_${randomToken(24)}`;
  await wh.exec('INSERT INTO app.tokens (token_hash, usuario, nombre) VALUES ($1, $2, $3)', [sha256(token), usuario, nombre]);
  await audit(wh, actor, 'token.crear', usuario, null, { nombre });
  return token;
}
