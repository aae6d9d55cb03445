import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../src/config/index.js';
import { sessionClient, TEST_PASSWORD, type Client } from './client.js';

export { TEST_PASSWORD, type Client };

export interface TestServer {
  url: string;
  dataDir: string;
  proc: ChildProcess;
  log: () => string;
  /** fetch with this client's session cookie (after login). */
  client: () => Client;
  /** SIGTERM (graceful stop), SIGKILL after 15 s. */
  stop: () => Promise<void>;
  kill9: () => Promise<void>;
  exited: SpawnedServer['exited'];
  waitForLog: SpawnedServer['waitForLog'];
}

export interface SpawnedServer {
  dataDir: string;
  proc: ChildProcess;
  log: () => string;
  /** Resolves when the output matches (or rejects when the process ends first or ms pass). */
  waitForLog: (re: RegExp, ms?: number) => Promise<void>;
  /** SIGKILL, as a power cut or the OOM killer would; resolves when the process is gone. */
  kill9: () => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ServerOptions {
  demo?: boolean;
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

const started = new Set<ChildProcess>();
/** Kills (SIGKILL) every server this test process started that is still running: for afterAll, after a failure. */
export async function killStrayServers(): Promise<void> {
  await Promise.all([...started].map((p) => new Promise<void>((r) => {
    if (p.exitCode !== null || p.signalCode !== null) return r();
    p.once('exit', () => r());
    p.kill('SIGKILL');
  })));
  started.clear();
}

/** Starts `atalaya serve` as a child process on a free port with its own data folder, without waiting for it. */
export function spawnServer(opts: ServerOptions = {}): SpawnedServer {
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
  started.add(proc);
  proc.once('exit', () => started.delete(proc));
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => proc.once('exit', (code, signal) => r({ code, signal })));
  const waitForLog = async (re: RegExp, ms = 120_000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!re.test(out)) {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`el servidor terminó antes de ${re}:\n${out}`);
      if (Date.now() > deadline) throw new Error(`no apareció ${re} en la salida:\n${out}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const kill9 = async (): Promise<void> => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    await exited;
  };
  return { dataDir, proc, log: () => out, waitForLog, kill9, exited };
}

/** The URL of the server process `pid` once /api/health answers 200 (a stale servidor.json of a killed one is ignored). */
export async function waitForHealth(s: SpawnedServer, timeoutMs = 150_000): Promise<string> {
  const serverFile = path.join(s.dataDir, 'servidor.json');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (s.proc.exitCode !== null || s.proc.signalCode !== null) throw new Error(`el servidor terminó con ${s.proc.exitCode ?? s.proc.signalCode}:\n${s.log()}`);
    if (fs.existsSync(serverFile)) {
      const info = (() => {
        try {
          return JSON.parse(fs.readFileSync(serverFile, 'utf8')) as { url: string; pid: number };
        } catch {
          return null;
        }
      })();
      if (info && info.pid === s.proc.pid && (await fetch(`${info.url}/api/health`).then((r) => r.ok, () => false))) return info.url;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`el servidor no respondió a tiempo:\n${s.log()}`);
}

/**
 * Starts the real server (`atalaya serve`) as a child process on a free port with its own data folder, and
 * waits until /api/health answers. `demo` loads the demo data as a new installation does.
 */
export async function startTestServer(opts: ServerOptions = {}): Promise<TestServer> {
  const spawned = spawnServer(opts);
  const { dataDir, proc } = spawned;
  const out = spawned.log;
  const url = await waitForHealth(spawned, opts.timeoutMs);
  const stop = async (): Promise<void> => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
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
  const client = (): Client => sessionClient((route, init) => fetch(url + route, { ...init, redirect: 'manual' }));
  return { url, dataDir, proc, log: out, client, stop, kill9: spawned.kill9, exited: spawned.exited, waitForLog: spawned.waitForLog };
}
