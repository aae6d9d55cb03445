import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../src/backup/store.js';
import { dropTickets, moveToInbox, openData, ticketCounts, writeTickets } from '../helpers/crash.js';
import { killStrayServers, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.js';

/**
 * SIGKILL of a real server while it works — mid-load, during the checkpoint of a stop, mid-admin-write, mid-backup —
 * then a real restart: it opens by itself, committed work is whole, nothing is half there or twice.
 */
const dirs: string[] = [];
afterAll(async () => {
  await killStrayServers();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function bearer(s: TestServer): (route: string, init?: RequestInit) => Promise<Response> {
  const token = fs.readFileSync(path.join(s.dataDir, 'cli.token'), 'utf8').trim();
  return (route, init = {}) => fetch(s.url + route, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
}

type Run = { id: number; estado: string; error: string | null; progreso: { fase: string } | null };

async function runTickets(s: TestServer): Promise<Run> {
  const api = bearer(s);
  const { id } = (await (await api('/api/pipelines/tickets/ejecutar', { method: 'POST' })).json()) as { id: number };
  for (;;) {
    const run = (await (await api(`/api/pipelines/tickets/ejecuciones/${id}`)).json()) as Run;
    if (run.estado !== 'en_curso') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('SIGKILL of a working server, then a restart', () => {
  it('mid-load, then during the checkpoint of a stop: the file is all there or not at all, the run log says the run was interrupted, and the re-run loads it once', async () => {
    const N = 150_000;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-kill-'));
    dirs.push(dataDir);
    // Written before the server starts (writing 150,000 rows takes seconds), moved into the inbox when it is time.
    const big = writeTickets(path.join(dataDir, 'grande.csv'), 1_000_000, N);
    let s = await startTestServer({ dataDir, env: { ATALAYA_UPTIME: '0' } });
    dropTickets(s.dataDir, 'base.csv', 1_000, 50);
    expect((await runTickets(s)).estado).toBe('exito');
    moveToInbox(dataDir, big);
    const api = bearer(s);
    const { id } = (await (await api('/api/pipelines/tickets/ejecutar', { method: 'POST' })).json()) as { id: number };
    // Kill the moment the run is loading into the warehouse (its transaction is open).
    for (;;) {
      const run = (await (await api(`/api/pipelines/tickets/ejecuciones/${id}`)).json()) as Run;
      if (run.estado !== 'en_curso' || /^cargando/.test(run.progreso?.fase ?? '')) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await s.kill9();

    s = await startTestServer({ dataDir: s.dataDir, env: { ATALAYA_UPTIME: '0' } });
    const after = (await (await bearer(s)(`/api/pipelines/tickets/ejecuciones/${id}`)).json()) as Run;
    await s.stop();
    let wh = await openData(s.dataDir);
    const c = await ticketCounts(wh, [{ firstId: 1_000, n: 50 }, { firstId: 1_000_000, n: N }]);
    wh.close();
    expect(c.doubled).toBe(0);
    expect(c.per[0]).toBe(50);
    // Whole or nothing, and the run log agrees with the warehouse.
    if (after.estado === 'exito') expect(c.per[1]).toBe(N);
    else {
      expect(after.estado).toBe('fallo');
      expect(after.error).toMatch(/^interrumpida: el proceso terminó antes de confirmar/);
      expect(c.per[1]).toBe(0);
    }

    s = await startTestServer({ dataDir: s.dataDir, env: { ATALAYA_UPTIME: '0' } });
    expect((await runTickets(s)).estado).toBe('exito');
    // Then killed during the checkpoint of a stop (SIGTERM, then SIGKILL while it closes the warehouse).
    s.proc.kill('SIGTERM');
    await s.waitForLog(/deteniendo con orden/);
    await s.kill9();
    s = await startTestServer({ dataDir: s.dataDir, env: { ATALAYA_UPTIME: '0' } });
    await s.stop();
    wh = await openData(s.dataDir);
    try {
      expect(await ticketCounts(wh, [{ firstId: 1_000, n: 50 }, { firstId: 1_000_000, n: N }])).toEqual({ per: [50, N], doubled: 0, total: 50 + N });
    } finally {
      wh.close();
    }
  });

  it('mid-admin-write and mid-backup: every acknowledged user is there and can log in; no half backup is listed', async () => {
    let s = await startTestServer({ env: { ATALAYA_UPTIME: '0' } });
    dirs.push(s.dataDir);
    await expect.poll(() => listBackups(s.dataDir).length, { timeout: 20_000 }).toBe(1);
    const api = bearer(s);
    const acknowledged: string[] = [];
    // Users created one after another, a backup asked for meanwhile; the kill comes after the 8th acknowledgement.
    void api('/api/respaldos', { method: 'POST' }).catch(() => undefined);
    for (let i = 0; i < 8; i++) {
      const usuario = `persona${i}`;
      const r = await api('/api/usuarios', { method: 'POST', body: JSON.stringify({ usuario, password: TEST_PASSWORD, rol: 'direccion' }) });
      if (r.status === 201) acknowledged.push(usuario);
    }
    const racing = Promise.all([8, 9, 10].map((i) => api('/api/usuarios', { method: 'POST', body: JSON.stringify({ usuario: `persona${i}`, password: TEST_PASSWORD, rol: 'direccion' }) }).catch(() => null)));
    await s.kill9();
    await racing;
    expect(acknowledged).toHaveLength(8);

    s = await startTestServer({ dataDir: s.dataDir, env: { ATALAYA_UPTIME: '0' } });
    for (const u of acknowledged) {
      const c = s.client();
      expect((await c.login(u, TEST_PASSWORD)).status).toBe(200);
    }
    const names = listBackups(s.dataDir).map((b) => b.nombre);
    expect(names.length).toBeGreaterThanOrEqual(1);
    // Whatever the kill cut in respaldos/ is gone; every listed backup opens.
    expect(fs.readdirSync(path.join(s.dataDir, 'respaldos')).sort()).toEqual(names);
    await s.stop();
    const wh = await openData(s.dataDir);
    try {
      const users = (await wh.all<{ usuario: string }>("SELECT usuario FROM app.usuarios WHERE usuario LIKE 'persona%'")).map((r) => r.usuario);
      expect(users).toEqual(expect.arrayContaining(acknowledged));
    } finally {
      wh.close();
    }
  });
});
