import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => srv?.stop());

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'atalaya.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

describe('one process owns the warehouse', () => {
  it('a second server on the same data folder fails with a clear Spanish message naming the other process', async () => {
    const r = await run(['serve'], { ATALAYA_DATA_DIR: srv.dataDir, PORT: '0', HOST: '127.0.0.1', ATALAYA_DEMO: '0' });
    expect(r.code).not.toBe(0);
    const text = r.out + r.err;
    expect(text).toMatch(/ya está abierto por otro proceso/);
    expect(text).toContain(`PID ${srv.proc.pid}`);
    // No DuckDB error text or stack trace reaches the user.
    expect(text).not.toMatch(/IO Error|Conflicting lock|\n\s+at /);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    // The first server is unharmed.
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
  });

  it('the CLI talks to the running server over HTTP (etl list, etl run, etl history)', async () => {
    const env = { ATALAYA_DATA_DIR: srv.dataDir, ATALAYA_DEMO: '0' };
    const list = await run(['etl', 'list'], env);
    expect(list.err).toBe('');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^tickets\s/m);
    expect(list.out).toMatch(/^cartografia\s/m);

    const runOut = await run(['etl', 'run', 'tickets'], env);
    expect(runOut.code, runOut.err).toBe(0);
    expect(runOut.out).toMatch(/tickets: éxito — 0 filas cargadas/);
    const c = srv.client();
    await c.login();
    const pipelines = await c.json<Array<{ nombre: string; ejecuciones: Array<{ estado: string; origen: string }> }>>('/api/pipelines');
    // The run happened inside the server (the file is locked for anyone else), started through the API.
    expect(pipelines.find((p) => p.nombre === 'tickets')!.ejecuciones[0]).toMatchObject({ estado: 'exito', origen: 'manual' });

    const hist = await run(['etl', 'history', 'tickets'], env);
    expect(hist.code).toBe(0);
    expect(hist.out).toMatch(/tickets\s+exito/);
  });
});
