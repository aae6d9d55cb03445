import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeSessions } from '../../src/auth/sessions.js';
import { inProcessApi, type InProcessApi } from '../helpers/api.js';

let t: InProcessApi;
beforeAll(async () => {
  t = await inProcessApi({ ATALAYA_SESION_INACTIVIDAD_MIN: '120', ATALAYA_SESION_MAX_HORAS: '12' });
});
afterAll(() => t?.close());

const me = (cookie: string) => t.request('/api/auth/sesion', { headers: { cookie } });
const hashOf = async (): Promise<string> => (await t.wh.one<{ h: string }>('SELECT token_hash AS h FROM app.sesiones ORDER BY creada_en DESC LIMIT 1'))!.h;
const json = (method: string, body: unknown, s: { cookie: string; csrf: string }): RequestInit => ({
  method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body),
});

describe('sessions', () => {
  it('end after 2 h without use, even within their 12 h', async () => {
    const s = await t.login();
    const h = await hashOf();
    expect((await me(s.cookie)).status).toBe(200);
    await t.wh.exec("UPDATE app.sesiones SET ultimo_uso = now() - INTERVAL 119 MINUTE WHERE token_hash = $1", [h]);
    expect((await me(s.cookie)).status).toBe(200);
    // That use moved ultimo_uso to now: the session lives on.
    const u = await t.wh.one<{ min: number }>("SELECT date_diff('minute', ultimo_uso, now()) AS min FROM app.sesiones WHERE token_hash = $1", [h]);
    expect(u!.min).toBe(0);
    await t.wh.exec("UPDATE app.sesiones SET ultimo_uso = now() - INTERVAL 121 MINUTE WHERE token_hash = $1", [h]);
    expect((await me(s.cookie)).status).toBe(401);
  });

  it('end 12 h after login however much they are used', async () => {
    const s = await t.login();
    const h = await hashOf();
    await t.wh.exec("UPDATE app.sesiones SET expira_en = now() - INTERVAL 1 SECOND, ultimo_uso = now() WHERE token_hash = $1", [h]);
    expect((await me(s.cookie)).status).toBe(401);
  });

  it('the cookie lasts the absolute timeout and is Secure only behind https', async () => {
    const r = await t.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usuario: 'admin', password: 'Prueba-Clave-2026!' }) });
    const set = r.headers.get('set-cookie')!;
    expect(set).toMatch(/Max-Age=43200/);
    expect(set).not.toMatch(/Secure/i);
  });

  it('expired and idle sessions are purged', async () => {
    await t.login();
    await t.wh.exec("UPDATE app.sesiones SET ultimo_uso = now() - INTERVAL 3 HOUR WHERE token_hash = $1", [await hashOf()]);
    const before = (await t.wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM app.sesiones'))!.n;
    const purged = await purgeSessions(t.wh, t.config);
    expect(purged).toBeGreaterThanOrEqual(1);
    const after = (await t.wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM app.sesiones'))!.n;
    expect(after).toBe(before - purged);
    const left = await t.wh.all<{ vivo: boolean }>("SELECT expira_en > now() AND ultimo_uso > now() - INTERVAL 120 MINUTE AS vivo FROM app.sesiones");
    expect(left.every((x) => x.vivo)).toBe(true);
  });

  it('a password change or a deactivation ends the user’s sessions and revokes their tokens', async () => {
    const admin = await t.login();
    expect((await t.request('/api/usuarios', json('POST', { usuario: 'lucia', password: 'Prueba-Uts-2026!', rol: 'uts' }, admin))).status).toBe(201);
    const lucia = await t.login('lucia', 'Prueba-Uts-2026!');
    const tok = (await (await t.request('/api/tokens', json('POST', { usuario: 'lucia', nombre: 'script' }, admin))).json()) as { token: string };
    const bearer = { headers: { authorization: `Bearer ${tok.token}` } };
    expect((await me(lucia.cookie)).status).toBe(200);
    expect((await t.request('/api/auth/sesion', bearer)).status).toBe(200);

    expect((await t.request('/api/usuarios/lucia', json('PATCH', { password: 'Otra-Prueba-2026!' }, admin))).status).toBe(200);
    expect((await me(lucia.cookie)).status).toBe(401);
    expect((await t.request('/api/auth/sesion', bearer)).status).toBe(401);
    const ended = await t.wh.one<{ despues: string | null; antes: string }>("SELECT antes, despues FROM app.auditoria WHERE accion = 'sesion.terminar' AND objeto = 'lucia'");
    expect(JSON.parse(ended!.antes)).toEqual({ sesiones: 1, tokens: 1 });

    const again = await t.login('lucia', 'Otra-Prueba-2026!');
    expect((await t.request('/api/usuarios/lucia', json('PATCH', { activo: false }, admin))).status).toBe(200);
    expect((await me(again.cookie)).status).toBe(401);
    expect((await t.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usuario: 'lucia', password: 'Otra-Prueba-2026!' }) })).status).toBe(401);
  });

  it('logout ends the session and is audited', async () => {
    const s = await t.login();
    expect((await t.request('/api/auth/logout', { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } })).status).toBe(200);
    expect((await me(s.cookie)).status).toBe(401);
    const row = await t.wh.one<{ usuario: string }>("SELECT usuario FROM app.auditoria WHERE accion = 'sesion.cerrar' ORDER BY id DESC LIMIT 1");
    expect(row?.usuario).toBe('admin');
  });
});
