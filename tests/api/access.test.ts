import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import type { Client } from '../helpers/client.js';

/** The API in process: routes, sessions, roles and CSRF are the app's (tests/api/auth.test.ts proves the real server). */
const t = adminApi();

type Doc = { paths: Record<string, Record<string, { security?: unknown[] }>> };
/** Routes designed to answer without a session; any other public route must be added here on purpose. */
const PUBLIC = new Set([
  'GET /api/health', 'POST /api/auth/login', 'GET /api/publico/estado', 'GET /api/publico/incidentes', 'GET /api/openapi.json',
  'GET /api/publico/demo/{servicio}', 'HEAD /api/publico/demo/{servicio}',
  'GET /api/publico/latido/{clave}', 'POST /api/publico/latido/{clave}',
]);

const post = (body: unknown, headers: Record<string, string> = {}, method = 'POST'): RequestInit => ({
  method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
});

async function newUser(usuario: string, rol: string, area?: string): Promise<Client> {
  const r = await t.admin.fetch('/api/usuarios', post({ usuario, password: 'Clave-Segura-123', rol, area }, { 'x-csrf-token': t.csrf }));
  expect(r.status).toBe(201);
  const c = t.srv.client();
  expect((await c.login(usuario, 'Clave-Segura-123')).status).toBe(200);
  return c;
}

describe('every /api route needs a session', () => {
  it('each route of the OpenAPI document answers 401 without a session, except the public ones', async () => {
    const doc = (await (await t.srv.request('/api/openapi.json')).json()) as Doc;
    const ops: Array<{ method: string; path: string; isPublic: boolean }> = [];
    for (const [p, methods] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(methods)) {
        const method = m.toUpperCase();
        const documentedPublic = Array.isArray(op.security) && op.security.length === 0;
        expect(documentedPublic, `${method} ${p}: público en OpenAPI pero no en la lista`).toBe(PUBLIC.has(`${method} ${p}`));
        ops.push({ method, path: p, isPublic: PUBLIC.has(`${method} ${p}`) });
      }
    }
    // Enough routes to mean something: the foundation alone documents more than 15.
    expect(ops.length).toBeGreaterThan(15);
    const failures: string[] = [];
    for (const op of ops.filter((o) => !o.isPublic)) {
      const url = op.path.replace(/\{[^}]+\}/g, '1');
      const init: RequestInit = op.method === 'GET' ? {} : post({}, {}, op.method);
      const r = await t.srv.request(url, init);
      if (r.status !== 401) failures.push(`${op.method} ${op.path} → ${r.status}`);
      else expect(await r.json()).toEqual({ error: 'Inicie sesión para continuar.' });
    }
    expect(failures).toEqual([]);
    for (const key of PUBLIC) {
      const [method, p] = key.split(' ') as [string, string];
      if (method === 'GET' && !p.includes('{')) expect((await t.srv.request(p)).status, key).toBe(200);
    }
    // The demo's endpoints exist only with the demo on (this server runs without it).
    expect((await t.srv.request('/api/publico/demo/portal')).status).toBe(404);
    // Routes nobody documented are closed too.
    expect((await t.srv.request('/api/no-existe')).status).toBe(401);
  });

  it('a role without access gets 403; with access, 200', async () => {
    const uts = await newUser('secretariado', 'uts');
    for (const route of ['/api/pipelines', '/api/usuarios', '/api/cuarentena', '/api/incidentes/resumen', '/api/odes/cumplimiento']) {
      const r = await uts.fetch(route);
      expect(r.status, route).toBe(403);
      expect(await r.json()).toEqual({ error: 'Su rol no tiene acceso a esta sección.' });
    }
    expect((await uts.fetch('/api/usuarios', post({ usuario: 'x', password: 'Clave-Segura-123', rol: 'admin' }))).status).toBe(403);
    expect((await uts.fetch('/api/sesiones/resumen')).status).toBe(200);
    const area = await newUser('area.dea', 'area', 'DEA');
    expect((await area.fetch('/api/pipelines')).status).toBe(403);
    expect((await area.fetch('/api/incidentes/resumen')).status).toBe(403);
    expect((await area.fetch('/api/cartografia')).status).toBe(200);
  });
});

describe('CSRF', () => {
  it('a cross-origin POST carrying the session cookie → 403; same-origin with the token → 201', async () => {
    const body = { usuario: 'intruso', password: 'Clave-Segura-123', rol: 'admin' };
    const evil = await t.admin.fetch('/api/usuarios', post(body, { origin: 'http://evil.example' }));
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { error: string }).error).toMatch(/origen cruzado/);
    const site = await t.admin.fetch('/api/usuarios', post(body, { 'sec-fetch-site': 'cross-site' }));
    expect(site.status).toBe(403);
    // A form-encodable body (what a hostile page can send without preflight) without the token → 403.
    const form = await t.admin.fetch('/api/usuarios', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });
    expect(form.status).toBe(403);
    const wrongToken = await t.admin.fetch('/api/usuarios', post(body, { 'x-csrf-token': 'otro' }));
    expect(wrongToken.status).toBe(403);
    const users = (await t.admin.json<Array<{ usuario: string }>>('/api/usuarios')).map((u) => u.usuario);
    expect(users).not.toContain('intruso');
    const origin = 'http://localhost';
    const ok = await t.admin.fetch('/api/usuarios', post(body, { origin, 'x-csrf-token': t.csrf }));
    expect(ok.status).toBe(201);
  });
});
