import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../src/config/index.js';

export const TEST_PASSWORD = 'Prueba-Clave-2026!';

export interface TestServer {
  url: string;
  dataDir: string;
  proc: ChildProcess;
  log: () => string;
  /** fetch with this client's session cookie (after login). */
  client: () => Client;
  stop: () => Promise<void>;
}

export interface Client {
  login: (usuario?: string, password?: string) => Promise<Response>;
  fetch: (route: string, init?: RequestInit) => Promise<Response>;
  json: <T = unknown>(route: string) => Promise<T>;
  cookie: () => string | null;
}

/**
 * Starts the real server (`atalaya serve`) as a child process on a free port with its own data folder, and
 * waits until /api/health answers. `demo` loads the demo data as a new installation does.
 */
export async function startTestServer(opts: { demo?: boolean; dataDir?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-srv-'));
  let out = '';
  const proc = spawn(process.execPath, [path.join(ROOT, 'bin', 'atalaya.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env, PORT: '0', HOST: '127.0.0.1', ATALAYA_DATA_DIR: dataDir, ATALAYA_DEMO: opts.demo ? '1' : '0',
      ATALAYA_ADMIN_PASSWORD: TEST_PASSWORD, UV_THREADPOOL_SIZE: '16', ATALAYA_SKIP_BUILD: '1', ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const serverFile = path.join(dataDir, 'servidor.json');
  const deadline = Date.now() + (opts.timeoutMs ?? 150_000);
  let url = '';
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`el servidor terminó con ${proc.exitCode}:\n${out}`);
    if (fs.existsSync(serverFile)) {
      url = (JSON.parse(fs.readFileSync(serverFile, 'utf8')) as { url: string }).url;
      const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!url) throw new Error(`el servidor no respondió a tiempo:\n${out}`);
  const stop = async (): Promise<void> => {
    if (proc.exitCode !== null) return;
    proc.kill('SIGTERM');
    await new Promise<void>((r) => {
      const t = setTimeout(() => {
        proc.kill('SIGKILL');
        r();
      }, 15_000);
      proc.once('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  };
  const client = (): Client => {
    let cookie: string | null = null;
    const doFetch = (route: string, init: RequestInit = {}): Promise<Response> => {
      const headers = new Headers(init.headers);
      if (cookie) headers.set('cookie', cookie);
      return fetch(url + route, { ...init, headers, redirect: 'manual' });
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
  };
  return { url, dataDir, proc, log: () => out, client, stop };
}
