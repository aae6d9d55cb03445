import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

// A real server process (`atalaya serve`) with its structured log on: one JSON line per request and per run.
let s: TestServer;
let token: string;
beforeAll(async () => {
  s = await startTestServer({ env: { ATALAYA_LOG: 'json' } });
  token = fs.readFileSync(path.join(s.dataDir, 'cli.token'), 'utf8').trim();
});
afterAll(async () => s?.stop());

const lines = (): Array<Record<string, unknown>> =>
  s.log().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);

async function until<T>(fn: () => T | undefined): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no apareció en el registro:\n${s.log()}`);
}

describe('structured logs and /metrics on a real server', () => {
  it('one JSON line per request with method, route pattern, status, ms and the request id sent back as X-Request-Id', async () => {
    const mine = await fetch(`${s.url}/api/health`, { headers: { 'x-request-id': 'prueba-0123456789' } });
    expect(mine.headers.get('x-request-id')).toBe('prueba-0123456789');
    const fresh = await fetch(`${s.url}/api/usuarios`);
    expect(fresh.status).toBe(401);
    const id = fresh.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // A header that is not an id is not echoed into the log.
    const forged = await fetch(`${s.url}/api/health`, { headers: { 'x-request-id': 'a b\u00e9"}' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const health = await until(() => lines().find((l) => l.evento === 'solicitud' && l.id === 'prueba-0123456789'));
    expect(health).toMatchObject({ nivel: 'info', metodo: 'GET', ruta: '/api/health', estado: 200 });
    expect(typeof health.ms).toBe('number');
    expect(Number.isNaN(Date.parse(String(health.ts)))).toBe(false);
    expect(await until(() => lines().find((l) => l.id === id))).toMatchObject({ metodo: 'GET', ruta: '/api/usuarios', estado: 401, usuario: null });
  });

  it('a run writes one line with its pipeline, state, duration and rows', async () => {
    const r = await fetch(`${s.url}/api/pipelines/tickets/ejecutar`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(202);
    const { id } = (await r.json()) as { id: number };
    const run = await until(() => lines().find((l) => l.evento === 'ejecucion' && l.id === id));
    expect(run).toMatchObject({ pipeline: 'tickets', estado: 'exito', filas_leidas: 0, filas_cargadas: 0, filas_rechazadas: 0 });
    expect(typeof run.ms).toBe('number');
  });

  it('GET /metrics answers Prometheus text to the admin token over HTTP, 401 without it', async () => {
    expect((await fetch(`${s.url}/metrics`)).status).toBe(401);
    const r = await fetch(`${s.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).toMatch(/^atalaya_http_solicitudes_total\{metodo="GET",ruta="\/api\/health",estado="200"\} [1-9]\d*$/m);
    expect(text).toMatch(/^atalaya_memoria_bytes\{tipo="rss"\} [1-9]\d*$/m);
  });

  it('an idle keep-alive connection stays open past the 5 s default of Node: a client that paused reuses it', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (): Promise<{ status: number; reused: boolean; keepAlive: string }> =>
      new Promise((resolve, reject) => {
        const req = http.get(`${s.url}/api/health`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket, keepAlive: String(res.headers['keep-alive']) }));
        });
        req.on('error', reject);
      });
    try {
      const first = await get();
      expect(first.keepAlive).toBe('timeout=65');
      await new Promise((r) => setTimeout(r, 6000));
      const second = await get();
      expect(second).toMatchObject({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  });
});
