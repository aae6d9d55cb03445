import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config/index.js';
import { startTestServer, type Client, type TestServer } from '../helpers/server.js';

/**
 * A real server process receives malformed cookies, headers, request lines and bodies over raw sockets, on every
 * dashboard page and on the API: every one gets an answer under 500, and the server keeps serving.
 */
let srv: TestServer;
let admin: Client;
let host = '';
let port = 0;
beforeAll(async () => {
  srv = await startTestServer();
  admin = srv.client();
  await admin.login();
  const u = new URL(srv.url);
  host = u.hostname;
  port = Number(u.port);
});
afterAll(async () => srv?.stop());

/** Every page of the dashboard, from its routes folder ([clave] filled with a real-looking value). */
function pages(): string[] {
  const out: string[] = [];
  const walk = (dir: string, url: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name), `${url}/${e.name.replace(/^\[.*\]$/, 'D01')}`);
      else if (e.name === '+page.svelte') out.push(url || '/');
    }
  };
  walk(path.join(ROOT, 'dashboard', 'src', 'routes'), '');
  return out.sort();
}

/** Sends bytes as they are and reads the status of the answer (null when the server closed without one). */
function raw(bytes: string | Buffer, waitMs = 15_000): Promise<{ status: number | null; text: string }> {
  return new Promise((resolve) => {
    const sock = net.connect(port, host);
    const chunks: Buffer[] = [];
    const done = (): void => {
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : null, text });
    };
    sock.setTimeout(waitMs, () => sock.destroy());
    sock.on('data', (d) => chunks.push(d));
    sock.on('close', done);
    sock.on('error', () => undefined);
    sock.write(bytes);
  });
}

const request = (method: string, target: string, headers: string[] = [], body = ''): string =>
  [`${method} ${target} HTTP/1.1`, `Host: ${host}:${port}`, 'Connection: close', ...headers, ...(body ? [`Content-Length: ${Buffer.byteLength(body)}`] : []), '', body].join('\r\n');

const alive = async (): Promise<boolean> => (await fetch(`${srv.url}/api/health`).then((r) => r.status, () => 0)) === 200;

const COOKIES = [
  'atalaya_sesion=%E0%A4%A', `atalaya_sesion=${'A'.repeat(8000)}`, 'atalaya_sesion=\x7f;;=;', 'atalaya_sesion="%"', '=;=;;', ';;;',
  `atalaya_sesion=${'B'.repeat(43)}`, 'atalaya_sesion=%E0%A4%A; atalaya_sesion=x', 'atalaya_sesion=\xff\xfe', `x=${'%'.repeat(3000)}`,
];
const HEADERS = [
  'Origin: http://[::1', 'Origin: %%%', 'Origin: null', 'Origin: javascript:alert(1)', 'X-Forwarded-For: basura, , 999.1.1.1',
  'X-Forwarded-Host: %E0%A4%A', 'X-Forwarded-Proto: gopher', 'X-Forwarded-Port: -1', 'Accept-Language: ' + '*;q=abc,'.repeat(300),
  'Accept-Language: \xff\xfe', 'Accept: */*;q=NaN', 'Accept-Encoding: br;q=2, gzip;q=-1', 'Range: bytes=999999999-', 'If-None-Match: "' + 'x'.repeat(2000),
  'Authorization: Bearer \xff', 'Authorization: Basic %%%', 'X-CSRF-Token: \x01',
];

