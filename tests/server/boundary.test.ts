import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { guarded } from '../../src/server/boundary.js';

/** The Node layer's boundary around a handler with bugs: each one answers 500 to its request; the server goes on. */
let server: http.Server;
let url = '';
beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  server = http.createServer(guarded(async (req, res) => {
    if (req.url === '/lanza') throw new Error('falla de prueba');
    if (req.url === '/rechaza') return Promise.reject(new Error('rechazo de prueba'));
    if (req.url === '/a-medias') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('parte');
      throw new Error('falla a medio camino');
    }
    res.end('bien');
  }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server?.close();
  vi.restoreAllMocks();
});

describe('the Node request boundary', () => {
  it('a throw or a rejection answers 500 with a Spanish JSON message, and the next request is served', async () => {
    for (const path of ['/lanza', '/rechaza']) {
      const r = await fetch(url + path);
      expect(r.status).toBe(500);
      expect(await r.json()).toEqual({ error: 'Error interno del servidor. El detalle quedó en el registro del servidor.' });
      expect(await (await fetch(url)).text()).toBe('bien');
    }
  });

  it('a failure after the response started cuts that connection only', async () => {
    await expect(fetch(url + '/a-medias').then((r) => r.text())).rejects.toThrow();
    expect(await (await fetch(url)).text()).toBe('bien');
  });
});
