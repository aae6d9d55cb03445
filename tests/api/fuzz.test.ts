import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatedQueryKeys } from '../../src/api/input/validate.js';
import { inProcessApi, type InProcessApi } from '../helpers/api.js';

/**
 * Walks every operation of /api/openapi.json with malformed path values, query parameters, bodies and headers,
 * as a logged-in admin (so each reaches its handler), on the real API in process: nothing may answer 5xx.
 */
let t: InProcessApi;
let admin: { cookie: string; csrf: string };
type Doc = { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>> };
let doc: Doc;

beforeAll(async () => {
  t = await inProcessApi();
  admin = await t.login();
  doc = (await (await t.request('/api/openapi.json')).json()) as Doc;
}, 60_000);
afterAll(() => t?.close());

/** Values no parameter expects; raw ones are sent as they are (malformed percent-encoding included). */
const RAW_VALUES = ['%E0%A4%A', '%00', '..%2F..%2Fetc%2Fpasswd'];
const VALUES = ['', 'abc', '-1', '1e309', '99999999999999999999', '9999-12-31', '2025-02-30', "1' OR '1'='1", 'ñandú\u202e', 'x'.repeat(5000)];
const PATH_VALUES = ['0', '-1', '99999999999999999999', "1' OR '1'='1", 'x'.repeat(2000), 'ñ', '..', ...RAW_VALUES];

function deep(n: number): string {
  return '['.repeat(n) + ']'.repeat(n);
}
/** Bodies for writes: [content-type, body]. */
const BODIES: Array<[string | null, string | null]> = [
  [null, null],
  ['application/json', ''],
  ['application/json', '{'],
  ['application/json', 'no es json'],
  ['application/json', 'null'],
  ['application/json', '[]'],
  ['application/json', '"texto"'],
  ['application/json', '123'],
  ['application/json', '{}'],
  ['application/json', JSON.stringify({ usuario: 1, password: [], rol: {}, area: 5, activo: 'sí', valor: null, destino: '/etc', id: -1, ejercicio: 'x', trimestre: 9, fecha_limite: '2025-02-30', estado: 7, tipo: null, clave: [], inicio: 'ayer', fin: {}, servicio_id: 1e309, nombre: '', dias: 1e9 })],
  ['application/json', '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}'],
  ['application/json', deep(5000)],
  ['application/json', `{"a":${deep(25)}}`],
  ['application/json', JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) })],
  ['text/plain', '{}'],
  ['application/x-www-form-urlencoded', 'usuario=admin&password=x'],
  ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="archivo"; filename="a.json"\r\n\r\n{'],
  ['multipart/form-data', 'sin límite'],
  ['application/json; charset=latin-9', '{}'],
];
const HOSTILE_HEADERS: Array<Record<string, string>> = [
  { origin: 'http://[::1' },
  { origin: '%%%' },
  { origin: 'null' },
  { 'x-forwarded-for': 'basura, , 999.1.1.1, ::ffff:zz' },
  { 'x-forwarded-host': '%E0%A4%A', 'x-forwarded-proto': 'gopher' },
  { 'accept-language': '*;q=abc,'.repeat(200) },
  { authorization: 'Bearer ' },
  { authorization: 'Basic %%%' },
  { 'x-csrf-token': 'x'.repeat(10_000) },
  { 'sec-fetch-site': 'cross-site' },
];

function withPathValues(p: string, value: string): string {
  return p.replace(/\{[^}]+\}/g, value === '' ? '' : RAW_VALUES.includes(value) ? value : encodeURIComponent(value));
}

describe('fuzz of every documented route', () => {
  it('the document lists every route of the API, and nothing that is not one', () => {
    const routes = new Set<string>();
    for (const r of t.api.routes) if (r.method !== 'ALL') routes.add(`${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths)) for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p}`);
    expect([...routes].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !routes.has(r))).toEqual([]);
    // Every path parameter is listed as one.
    for (const [p, ops] of Object.entries(doc.paths)) {
      const names = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops)) {
        expect((op.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name), p).toEqual(names);
      }
    }
  });

  it('no malformed path value, query parameter, body or header answers 5xx', async () => {
    const failures: string[] = [];
    let requests = 0;
    const send = async (method: string, url: string, init: { headers?: Record<string, string>; body?: string | null; anonymous?: boolean } = {}): Promise<void> => {
      const headers: Record<string, string> = { ...(init.anonymous ? {} : { cookie: admin.cookie, 'x-csrf-token': admin.csrf }), ...init.headers };
      requests++;
      let status: number;
      let answer = '';
      try {
        const r = await t.request(url, { method, headers, body: init.body ?? undefined });
        status = r.status;
        if (status >= 500) answer = (await r.text()).slice(0, 160);
      } catch (e) {
        failures.push(`${method} ${url.slice(0, 120)}: lanzó ${(e as Error).message}`);
        return;
      }
      if (status >= 500) failures.push(`${method} ${url.slice(0, 120)} ${JSON.stringify(init.headers ?? {}).slice(0, 120)} ${String(init.body ?? '').slice(0, 60)} → ${status} ${answer}`);
    };

    /** All the malformed requests of one operation, one after another. */
    const walk = async (p: string, m: string, op: { parameters?: Array<{ name: string; in: string }> }): Promise<void> => {
      const method = m.toUpperCase();
      // Logging out would end the session the rest of the walk uses: it goes anonymous.
      const anonymous = p === '/api/auth/logout';
      const base = withPathValues(p, '1');
      const write = method !== 'GET' && method !== 'HEAD';
      for (const v of PATH_VALUES) if (p.includes('{')) await send(method, withPathValues(p, v), { anonymous, headers: write ? { 'content-type': 'application/json' } : {}, body: write ? '{}' : null });
      // Query values for reads (writes take none): the documented parameters and one nobody expects.
      const names = write ? [] : [...(op.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name), 'zzz'];
      for (const name of names) {
        for (const v of RAW_VALUES) await send(method, `${base}?${name}=${v}`, { anonymous });
        for (const v of VALUES) await send(method, `${base}?${name}=${encodeURIComponent(v)}`, { anonymous });
        await send(method, `${base}?${name}=1&${name}=2`, { anonymous });
      }
      if (write) for (const [type, body] of BODIES) await send(method, base, { anonymous, headers: type ? { 'content-type': type } : {}, body });
      for (const h of HOSTILE_HEADERS) await send(method, base, { anonymous, headers: { ...h, ...(write ? { 'content-type': 'application/json' } : {}) }, body: write ? '{}' : null });
    };
    // Four operations at a time, as concurrent users would send them.
    const ops = Object.entries(doc.paths).flatMap(([p, o]) => Object.entries(o).map(([m, op]) => [p, m, op] as const));
    let next = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (next < ops.length) {
        const [p, m, op] = ops[next++]!;
        await walk(p, m, op);
      }
    }));
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(2000);
    // Still answering, and the admin's session still works.
    expect((await t.request('/api/health')).status).toBe(200);
    expect((await t.request('/api/usuarios', { headers: { cookie: admin.cookie } })).status).toBe(200);
  }, 300_000);

  it('every query parameter a route validates is in the document', () => {
    const undocumented: string[] = [];
    for (const [route, keys] of validatedQueryKeys) {
      const [method, path] = route.split(' ') as [string, string];
      const op = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      const listed = new Set((op?.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name));
      for (const k of keys) if (!listed.has(k)) undocumented.push(`${route} ?${k}`);
    }
    expect(validatedQueryKeys.size).toBeGreaterThan(20);
    expect(undocumented).toEqual([]);
  });
});
