import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, scryptRuns, verifyPassword } from '../../src/auth/passwords.js';
import { passwordProblem } from '../../src/auth/password-policy.js';
import { inProcessApi, type InProcessApi } from '../helpers/api.js';

/** A hash as an earlier version wrote them (N = 2^14 at first, then N = 2^17 with 128 MiB per hash). */
function oldHash(password: string, N = 16384): string {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password, salt, 32, { N, r: 8, p: 1, maxmem: 160 * 1024 * 1024 });
  return ['scrypt', N, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe('password hashes', () => {
  it('scrypt at N=2^15, r=8, p=3; the right password verifies, another does not', async () => {
    const h = await hashPassword('Clave-Larga-2026!');
    expect(h).toMatch(/^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('Clave-Larga-2026!', h)).toBe(true);
    expect(await verifyPassword('Clave-Larga-2026?', h)).toBe(false);
    expect(needsRehash(h)).toBe(false);
    expect(needsRehash(oldHash('x'))).toBe(true);
    expect(await verifyPassword('x', oldHash('x'))).toBe(true);
    // The earlier 128 MiB hashes still verify, and move to today's parameters.
    const earlier = oldHash('y', 2 ** 17);
    expect(await verifyPassword('y', earlier)).toBe(true);
    expect(await verifyPassword('z', earlier)).toBe(false);
    expect(needsRehash(earlier)).toBe(true);
  });

  it('a stored value that is not a hash never verifies, and still costs one scrypt', async () => {
    const before = scryptRuns();
    expect(await verifyPassword('!', '!')).toBe(false);
    expect(await verifyPassword('', 'scrypt$999999999$8$1$AAAA$AAAA')).toBe(false);
    expect(scryptRuns() - before).toBe(2);
  });
});

describe('password policy', () => {
  it('at least 12 characters, not common (without regard to case or accents)', () => {
    expect(passwordProblem('Corta-2026')).toBe('debe tener al menos 12 caracteres');
    expect(passwordProblem('CONTRASENA123')).toBe('es una contraseña común; elija otra');
    expect(passwordProblem('Contraseña123')).toBe('es una contraseña común; elija otra');
    expect(passwordProblem('aaaaaaaaaaaaaaa')).toBe('es una contraseña común; elija otra');
    expect(passwordProblem('Prueba-Clave-2026!')).toBeNull();
    expect(passwordProblem('Victima-Clave-2026!')).toBeNull();
    expect(passwordProblem('x'.repeat(300))).toBe('admite a lo más 256 caracteres');
  });
});

describe('login (the real API in process)', () => {
  let t: InProcessApi;
  beforeAll(async () => {
    t = await inProcessApi();
  });
  afterAll(() => t?.close());
  const login = (usuario: string, password: string) =>
    t.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usuario, password }) });

  it('costs one scrypt whether the user exists, is inactive, or does not exist', async () => {
    await t.wh.exec("INSERT INTO app.usuarios (usuario, hash, rol, activo) VALUES ('baja', $1, 'uts', false)", [await hashPassword('Clave-De-Baja-2026')]);
    for (const [usuario, password] of [['admin', 'mala-mala-mala'], ['nadie', 'mala-mala-mala'], ['baja', 'Clave-De-Baja-2026'], ['', 'x']] as const) {
      const before = scryptRuns();
      expect((await login(usuario, password)).status).toBe(401);
      expect(scryptRuns() - before, usuario || '(vacío)').toBe(1);
    }
  });

  it('replaces an older, weaker hash at the next login', async () => {
    await t.wh.exec("INSERT INTO app.usuarios (usuario, hash, rol) VALUES ('antigua', $1, 'uts')", [oldHash('Clave-Antigua-2026')]);
    expect((await login('antigua', 'Clave-Antigua-2026')).status).toBe(200);
    const row = await t.wh.one<{ hash: string }>("SELECT hash FROM app.usuarios WHERE usuario = 'antigua'");
    expect(row!.hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect((await login('antigua', 'Clave-Antigua-2026')).status).toBe(200);
  });

  it('a body that is not {usuario, password} is a 400 naming the field, and counts no attempt', async () => {
    const r = await t.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usuario: 'admin' }) });
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ error: 'El campo «password» es obligatorio.', parametro: 'password' });
  });
});