describe('malformed requests against a real server process', () => {
  it('cookies and headers on every page and on the API: answers under 500, server alive', async () => {
    const targets = [...pages(), '/no-existe', '/api/resumen', '/api/health', '/api/publico/estado', '/login?siguiente=%E0%A4%A'];
    expect(targets).toContain('/admin/bitacora');
    const bad: string[] = [];
    for (const t of targets) {
      for (const c of COOKIES) {
        const r = await raw(request('GET', t, [`Cookie: ${c}`]));
        if (r.status === null || r.status >= 500) bad.push(`GET ${t} Cookie ${JSON.stringify(c.slice(0, 30))} → ${r.status}`);
      }
      for (const h of HEADERS) {
        // Logged in, so pages render with the session rather than redirect.
        const r = await raw(request('GET', t, [h, `Cookie: ${admin.cookie()}`]));
        if (r.status === null || r.status >= 500) bad.push(`GET ${t} ${JSON.stringify(h.slice(0, 40))} → ${r.status}`);
      }
      expect(await alive(), `tras ${t}`).toBe(true);
    }
    expect(bad).toEqual([]);
  }, 240_000);

  it('request lines, paths, hosts and bodies that break the rules', async () => {
    const cases = [
      request('GET', '/%E0%A4%A'), request('GET', '/odes/%E0%A4%A'), request('GET', '/../../etc/passwd'), request('GET', '/_app/immutable/%00'),
      request('GET', `/login?${'a'.repeat(8000)}`), request('GET', '/api/%E0%A4%A'), request('GET', '/api/incidentes/resumen?desde=%E0%A4%A'),
      'GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n', 'GET / HTTP/1.1\r\n\r\n', 'GET / HTTP/1.1\r\nHost: %%%\r\nConnection: close\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n', 'BREW /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: x\r\nX-Grande: ${'x'.repeat(20_000)}\r\n\r\n`, 'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\nConnection: close\r\n\r\n{"usu',
      request('POST', '/api/auth/login', ['Content-Type: application/json'], '{"usuario": "admin", "password": '.repeat(2000)),
      request('POST', '/api/auth/login', ['Content-Type: application/json'], '['.repeat(100_000)),
      request('POST', '/api/auth/logout', ['Origin: http://[::1', 'Content-Type: application/json'], '{}'),
      request('POST', '/login', ['Content-Type: application/x-www-form-urlencoded'], 'usuario=admin&password=%E0%A4%A'),
      request('POST', '/', ['Content-Type: multipart/form-data; boundary=z'], '--z\r\n\r\n'),
    ];
    const bad: string[] = [];
    for (const c of cases) {
      // A request that promises more body than it sends is left waiting by the server, as it should: 2 s is enough.
      const r = await raw(c, 2_000);
      // Node's own parser may refuse a broken request line with 400 or 431 (or close it): never a 5xx.
      if (r.status !== null && r.status >= 500) bad.push(`${JSON.stringify(c.slice(0, 60))} → ${r.status}`);
    }
    expect(bad).toEqual([]);
    expect(await alive()).toBe(true);
    expect((await admin.fetch('/api/usuarios')).status).toBe(200);
  });
});

describe('security headers on every response', () => {
  const common = (h: Headers, what: string): void => {
    expect(h.get('x-content-type-options'), what).toBe('nosniff');
    expect(h.get('referrer-policy'), what).toBe('same-origin');
    expect(h.get('x-frame-options'), what).toBe('DENY');
    expect(h.get('permissions-policy'), what).toMatch(/camera=\(\)/);
    expect(h.get('strict-transport-security'), `${what}: sin https no hay HSTS`).toBeNull();
  };

  it('pages carry a CSP whose script-src is this origin plus SvelteKit’s nonce; the API and files a closed one', async () => {
    const login = await fetch(`${srv.url}/login`);
    common(login.headers, '/login');
    const csp = login.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=-]+'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    const html = await login.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    // Every inline script of the page is allowed by that nonce; others come from /_app/.
    for (const m of html.matchAll(/<script([^>]*)>/g)) expect(m[1]!.includes(`nonce="${nonce}"`) || /src="\/_app\//.test(m[1]!), m[0]).toBe(true);

    const asset = /\/_app\/immutable\/[^"']+\.js/.exec(html)![0];
    const js = await fetch(srv.url + asset);
    expect(js.status).toBe(200);
    common(js.headers, asset);

    for (const p of ['/api/health', '/api/no-existe', '/api/openapi.json']) {
      const r = await fetch(srv.url + p);
      common(r.headers, p);
      expect(r.headers.get('content-security-policy'), p).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    }
    const page = await admin.fetch('/admin/bitacora');
    expect(page.status).toBe(200);
    common(page.headers, '/admin/bitacora');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
  });
});
