import { z } from 'zod';
import type { Warehouse } from '../db/warehouse.js';
import { rowsOf } from '../db/warehouse.js';
import { audit } from '../audit/log.js';
import { esperado, HttpError, parseInput } from '../core/errors.js';
import { hashPassword } from './passwords.js';
import { passwordProblem } from './password-policy.js';
import { ROLES, type Rol } from '../core/roles.js';
import { createToken } from './tokens.js';

export interface Usuario {
  usuario: string;
  rol: Rol;
  area: string | null;
  activo: boolean;
  creado_en?: string;
}

const USUARIO_RE = /^[a-z0-9._-]{3,40}$/;

const nombre = z
  .string({ error: esperado('debe ser texto') })
  .max(100, 'debe tener de 3 a 40 caracteres')
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => USUARIO_RE.test(s), 'debe tener de 3 a 40 caracteres: letras minúsculas, números, punto, guion o guion bajo');
const rol = z.enum(ROLES, { error: esperado(`debe ser uno de los roles: ${ROLES.join(', ')}`) });
const area = z
  .union([z.string().max(40, 'admite a lo más 40 caracteres'), z.null()], { error: esperado('debe ser las siglas del área o null') })
  .optional()
  .transform((a) => (a === undefined ? undefined : a === null || a.trim() === '' ? null : a.trim().toUpperCase()));
const password = z.string({ error: esperado('debe ser texto') });

/** A new account: {usuario, password, rol, area} (area, the siglas, required for role «area»). */
export const nuevoUsuarioSchema = z
  .object({ usuario: nombre, password, rol, area })
  .superRefine((u, ctx) => {
    const p = passwordProblem(u.password);
    if (p) ctx.addIssue({ code: 'custom', path: ['password'], message: p });
    if (u.rol === 'area' && !u.area) ctx.addIssue({ code: 'custom', path: ['area'], message: 'es obligatorio para el rol «area» (siglas del área)' });
  });

/** A change to an account: any of rol, area, activo, password. */
export const cambioUsuarioSchema = z.object({
  rol: rol.optional(),
  area,
  activo: z.boolean({ error: esperado('debe ser true o false') }).optional(),
  password: password.optional(),
});

export async function listUsers(wh: Warehouse): Promise<Usuario[]> {
  return wh.all<Usuario>('SELECT usuario, rol, area, activo, creado_en FROM app.usuarios ORDER BY usuario');
}

export async function getUser(wh: Warehouse, usuario: string): Promise<(Usuario & { hash: string }) | undefined> {
  return wh.one('SELECT usuario, rol, area, activo, hash FROM app.usuarios WHERE usuario = $1', [usuario]);
}

export async function countUsers(wh: Warehouse): Promise<number> {
  return (await wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM app.usuarios'))!.n;
}

/** Creates an account (input parsed by nuevoUsuarioSchema: 400 naming the field) and audits it in the same transaction. */
export async function createUser(wh: Warehouse, input: unknown, actor: string | null): Promise<Usuario> {
  const n = parseInput(nuevoUsuarioSchema, input);
  if (await getUser(wh, n.usuario)) throw new HttpError(409, `El usuario «${n.usuario}» ya existe.`, { parametro: 'usuario' });
  const hash = await hashPassword(n.password);
  const u: Usuario = { usuario: n.usuario, rol: n.rol, area: n.area ?? null, activo: true };
  await wh.transaction(async (c) => {
    await c.run('INSERT INTO app.usuarios (usuario, hash, rol, area) VALUES ($1, $2, $3, $4)', [u.usuario, hash, u.rol, u.area]);
    await audit(c, actor, 'usuario.crear', u.usuario, null, u);
  });
  return u;
}

/**
 * Changes an account. A new password or a deactivation ends the user's sessions and revokes their tokens, in the
 * same transaction as the change and its audit row.
 */
export async function updateUser(wh: Warehouse, usuario: string, input: unknown, actor: string | null): Promise<Usuario | null> {
  const patch = parseInput(cambioUsuarioSchema, input);
  const before = await getUser(wh, usuario);
  if (!before) return null;
  const next: Usuario = {
    usuario,
    rol: patch.rol ?? before.rol,
    area: patch.area === undefined ? before.area : patch.area,
    activo: patch.activo ?? before.activo,
  };
  if (next.rol === 'area' && !next.area) throw new HttpError(400, 'Un usuario con rol «area» necesita el campo «area» (siglas del área).', { parametro: 'area' });
  if (patch.password !== undefined) {
    const p = passwordProblem(patch.password);
    if (p) throw new HttpError(400, `El campo «password» ${p}.`, { parametro: 'password' });
  }
  const hash = patch.password !== undefined ? await hashPassword(patch.password) : before.hash;
  const ends = !next.activo || patch.password !== undefined;
  await wh.transaction(async (c) => {
    await c.run('UPDATE app.usuarios SET rol = $1, area = $2, activo = $3, hash = $4 WHERE usuario = $5', [next.rol, next.area, next.activo, hash, usuario]);
    const { hash: _h, ...prev } = before;
    await audit(c, actor, 'usuario.modificar', usuario, prev, { ...next, password: patch.password !== undefined ? '(cambiada)' : undefined });
    if (ends) {
      const [s] = await rowsOf<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM app.sesiones WHERE usuario = $1', [usuario]);
      const [t] = await rowsOf<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM app.tokens WHERE usuario = $1 AND NOT revocado', [usuario]);
      await c.run('DELETE FROM app.sesiones WHERE usuario = $1', [usuario]);
      await c.run('UPDATE app.tokens SET revocado = true WHERE usuario = $1 AND NOT revocado', [usuario]);
      if (s!.n || t!.n) await audit(c, actor, 'sesion.terminar', usuario, { sesiones: s!.n, tokens: t!.n }, null);
    }
  });
  return next;
}

export { createToken };
