import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type Client, type TestServer } from '../helpers/server.js';

/**
 * Two real servers: `direct` as installed (no proxy: X-Forwarded-For means nothing), `proxied` as behind one TLS
 * proxy (ATALAYA_TRUST_PROXY=1, ATALAYA_PUBLIC_URL https): the client is the right-most X-Forwarded-For entry.
 */
let direct: TestServer;
let proxied: TestServer;
beforeAll(async () => {
  [direct, proxied] = await Promise.all([
    startTestServer(),
    startTestServer({ env: { ATALAYA_TRUST_PROXY: '1', ATALAYA_PUBLIC_URL: 'https://atalaya.oplever.example' } }),
  ]);
}, 200_000);
afterAll(async () => Promise.all([direct?.stop(), proxied?.stop()]));

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
});
const login = (srv: TestServer, usuario: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${srv.url}/api/auth/login`, json({ usuario, password }, headers));

async function newUser(srv: TestServer, usuario: string, password = 'Prueba-Segura-2026!'): Promise<void> {
  const admin = srv.client();
  const { csrf } = (await (await admin.login()).json()) as { csrf: string };
  expect((await admin.fetch('/api/usuarios', json({ usuario, password, rol: 'uts' }, { 'x-csrf-token': csrf }))).status).toBe(201);
}

type AuditRow = { usuario: string | null; accion: string; objeto: string | null; direccion: string | null };

describe('auth', () => {
  it('login sets an HTTP-only SameSite session cookie (Secure behind https); wrong credentials → 401', async () => {
    const c = direct.client();
    const bad = await c.login('admin', 'no-es-la-clave');
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toBe('Usuario o contraseña incorrectos.');
    expect(c.cookie()).toBeNull();
    const r = await c.login('admin', TEST_PASSWORD);
    expect(r.status).toBe(200);
    const set = r.headers.get('set-cookie')!;
    expect(set).toMatch(/^atalaya_sesion=[\w-]{43};/);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).not.toMatch(/Secure/i);
    expect(r.headers.get('strict-transport-security')).toBeNull();
    expect(await r.json()).toMatchObject({ usuario: 'admin', rol: 'admin', csrf: expect.any(String) });
    expect(await c.json('/api/auth/sesion')).toMatchObject({ usuario: 'admin', rol: 'admin' });

    const tls = await login(proxied, 'admin', TEST_PASSWORD, { 'x-forwarded-for': '192.0.2.10' });
    expect(tls.headers.get('set-cookie')).toMatch(/; Secure/i);
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await fetch(`${proxied.url}/login`)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('logout ends the session', async () => {
    const c = direct.client();
    await c.login();
    expect((await c.fetch('/api/usuarios')).status).toBe(200);
    expect((await c.fetch('/api/auth/logout', { method: 'POST' })).status).toBe(200);
    expect((await c.fetch('/api/usuarios')).status).toBe(401);
  });

  it('API tokens: Authorization: Bearer works (the CLI token of the data folder); a wrong token → 401', async () => {
    const token = fs.readFileSync(path.join(direct.dataDir, 'cli.token'), 'utf8').trim();
    const ok = await fetch(`${direct.url}/api/pipelines`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    const bad = await fetch(`${direct.url}/api/pipelines`, { headers: { authorization: 'Bearer nada-que-ver' } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'Inicie sesión para continuar.' });
  });
});

describe('login throttling under concurrency', () => {
  it('12 wrong passwords at the same moment: at most 5 are checked (401), the rest 429 with Retry-After', async () => {
    await newUser(proxied, 'victima');
    const from = { 'x-forwarded-for': '198.51.100.7' };
    const rs = await Promise.all(Array.from({ length: 12 }, (_, i) => login(proxied, 'victima', `mala-${i}`, from)));
    const codes = rs.map((r) => r.status);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c !== 401 && c !== 429)).toEqual([]);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(7);
    const refused = rs.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^Demasiados intentos fallidos/);
    // Even the right password waits at that address…
    expect((await login(proxied, 'victima', 'Prueba-Segura-2026!', from)).status).toBe(429);
    // …while the same user logs in from another address: the attacker cannot lock them out.
    expect((await login(proxied, 'victima', 'Prueba-Segura-2026!', { 'x-forwarded-for': '203.0.113.20' })).status).toBe(200);
  });

  it('behind the proxy the client is the right-most X-Forwarded-For entry: a forged left part changes nothing', async () => {
    await newUser(proxied, 'tercero');
    const locked = '198.51.100.8';
    for (let i = 0; i < 5; i++) expect((await login(proxied, 'tercero', `mala-${i}`, { 'x-forwarded-for': locked })).status).toBe(401);
    // The client prepends other addresses: the proxy's entry (right-most) still says who it is.
    expect((await login(proxied, 'tercero', 'Prueba-Segura-2026!', { 'x-forwarded-for': `203.0.113.99, ${locked}` })).status).toBe(429);
    // The proxy appended another address: that is the client now.
    expect((await login(proxied, 'tercero', 'Prueba-Segura-2026!', { 'x-forwarded-for': `${locked}, 203.0.113.77` })).status).toBe(200);
    // An entry that is not an address falls back to the socket's.
    expect((await login(proxied, 'tercero', 'Prueba-Segura-2026!', { 'x-forwarded-for': 'no-soy-ip' })).status).toBe(200);
  });

  it('without ATALAYA_TRUST_PROXY, X-Forwarded-For is ignored: changing it does not escape the limit', async () => {
    await newUser(direct, 'ana');
    for (let i = 0; i < 5; i++) {
      expect((await login(direct, 'ana', `mala-${i}`, { 'x-forwarded-for': `198.51.100.${i + 1}` })).status).toBe(401);
    }
    expect((await login(direct, 'ana', 'Prueba-Segura-2026!', { 'x-forwarded-for': '203.0.113.50' })).status).toBe(429);
    // Other users at this address still log in (5 failures are far from the 20 per address).
    expect((await direct.client().login()).status).toBe(200);
  });

  it('failed logins and the lockout are in the audit log, with the address the proxy saw', async () => {
    const admin: Client = proxied.client();
    await admin.login('admin', TEST_PASSWORD);
    const rows = await admin.json<AuditRow[]>('/api/auditoria?usuario=victima');
    const fallidas = rows.filter((r) => r.accion === 'sesion.fallida');
    expect(fallidas.length).toBeGreaterThanOrEqual(1);
    expect(fallidas.length).toBeLessThanOrEqual(5);
    expect(fallidas.every((r) => r.direccion === '198.51.100.7' && r.objeto === 'victima')).toBe(true);
    expect(rows.filter((r) => r.accion === 'sesion.bloqueo')).toHaveLength(1);
    expect(rows.find((r) => r.accion === 'sesion.iniciar')).toMatchObject({ direccion: '203.0.113.20' });
  });
});

describe('password hashing keeps memory bounded', () => {
  it('10 logins at once stay under 400 MB of server memory (one scrypt of 128 MiB at a time)', async () => {
    const rss = (): number => {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${proxied.proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    };
    let peak = rss();
    const watch = setInterval(() => (peak = Math.max(peak, rss())), 50);
    try {
      // From 10 addresses (behind the proxy): pending attempts count against the throttle, so one address would hit it.
      // Hashed all at once they would need 10 × 128 MiB.
      const rs = await Promise.all(Array.from({ length: 10 }, (_, i) => login(proxied, 'admin', TEST_PASSWORD, { 'x-forwarded-for': `192.0.2.${100 + i}` })));
      expect(rs.map((r) => r.status)).toEqual(Array(10).fill(200));
    } finally {
      clearInterval(watch);
    }
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(400);
  }, 120_000);
});
