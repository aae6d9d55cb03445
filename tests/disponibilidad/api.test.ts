import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../helpers/server.js';

interface Svc { id: string; nombre: string; estado: string; uptime_24h: number | null; uptime_7d: number | null; uptime_30d: number | null; uptime_90d: number | null; latencia_p50_ms: number | null; latencia_p95_ms: number | null; publico: boolean }

let srv: TestServer;
let admin: Client;
const post = (c: Client, route: string, body: unknown, method = 'POST') =>
  c.fetch(route, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, ms = 40_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`no ocurrió a tiempo\n${srv.log().slice(-2000)}`);
    await sleep(250);
  }
}

/** The monitored services: a real HTTP server in this process (the demo's endpoints exist only with the demo on). */
let servicio: http.Server;
let base = '';
beforeAll(async () => {
  servicio = http.createServer((req, res) => {
    if (req.url === '/portal') res.end('<!doctype html><p>OPLE Veracruz — portal en operación</p>');
    else res.writeHead(404).end('no existe');
  });
  await new Promise<void>((r) => servicio.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(servicio.address() as AddressInfo).port}`;
  srv = await startTestServer({ env: { ATALAYA_UPTIME_LOTE_MS: '200' } });
  admin = srv.client();
  await admin.login();
}, 160_000);
afterAll(async () => {
  await srv?.stop();
  servicio?.close();
});

describe('API de disponibilidad', () => {
  it('catálogo: alta, validación en español, permisos por rol', async () => {
    const web = await post(admin, '/api/disponibilidad/catalogo', {
      id: 'web', nombre: 'Portal institucional', tipo: 'http', destino: `${base}/portal`, intervalo_s: 10,
      palabra_clave: 'OPLE Veracruz', criticidad: 'alta', publico: true,
    });
    expect(web.status).toBe(201);
    expect((await post(admin, '/api/disponibilidad/catalogo', { id: 'vpn', nombre: 'Red de consejos (VPN)', tipo: 'tcp', destino: '{local}', intervalo_s: 10 })).status).toBe(201);
    const bad = await post(admin, '/api/disponibilidad/catalogo', { id: 'x', nombre: 'X', tipo: 'ftp', destino: 'a' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('El tipo debe ser http, tcp o latido.');
    expect((await post(admin, '/api/disponibilidad/catalogo', { id: 'web', nombre: 'Otro', tipo: 'http', destino: 'https://x.mx' })).status).toBe(409);

    for (const [usuario, rol] of [['ana', 'utsi'], ['dir', 'direccion'], ['poa', 'utp']] as const) {
      expect((await post(admin, '/api/usuarios', { usuario, password: 'Clave-Segura-2026!', rol, area: null })).status).toBe(201);
    }
    const utsi = srv.client();
    await utsi.login('ana', 'Clave-Segura-2026!');
    // A service that answers 404: every check fails.
    expect((await post(utsi, '/api/disponibilidad/catalogo', { id: 'caido', nombre: 'Sistema interno', tipo: 'http', destino: `${base}/no-existe`, intervalo_s: 10 })).status).toBe(201);
    const dir = srv.client();
    await dir.login('dir', 'Clave-Segura-2026!');
    expect((await post(dir, '/api/disponibilidad/catalogo', { id: 'z', nombre: 'Z', tipo: 'tcp', destino: 'h:1' })).status).toBe(403);
    expect((await dir.fetch('/api/disponibilidad/servicios')).status).toBe(200);
    const poa = srv.client();
    await poa.login('poa', 'Clave-Segura-2026!');
    expect((await poa.fetch('/api/disponibilidad/servicios')).status).toBe(403);
    expect((await srv.client().fetch('/api/disponibilidad/servicios')).status).toBe(401);
  });

  it('verificaciones reales → agregados → uptime, estado y caídas', async () => {
    // Each service checks every 10 s; wait for two checks of each (the failing one then counts as an outage).
    await waitFor(async () => {
      const n = await Promise.all(['web', 'vpn', 'caido'].map((id) => admin.json<unknown[]>(`/api/disponibilidad/servicios/${id}/verificaciones`)));
      return n.every((x) => x.length >= 2);
    });
    const run = await admin.fetch('/api/pipelines/disponibilidad/ejecutar', { method: 'POST' });
    expect(run.status).toBe(202);
    const { id } = (await run.json()) as { id: number };
    const fin = await waitFor(async () => {
      const r = await admin.json<{ estado: string; error: string | null }>(`/api/pipelines/disponibilidad/ejecuciones/${id}`);
      return r.estado === 'en_curso' ? null : r;
    });
    expect(fin).toMatchObject({ estado: 'exito', error: null });

    const svcs = await admin.json<Svc[]>('/api/disponibilidad/servicios');
    const by = new Map(svcs.map((s) => [s.id, s]));
    expect(by.get('web')).toMatchObject({ estado: 'arriba', uptime_24h: 100, uptime_7d: 100, uptime_30d: 100, uptime_90d: 100, publico: true });
    expect(by.get('web')!.latencia_p50_ms).toBeGreaterThan(0);
    expect(by.get('vpn')).toMatchObject({ estado: 'arriba', uptime_24h: 100 });
    expect(by.get('caido')).toMatchObject({ estado: 'abajo', uptime_24h: 0 });
    const caidas = await admin.json<Array<{ inicio: string; fin: string | null; duracion_min: number; en_curso: boolean }>>('/api/disponibilidad/servicios/caido/caidas');
    expect(caidas).toHaveLength(1);
    expect(caidas[0]).toMatchObject({ fin: null, en_curso: true });
    expect(await admin.json<unknown[]>('/api/disponibilidad/servicios/web/caidas')).toEqual([]);
    const diario = await admin.json<Array<{ uptime: number }>>('/api/disponibilidad/servicios/web/diario');
    expect(diario.at(-1)!.uptime).toBe(100);
    expect((await admin.fetch('/api/disponibilidad/servicios/nada/caidas')).status).toBe(404);
    expect((await admin.fetch('/api/disponibilidad/servicios/web/caidas?desde=ayer')).status).toBe(400);
  });

  it('estado público: sin sesión, solo servicios públicos, sin direcciones ni errores', async () => {
    const r = await fetch(`${srv.url}/api/publico/estado`);
    expect(r.status).toBe(200);
    const text = await r.text();
    const body = JSON.parse(text) as { servicios: Array<{ nombre: string; estado: string; dias: Array<{ uptime: number }> }> };
    expect(body.servicios.map((s) => s.nombre)).toEqual(['Portal institucional']);
    expect(body.servicios[0]!.estado).toBe('arriba');
    expect(body.servicios[0]!.dias.at(-1)!.uptime).toBe(100);
    for (const secret of ['127.0.0.1', 'destino', '/portal', '/no-existe', '{local}', 'error', 'caido', 'Sistema interno', '"id"']) expect(text).not.toContain(secret);
  });

  it('mantenimiento, modificación y baja quedan en el catálogo', async () => {
    const m = await post(admin, '/api/disponibilidad/mantenimientos', { servicio_id: 'caido', inicio: '2030-01-01T00:00', fin: '2030-01-01T02:00', motivo: 'Cambio de servidor' });
    expect(m.status).toBe(201);
    expect((await post(admin, '/api/disponibilidad/mantenimientos', { servicio_id: 'caido', inicio: '2030-01-01T02:00', fin: '2030-01-01T01:00' })).status).toBe(400);
    const p = await post(admin, '/api/disponibilidad/catalogo/web', { publico: false }, 'PATCH');
    expect(p.status).toBe(200);
    expect(((await (await fetch(`${srv.url}/api/publico/estado`)).json()) as { servicios: unknown[] }).servicios).toEqual([]);
    expect((await admin.fetch('/api/disponibilidad/catalogo/caido', { method: 'DELETE' })).status).toBe(200);
    const cat = await admin.json<Array<{ id: string }>>('/api/disponibilidad/catalogo');
    expect(cat.map((s) => s.id).sort()).toEqual(['vpn', 'web']);
  });
});
