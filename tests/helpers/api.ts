import { afterAll, beforeAll, expect } from 'vitest';
import { createApi } from '../../src/api/app.js';
import type { AppContext } from '../../src/api/context.js';
import { createUser } from '../../src/auth/users.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { runStarter } from '../../src/server/pipelines.js';
import { PIPELINES } from '../../pipelines/registry.js';
import { DOMAINS } from '../../src/domains/registry.js';
import { tempWarehouse } from './warehouse.js';
import { sessionClient, TEST_PASSWORD, type Client } from './client.js';

export interface InProcessApi {
  api: ReturnType<typeof createApi>;
  wh: Awaited<ReturnType<typeof tempWarehouse>>['wh'];
  config: Config;
  dataDir: string;
  /** A request to the real API in this process (no socket: the client address is «local»; Host is localhost). */
  request: (path: string, init?: RequestInit) => Promise<Response>;
  /** Logs in through POST /api/auth/login; returns the cookie and CSRF token of the session. */
  login: (usuario?: string, password?: string) => Promise<{ cookie: string; csrf: string }>;
  /** A client with its own session, like a real server's (tests/helpers/client.ts). */
  client: () => Client;
  /** Releases what the domains' services hold (the report renderer's browser), closes and removes the warehouse. */
  close: () => Promise<void>;
}

/**
 * The real Hono API over a real warehouse in a temporary data folder, with the admin account of a first start,
 * the pipeline registry and the real run starter; requests go through `api.request` (no network).
 */
export async function inProcessApi(env: Record<string, string> = {}): Promise<InProcessApi> {
  const t = await tempWarehouse();
  const config = loadConfig({ ...process.env, ATALAYA_DATA_DIR: t.dataDir, ATALAYA_DEMO: '0', ...env });
  await createUser(t.wh, { usuario: 'admin', password: TEST_PASSWORD, rol: 'admin' }, null);
  const ctx: AppContext = {
    wh: t.wh, config, pipelines: PIPELINES, startRun: runStarter(t.wh, config),
    scheduler: { running: true, jobs: () => [] },
  };
  const api = createApi(ctx);
  const request = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (!headers.has('host')) headers.set('host', 'localhost');
    return api.request(`http://localhost${path}`, { ...init, headers });
  };
  const login = async (usuario = 'admin', password = TEST_PASSWORD): Promise<{ cookie: string; csrf: string }> => {
    const r = await request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ usuario, password }) });
    if (r.status !== 200) throw new Error(`login ${usuario} → ${r.status}: ${await r.text()}`);
    return { cookie: r.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await r.json()) as { csrf: string }).csrf };
  };
  const close = async (): Promise<void> => {
    for (const s of DOMAINS.flatMap((d) => d.services ?? [])) await s.close?.();
    t.close();
  };
  return { api, wh: t.wh, config, dataDir: t.dataDir, request, login, client: () => sessionClient(request), close };
}

export interface AdminApi {
  srv: InProcessApi;
  admin: Client;
  /** The admin session's CSRF token. */
  csrf: string;
}

/**
 * For a test file: the API in process with the admin logged in, made before its tests (then `prepare`, e.g. files
 * dropped and loaded) and closed after them. The fields are set once the file's tests run.
 */
export function adminApi(prepare: (t: AdminApi) => Promise<void> = async () => undefined): AdminApi {
  const t = {} as AdminApi;
  beforeAll(async () => {
    t.srv = await inProcessApi();
    t.admin = t.srv.client();
    const r = await t.admin.login();
    expect(r.status).toBe(200);
    t.csrf = ((await r.json()) as { csrf: string }).csrf;
    await prepare(t);
  }, 180_000);
  afterAll(async () => t.srv?.close());
  return t;
}
