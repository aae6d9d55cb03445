import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { responseCache } from '../../src/api/cache/index.js';
import type { Env } from '../../src/api/context.js';
import { DataVersions } from '../../src/db/versions.js';

// The cache middleware in front of a handler that sets its own headers (a total count for a paged table).
function app(): { request: (path: string) => Promise<Response>; versions: DataVersions; calls: () => number; kept: () => number; holdNext: () => () => void } {
  const versions = new DataVersions();
  let calls = 0;
  let hold: Promise<void> | null = null;
  const a = new Hono<Env>();
  a.use('*', async (c, next) => {
    c.set('ctx', { wh: { versions } } as never);
    c.set('user', { usuario: 'ana', rol: 'direccion', area: null, activo: true, csrf: null, via: 'token' } as never);
    await next();
  });
  const cache = responseCache({ maxBytes: 1024 * 1024, ttlMs: 60_000, routes: [{ prefix: '/api/tabla', datasets: ['datos'] }] });
  a.use('*', cache);
  a.get('/api/tabla', (c) => {
    calls++;
    c.header('X-Total-Filas', String(1000 + calls));
    c.header('Cache-Control', 'private, max-age=300');
    return c.json({ filas: [calls] });
  });
  // The same answer made by hand, and one built by c.json but not the one returned.
  a.get('/api/tabla/texto', (c) => c.body(JSON.stringify({ filas: ['ñandú'] }), 200, { 'Content-Type': 'application/json; charset=UTF-8' }));
  a.get('/api/tabla/json', (c) => c.json({ filas: ['ñandú'] }, 200, { 'X-Hecha': 'c.json' }));
  // Answers the version it was asked at; the first request after holdNext() waits until released.
  a.get('/api/tabla/lenta', async (c) => {
    const v = versions.key(['datos']);
    const wait = hold;
    hold = null;
    if (wait) await wait;
    calls++;
    return c.json({ version: v });
  });
  a.get('/api/tabla/otra', (c) => {
    c.json({ descartada: true });
    return c.json({ filas: ['la devuelta'] });
  });
  const holdNext = (): (() => void) => {
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    return release;
  };
  return { request: async (p) => a.request(`http://localhost${p}`), versions, calls: () => calls, kept: () => cache.lru.size, holdNext };
}

describe('what the cache keeps of an answer', () => {
  it('the handler’s own headers come back with a cached answer; Cache-Control becomes revalidate-always', async () => {
    const t = app();
    const first = await t.request('/api/tabla');
    expect(first.headers.get('x-total-filas')).toBe('1001');
    const again = await t.request('/api/tabla');
    expect(again.headers.get('x-atalaya-cache')).toBe('acierto');
    expect(again.headers.get('x-total-filas')).toBe('1001');
    expect(again.headers.get('cache-control')).toBe('private, no-cache');
    expect(await again.json()).toEqual({ filas: [1] });
    expect(t.calls()).toBe(1);
    t.versions.bump('datos');
    const after = await t.request('/api/tabla');
    expect(after.headers.get('x-total-filas')).toBe('1002');
    expect(await after.json()).toEqual({ filas: [2] });
  });
});

describe('what the cache keeps', () => {
  it('the bytes of a JSON answer are the ones sent, whether the handler used c.json or made the text itself', async () => {
    const t = app();
    const viaJson = await t.request('/api/tabla/json');
    const viaBody = await t.request('/api/tabla/texto');
    expect(viaJson.headers.get('x-hecha')).toBe('c.json');
    expect(viaJson.headers.get('content-type')).toMatch(/^application\/json/);
    const bytes = Buffer.from(await viaJson.arrayBuffer());
    expect(bytes.equals(Buffer.from(await viaBody.arrayBuffer()))).toBe(true);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual({ filas: ['ñandú'] });
    expect(viaJson.headers.get('content-length')).toBe(String(bytes.length));
    // Same bytes, same ETag; the cached copy is those bytes too.
    expect(viaJson.headers.get('etag')).toBe(viaBody.headers.get('etag'));
    const again = await t.request('/api/tabla/json');
    expect(again.headers.get('x-atalaya-cache')).toBe('acierto');
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('a handler that built an answer with c.json and returned another gets the one it returned', async () => {
    const t = app();
    expect(await (await t.request('/api/tabla/otra')).json()).toEqual({ filas: ['la devuelta'] });
    const again = await t.request('/api/tabla/otra');
    expect(again.headers.get('x-atalaya-cache')).toBe('acierto');
    expect(await again.json()).toEqual({ filas: ['la devuelta'] });
  });

  it('one answer per route and scope: the answer of an earlier data version goes when the new one is kept', async () => {
    const t = app();
    await t.request('/api/tabla?pagina=1');
    await t.request('/api/tabla?pagina=2');
    expect(t.kept()).toBe(2);
    for (let i = 0; i < 5; i++) {
      t.versions.bump('datos');
      await t.request('/api/tabla?pagina=1');
    }
    // pagina=1 of the last version, and pagina=2 of the first (nobody asked for it again).
    expect(t.kept()).toBe(2);
    expect((await t.request('/api/tabla?pagina=1')).headers.get('x-atalaya-cache')).toBe('acierto');
  });

  it('when the answer of an older version is computed last, the newer one stays cached', async () => {
    const t = app();
    const release = t.holdNext();
    const older = t.request('/api/tabla/lenta');
    await new Promise((r) => setTimeout(r, 10));
    t.versions.bump('datos');
    // The newer version computed and kept while the older one is still on its way; then the older one ends.
    const newer = await (await t.request('/api/tabla/lenta')).json();
    release();
    const old = await (await older).json();
    expect(old).not.toEqual(newer);
    const calls = t.calls();
    const again = await t.request('/api/tabla/lenta');
    expect(again.headers.get('x-atalaya-cache')).toBe('acierto');
    expect(await again.json()).toEqual(newer);
    expect(t.calls()).toBe(calls);
    expect(t.kept()).toBe(1);
  });
});
