import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/users.js';
import { inProcessApi, type InProcessApi } from '../helpers/api.js';

let t: InProcessApi;
let admin: { cookie: string; csrf: string };
beforeAll(async () => {
  t = await inProcessApi({ ATALAYA_TOKEN_DIAS: '30' });
  admin = await t.login();
  await createUser(t.wh, { usuario: 'sistema', password: 'Prueba-Clave-2026!', rol: 'utsi' }, 'admin');
});
afterAll(() => t?.close());

type Tok = { id: string; usuario: string; nombre: string; expira_en: string; ultimo_uso: string | null; revocado: boolean; vigente: boolean; token?: string };
const send = (method: string, path: string, body?: unknown) => t.request(path, {
  method, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
});
const bearer = (token: string, path = '/api/incidentes/opciones') => t.request(path, { headers: { authorization: `Bearer ${token}` } });

describe('API tokens', () => {
  it('an admin issues one (shown once), lists it without its value, and it expires after ATALAYA_TOKEN_DIAS', async () => {
    const r = await send('POST', '/api/tokens', { usuario: 'sistema', nombre: 'tablero externo' });
    expect(r.status).toBe(201);
    const tok = (await r.json()) as Tok;
    expect(tok.token).toMatch(/^atl_[\w-]{32}$/);
    expect(tok).toMatchObject({ usuario: 'sistema', nombre: 'tablero externo', revocado: false, vigente: true, ultimo_uso: null });
    const dias = (Date.parse(tok.expira_en) - Date.now()) / 86_400_000;
    expect(Math.round(dias)).toBe(30);
    const list = (await (await send('GET', '/api/tokens')).json()) as Tok[];
    expect(JSON.stringify(list)).not.toContain(tok.token!);
    expect(list.find((x) => x.id === tok.id)).toMatchObject({ nombre: 'tablero externo', vigente: true });

    // Use: it works, and its first use is recorded (token and audit log) with the client's address.
    expect((await bearer(tok.token!)).status).toBe(200);
    expect((await bearer(tok.token!)).status).toBe(200);
    const after = ((await (await send('GET', '/api/tokens')).json()) as Tok[]).find((x) => x.id === tok.id)!;
    expect(after.ultimo_uso).not.toBeNull();
    const usos = await t.wh.all<{ usuario: string; direccion: string }>("SELECT usuario, direccion FROM app.auditoria WHERE accion = 'token.usar'");
    expect(usos).toEqual([{ usuario: 'sistema', direccion: 'local' }]);

    // Expired: refused.
    await t.wh.exec('UPDATE app.tokens SET expira_en = now() - INTERVAL 1 MINUTE WHERE left(token_hash, 16) = $1', [tok.id]);
    expect((await bearer(tok.token!)).status).toBe(401);
    expect(((await (await send('GET', '/api/tokens')).json()) as Tok[]).find((x) => x.id === tok.id)).toMatchObject({ vigente: false, revocado: false });
  });

  it('an admin revokes one: it stops working at once; the revocation is audited', async () => {
    const tok = (await (await send('POST', '/api/tokens', { usuario: 'sistema', nombre: 'respaldo', dias: 5 })).json()) as Tok;
    expect((await bearer(tok.token!)).status).toBe(200);
    const r = await send('DELETE', `/api/tokens/${tok.id}`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ id: tok.id, revocado: true, vigente: false });
    expect((await bearer(tok.token!)).status).toBe(401);
    expect(await t.wh.one("SELECT usuario, objeto FROM app.auditoria WHERE accion = 'token.revocar'")).toEqual({ usuario: 'admin', objeto: 'sistema' });
    expect((await send('DELETE', '/api/tokens/0123456789abcdef')).status).toBe(404);
    expect((await send('DELETE', '/api/tokens/nada')).status).toBe(400);
  });

  it('bad bodies are 400 naming the field; unknown users 404; malformed tokens 401; other roles 403', async () => {
    const r = await send('POST', '/api/tokens', { usuario: 'sistema', nombre: 'x', dias: 0 });
    expect(await r.json()).toEqual({ error: 'El campo «dias» debe ser al menos 1.', parametro: 'dias' });
    expect((await send('POST', '/api/tokens', { usuario: 'sistema' })).status).toBe(400);
    expect((await send('POST', '/api/tokens', { usuario: 'nadie', nombre: 'x' })).status).toBe(404);
    for (const bad of ['', 'atl_', 'x'.repeat(5000), 'atl_' + 'A'.repeat(32)]) expect((await bearer(bad)).status, bad.slice(0, 10)).toBe(401);
    const s = await t.login('sistema', 'Prueba-Clave-2026!');
    expect((await t.request('/api/tokens', { headers: { cookie: s.cookie } })).status).toBe(403);
  });
});
