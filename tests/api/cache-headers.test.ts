import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { responseCache } from '../../src/api/cache/index.js';
import type { Env } from '../../src/api/context.js';
import { DataVersions } from '../../src/db/versions.js';

// The cache middleware in front of a handler that sets its own headers (a total count for a paged table).
function app(): { request: (path: string) => Promise<Response>; versions: DataVersions; calls: () => number } {
  const versions = new DataVersions();
  let calls = 0;
  const a = new Hono<Env>();
  a.use('*', async (c, next) => {
    c.set('ctx', { wh: { versions } } as never);
    c.set('user', { usuario: 'ana', rol: 'direccion', area: null, activo: true, csrf: null, via: 'token' } as never);
    await next();
  });
  a.use('*', responseCache({ maxBytes: 1024 * 1024, ttlMs: 60_000, routes: [{ prefix: '/api/tabla', datasets: ['datos'] }] }));
  a.get('/api/tabla', (c) => {
    calls++;
    c.header('X-Total-Filas', String(1000 + calls));
    c.header('Cache-Control', 'private, max-age=300');
    return c.json({ filas: [calls] });
  });
  return { request: async (p) => a.request(`http://localhost${p}`), versions, calls: () => calls };
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
