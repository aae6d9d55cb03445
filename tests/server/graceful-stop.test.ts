import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { moveToInbox, openData, ticketCounts, writeTickets } from '../helpers/crash.js';
import { killStrayServers, startTestServer, type TestServer } from '../helpers/server.js';

/**
 * A graceful stop (SIGTERM; `atalaya detener` sends it, tests/backup/cli.test.ts) loses nothing: every check a monitored service received is stored,
 * and the run under way finishes (or, past the wait, rolls back and says so) before the warehouse closes.
 */
const dirs: string[] = [];
const closers: Array<() => void> = [];
afterAll(async () => {
  await killStrayServers();
  for (const c of closers) c();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function freshDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-paro-'));
  dirs.push(d);
  return d;
}

/** A real HTTP service that counts the requests it receives. */
async function countingTarget(): Promise<{ url: string; received: () => number }> {
  let n = 0;
  const server = http.createServer((req, res) => {
    n++;
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  closers.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received: () => n };
}

type Run = { id: number; estado: string; error: string | null; progreso: { fase: string } | null };

async function startLoadAndWait(s: TestServer): Promise<number> {
  const token = fs.readFileSync(path.join(s.dataDir, 'cli.token'), 'utf8').trim();
  const api = (route: string, init: RequestInit = {}): Promise<Response> => fetch(s.url + route, { ...init, headers: { authorization: `Bearer ${token}` } });
  const { id } = (await (await api('/api/pipelines/tickets/ejecutar', { method: 'POST' })).json()) as { id: number };
  for (;;) {
    const run = (await (await api(`/api/pipelines/tickets/ejecuciones/${id}`)).json()) as Run;
    if (run.estado !== 'en_curso' || /^cargando/.test(run.progreso?.fase ?? '')) return id;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('graceful stop', () => {
  it('SIGTERM with 300 monitored services: the checks stored equal the requests the services received', async () => {
    const target = await countingTarget();
    const dataDir = freshDir();
    // The catalogue, written before the server starts: 300 services checked every second.
    const wh = await openData(dataDir);
    try {
      await wh.transaction(async (c) => {
        for (let i = 0; i < 300; i++) {
          await c.run(`INSERT INTO core.servicios (id, nombre, tipo, destino, intervalo_s, timeout_ms) VALUES ($1, $2, 'http', $3, 1, 5000)`, [
            `s${i}`, `Servicio ${i}`, `${target.url}/s/${i}`,
          ]);
        }
      });
    } finally {
      wh.close();
    }
    const s = await startTestServer({ dataDir });
    // Several batches written (every 5 s) and one still buffered when the stop comes.
    await expect.poll(target.received, { timeout: 60_000, interval: 100 }).toBeGreaterThan(300 * 7);
    s.proc.kill('SIGTERM');
    const { code } = await s.exited;
    expect(code, s.log()).toBe(0);
    const received = target.received();

    const after = await openData(dataDir);
    try {
      const stored = (await after.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM core.disp_verificaciones'))!.n;
      expect(stored).toBe(received);
      const failed = (await after.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM core.disp_verificaciones WHERE NOT ok'))!.n;
      expect(failed).toBe(0);
    } finally {
      after.close();
    }
  });

  it('a run under way when the stop comes finishes; past ATALAYA_CIERRE_ESPERA_S it rolls back and the run log says so', async () => {
    const made = writeTickets(path.join(freshDir(), 'grande.csv'), 3_000_000, 150_000);
    for (const [wait, expected] of [['60', 'exito'], ['0', 'fallo']] as const) {
      const dataDir = freshDir();
      const big = path.join(dataDir, 'grande.csv');
      fs.copyFileSync(made, big);
      fs.utimesSync(big, fs.statSync(made).atime, fs.statSync(made).mtime);
      const s = await startTestServer({ dataDir, env: { ATALAYA_UPTIME: '0', ATALAYA_CIERRE_ESPERA_S: wait } });
      moveToInbox(dataDir, big);
      const id = await startLoadAndWait(s);
      s.proc.kill('SIGTERM');
      expect((await s.exited).code).toBe(0);

      const wh = await openData(dataDir);
      try {
        const run = await wh.one<{ estado: string; error: string | null }>('SELECT estado, error FROM ops.ejecuciones WHERE id = $1', [id]);
        const n = (await ticketCounts(wh, [{ firstId: 3_000_000, n: 150_000 }])).per[0];
        if (expected === 'exito') {
          expect(run).toEqual({ estado: 'exito', error: null });
          expect(n).toBe(150_000);
        } else {
          expect(run!.estado).toBe('fallo');
          expect(run!.error).toMatch(/^cancelada: el servidor se detuvo antes de terminar; el almacén quedó como antes/);
          expect(n).toBe(0);
          // The file waits in the inbox for the next run.
          expect(fs.readdirSync(path.join(dataDir, 'inbox', 'tickets'))).toContain('grande.csv');
        }
      } finally {
        wh.close();
      }
    }
    // Two servers, each loading 150k rows: minutes on a loaded 2-core machine.
  }, 240_000);
});
