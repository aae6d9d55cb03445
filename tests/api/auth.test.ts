import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => srv?.stop());

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
});

describe('auth', () => {
  it('login sets an HTTP-only SameSite session cookie; wrong credentials → 401', async () => {
    const c = srv.client();
    const bad = await c.login('admin', 'no-es-la-clave');
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toBe('Usuario o contraseña incorrectos.');
    expect(c.cookie()).toBeNull();
    const r = await c.login('admin', TEST_PASSWORD);
    expect(r.status).toBe(200);
    const set = r.headers.get('set-cookie')!;
    expect(set).toMatch(/^atalaya_sesion=/);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(await r.json()).toMatchObject({ usuario: 'admin', rol: 'admin', csrf: expect.any(String) });
    expect(await c.json('/api/auth/sesion')).toMatchObject({ usuario: 'admin', rol: 'admin' });
  });

  it('logout ends the session', async () => {
    const c = srv.client();
    await c.login();
    expect((await c.fetch('/api/usuarios')).status).toBe(200);
    expect((await c.fetch('/api/auth/logout', { method: 'POST' })).status).toBe(200);
    expect((await c.fetch('/api/usuarios')).status).toBe(401);
  });

  it('API tokens: Authorization: Bearer works (the CLI token of the data folder); a wrong token → 401', async () => {
    const token = fs.readFileSync(path.join(srv.dataDir, 'cli.token'), 'utf8').trim();
    const ok = await fetch(`${srv.url}/api/pipelines`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    const bad = await fetch(`${srv.url}/api/pipelines`, { headers: { authorization: 'Bearer nada-que-ver' } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'Inicie sesión para continuar.' });
  });

  it('login throttling: after 5 failures the 6th attempt → 429 with Retry-After, even with the right password', async () => {
    const admin = srv.client();
    await admin.login();
    const me = (await (await admin.fetch('/api/auth/sesion')).json()) as { csrf: string };
    const created = await admin.fetch('/api/usuarios', json({ usuario: 'ana', password: 'Clave-de-Ana-1', rol: 'uts' }, { 'x-csrf-token': me.csrf }));
    expect(created.status).toBe(201);
    // A distinct client address, so this lock-out does not touch other tests' logins.
    const from = { 'x-forwarded-for': '198.51.100.7' };
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${srv.url}/api/auth/login`, json({ usuario: 'ana', password: `mala-${i}` }, from));
      expect(r.status).toBe(401);
    }
    const sixth = await fetch(`${srv.url}/api/auth/login`, json({ usuario: 'ana', password: 'Clave-de-Ana-1' }, from));
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await sixth.json()) as { error: string }).error).toMatch(/^Demasiados intentos fallidos/);
    // The same user from another address is throttled too (by user), while other users still log in.
    expect((await fetch(`${srv.url}/api/auth/login`, json({ usuario: 'ana', password: 'Clave-de-Ana-1' }))).status).toBe(429);
    expect((await srv.client().login()).status).toBe(200);
  });
});
