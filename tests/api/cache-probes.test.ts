import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { responseCache } from '../../src/api/cache/index.js';
import type { Env } from '../../src/api/context.js';
import { DataVersions } from '../../src/db/versions.js';

/**
 * The cache middleware in front of a route that reads the probes, whose computation the test holds open (a slow
 * machine): batches of checks keep arriving while it runs.
 */
function app() {
  const versions = new DataVersions();
  let calls = 0;
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  const a = new Hono<Env>();
  a.use('*', async (c, next) => {
    c.set('ctx', { wh: { versions } } as never);
    c.set('user', { usuario: 'ana', rol: 'direccion', area: null, activo: true, csrf: null, via: 'token' } as never);
    await next();
  });
  a.use('*', responseCache({ maxBytes: 1024 * 1024, ttlMs: 60_000, routes: [{ prefix: '/api/resumen', datasets: ['datos', 'sondeos'] }] }));
  a.get('/api/resumen', async (c) => {
    const n = ++calls;
    await gate;
    return c.json({ calculo: n, relleno: 'x'.repeat(10) });
  });
  return {
    versions,
    calls: () => calls,
    hold: () => {
      gate = new Promise<void>((r) => (release = r));
    },
    release: () => release(),
    get: async (): Promise<{ calculo: number; cache: string | null }> => {
      const r = await a.request('http://localhost/api/resumen');
      expect(r.status).toBe(200);
      return { ...((await r.json()) as { calculo: number }), cache: r.headers.get('x-atalaya-cache') };
    },
  };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 10));

describe('answers that read the probes, on a slow machine', () => {
  it('one computation at a time per route: newer batches wait for the one under way instead of piling up', async () => {
    const t = app();
    expect((await t.get()).calculo).toBe(1);
    // The next batch: its answer is slow to compute.
    t.versions.bump('sondeos');
    t.hold();
    const first = t.get();
    await tick();
    // Two more batches arrive meanwhile; their readers get the previous batch's answer, nothing new is computed.
    t.versions.bump('sondeos');
    const during = await t.get();
    t.versions.bump('sondeos');
    const during2 = await t.get();
    expect([during.calculo, during2.calculo]).toEqual([1, 1]);
    expect(t.calls()).toBe(2);
    t.release();
    expect((await first).calculo).toBe(2);
    // Once it has finished, the newest batch is computed.
    expect((await t.get()).calculo).toBe(3);
  });

  it('a commit of the data itself never waits for, nor gets, an answer computed before it', async () => {
    const t = app();
    await t.get();
    t.versions.bump('sondeos');
    t.hold();
    const slow = t.get();
    await tick();
    t.versions.bump('datos');
    t.release();
    const after = await t.get();
    expect(after.cache).toBe('fallo');
    expect(after.calculo).toBe(3);
    expect((await slow).calculo).toBe(2);
  });
});

describe('a fresh server opened by many users at once', () => {
  it('concurrent first asks of a figure compute it once; a path whose answer cannot be cached makes no one wait', async () => {
    const versions = new DataVersions();
    let figura = 0;
    let archivo = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const a = new Hono<Env>();
    a.use('*', async (c, next) => {
      c.set('ctx', { wh: { versions } } as never);
      c.set('user', { usuario: 'ana', rol: 'direccion', area: null, activo: true, csrf: null, via: 'token' } as never);
      await next();
    });
    a.use('*', responseCache({ maxBytes: 1024 * 1024, ttlMs: 60_000, routes: [{ prefix: '/api/x', datasets: ['datos'] }] }));
    a.get('/api/x/figura', async (c) => {
      figura++;
      await gate;
      return c.json({ n: figura });
    });
    a.get('/api/x/archivo', async (c) => {
      archivo++;
      await gate;
      return c.body('a;b\n', 200, { 'content-type': 'text/csv' });
    });
    const get = async (p: string): Promise<Response> => a.request(`http://localhost${p}`);
    const figuras = Array.from({ length: 5 }, () => get('/api/x/figura'));
    await tick();
    expect(figura).toBe(1);
    release();
    expect(new Set(await Promise.all(figuras.map(async (r) => (await (await r).json() as { n: number }).n)))).toEqual(new Set([1]));
    // A file: the first time, concurrent asks wait for it and then make their own; once known, none waits.
    await Promise.all(Array.from({ length: 2 }, () => get('/api/x/archivo')));
    const before = archivo;
    await Promise.all(Array.from({ length: 3 }, () => get('/api/x/archivo')));
    expect(archivo - before).toBe(3);
  });
});
