import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups, NAME_RE } from '../../src/backup/store.js';
import { runCli } from '../helpers/cli.js';
import { dropTickets, openData, ticketCounts } from '../helpers/crash.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  for (const s of servers) fs.rmSync(s.dataDir, { recursive: true, force: true });
});

type Health = { status: string; respaldo: { ultimo: string | null; edad_horas: number | null; vigente: boolean } };
const health = async (s: TestServer): Promise<{ code: number; body: Health }> => {
  const r = await fetch(`${s.url}/api/health`);
  return { code: r.status, body: (await r.json()) as Health };
};

async function loadTickets(s: TestServer): Promise<void> {
  const token = fs.readFileSync(path.join(s.dataDir, 'cli.token'), 'utf8').trim();
  const r = await fetch(`${s.url}/api/pipelines/tickets/ejecutar`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const { id } = (await r.json()) as { id: number };
  for (let i = 0; i < 600; i++) {
    const run = (await (await fetch(`${s.url}/api/pipelines/tickets/ejecuciones/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { estado: string };
    if (run.estado !== 'en_curso') return void expect(run.estado).toBe('exito');
    await new Promise((res) => setTimeout(res, 100));
  }
}

describe('atalaya respaldo with a running server (real processes, HTTP, files)', () => {
  it('a new installation has a first backup and is healthy; crear goes through the server; restaurar needs it stopped; the restore undoes what came after', async () => {
    let s = await startTestServer();
    servers.push(s);
    // The first start takes a backup of its own, so a fresh installation is not "degraded".
    await expect.poll(() => listBackups(s.dataDir).length, { timeout: 20_000 }).toBe(1);
    expect(listBackups(s.dataDir)[0]!.origen).toBe('inicio');
    const h0 = await health(s);
    expect(h0.code).toBe(200);
    expect(h0.body.status).toBe('ok');
    expect(h0.body.respaldo.vigente).toBe(true);

    dropTickets(s.dataDir, 'antes.csv', 100, 10);
    await loadTickets(s);
    const crear = await runCli(s.dataDir, ['respaldo', 'crear']);
    expect(crear.code, crear.err).toBe(0);
    const nombre = /Respaldo (\S+) creado/.exec(crear.out)?.[1];
    expect(nombre).toMatch(NAME_RE);
    // Taken by the server, which holds the file (a CLI working on the file itself records origen "cli").
    expect(listBackups(s.dataDir).map((b) => [b.nombre, b.origen])).toContainEqual([nombre, 'manual']);

    const listar = await runCli(s.dataDir, ['respaldo', 'listar']);
    expect(listar.code).toBe(0);
    expect(listar.out.split('\n')[0]).toMatch(new RegExp(`^${nombre}\\s`));
    expect(listar.out).toContain(`npm run atalaya -- respaldo restaurar ${nombre}`);

    const busy = await runCli(s.dataDir, ['respaldo', 'restaurar', nombre!]);
    expect(busy.code).not.toBe(0);
    expect(busy.err.trim().split('\n')).toHaveLength(1);
    expect(busy.err).toMatch(/^Error: el servidor está en marcha \(PID \d+\); deténgalo/);

    dropTickets(s.dataDir, 'despues.csv', 200, 5);
    await loadTickets(s);

    // A backup older than 36 h makes the health "degraded", still HTTP 200.
    for (const b of listBackups(s.dataDir)) {
      const meta = path.join(s.dataDir, 'respaldos', b.nombre, 'respaldo.json');
      fs.writeFileSync(meta, JSON.stringify({ ...JSON.parse(fs.readFileSync(meta, 'utf8')), creado_en: new Date(Date.now() - 40 * 3600_000).toISOString() }));
    }
    const h1 = await health(s);
    expect(h1.code).toBe(200);
    expect(h1.body.status).toBe('degraded');
    expect(h1.body.respaldo).toMatchObject({ vigente: false });
    expect(h1.body.respaldo.edad_horas).toBeGreaterThan(36);

    // `atalaya detener` stops it gracefully and waits until the warehouse is closed.
    const detener = await runCli(s.dataDir, ['detener']);
    expect(detener.code, detener.err).toBe(0);
    expect(detener.out).toMatch(/Servidor detenido\.$/m);
    expect((await s.exited).code).toBe(0);
    const restaurar = await runCli(s.dataDir, ['respaldo', 'restaurar', nombre!]);
    expect(restaurar.code, restaurar.err).toBe(0);
    expect(restaurar.out).toMatch(/El almacén que había se guardó en .*reemplazados/);
    const wh = await openData(s.dataDir);
    try {
      const c = await ticketCounts(wh, [{ firstId: 100, n: 10 }, { firstId: 200, n: 5 }]);
      expect(c.per).toEqual([10, 0]);
    } finally {
      wh.close();
    }
    s = await startTestServer({ dataDir: s.dataDir });
    servers.push(s);
    expect((await health(s)).code).toBe(200);
  });
});
