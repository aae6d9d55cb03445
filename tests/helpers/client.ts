import { expect } from 'vitest';
import type { Ejecucion } from '../../src/api/queries/runs.js';

export const TEST_PASSWORD = 'Prueba-Clave-2026!';

/** A client of the API with its own session cookie, over a real server or the app in process. */
export interface Client {
  login: (usuario?: string, password?: string) => Promise<Response>;
  fetch: (route: string, init?: RequestInit) => Promise<Response>;
  json: <T = unknown>(route: string) => Promise<T>;
  cookie: () => string | null;
}

/** A client that sends each request through `send` (a route such as /api/usuarios) with the cookie of its login. */
export function sessionClient(send: (route: string, init: RequestInit) => Promise<Response>): Client {
  let cookie: string | null = null;
  const doFetch = (route: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    return send(route, { ...init, headers });
  };
  return {
    cookie: () => cookie,
    fetch: doFetch,
    login: async (usuario = 'admin', password = TEST_PASSWORD) => {
      const r = await doFetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usuario, password }) });
      const set = r.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0]!;
      return r;
    },
    json: async <T>(route: string): Promise<T> => {
      const r = await doFetch(route);
      if (!r.ok) throw new Error(`GET ${route} → ${r.status}: ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}

export const JSON_H = { 'content-type': 'application/json' };

/** A JSON request with `method` and `body`. */
export const send = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method, headers: { ...JSON_H, ...headers }, body: JSON.stringify(body),
});

/** A run as /api/pipelines/<nombre>/ejecuciones/<id> answers it. */
export type Run = Ejecucion;

/** Starts a run through POST /api/pipelines/<nombre>/ejecutar (202) and waits for it to end; returns the run. */
export async function runNow(admin: Client, nombre: string): Promise<Run> {
  const r = await admin.fetch(`/api/pipelines/${nombre}/ejecutar`, { method: 'POST', headers: JSON_H, body: '{}' });
  expect(r.status).toBe(202);
  const { id } = (await r.json()) as { id: number };
  for (;;) {
    const run = await admin.json<Run>(`/api/pipelines/${nombre}/ejecuciones/${id}`);
    if (run.estado !== 'en_curso') return run;
    await new Promise((res) => setTimeout(res, 50));
  }
}

/** runNow, and the run must end without an error. */
export async function runAndWait(admin: Client, nombre: string): Promise<void> {
  expect((await runNow(admin, nombre)).error).toBeNull();
}

/** Creates a user with `rol` (and `area`) through the API as `admin`, and returns a client logged in as them. */
export async function userClient(srv: { client: () => Client }, admin: Client, usuario: string, rol: string, area?: string): Promise<Client> {
  const r = await admin.fetch('/api/usuarios', send('POST', { usuario, password: TEST_PASSWORD, rol, area }));
  expect(r.status).toBe(201);
  const c = srv.client();
  expect((await c.login(usuario, TEST_PASSWORD)).status).toBe(200);
  return c;
}
