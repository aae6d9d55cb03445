import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFile } from '../helpers/warehouse.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { csv, ticket } from '../helpers/tickets.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => srv?.stop());

type Health = { status: string; almacen: { estado: string }; programador: { activo: boolean }; pipelines: Array<{ nombre: string; ultimo_estado: string | null; ultima_ejecucion: string | null; ultimo_exito: string | null; vigente: boolean }> };

describe('GET /api/health', () => {
  it('is public and reports the warehouse, the scheduler and the last run of each pipeline', async () => {
    const h = (await (await fetch(`${srv.url}/api/health`)).json()) as Health;
    expect(['ok', 'degraded']).toContain(h.status);
    expect(h.almacen.estado).toBe('ok');
    expect(h.programador.activo).toBe(true);
    const t = h.pipelines.find((p) => p.nombre === 'tickets')!;
    expect(t).toEqual({ nombre: 'tickets', ultimo_estado: null, ultima_ejecucion: null, ultimo_exito: null, vigente: false });

    dropFile(srv.dataDir, 'tickets', 'tickets.csv', csv([ticket(1)]));
    const c = srv.client();
    await c.login();
    const csrf = ((await (await c.fetch('/api/auth/sesion')).json()) as { csrf: string }).csrf;
    const { id } = (await (await c.fetch('/api/pipelines/tickets/ejecutar', { method: 'POST', headers: { 'x-csrf-token': csrf } })).json()) as { id: number };
    for (let i = 0; i < 300; i++) {
      const r = await c.json<{ estado: string }>(`/api/pipelines/tickets/ejecuciones/${id}`);
      if (r.estado !== 'en_curso') break;
      await new Promise((res) => setTimeout(res, 100));
    }
    const after = (await (await fetch(`${srv.url}/api/health`)).json()) as Health;
    const t2 = after.pipelines.find((p) => p.nombre === 'tickets')!;
    expect(t2).toMatchObject({ nombre: 'tickets', ultimo_estado: 'exito', vigente: true });
    expect(Date.parse(t2.ultima_ejecucion!)).not.toBeNaN();
    expect(Date.parse(t2.ultimo_exito!)).toBeGreaterThanOrEqual(Date.parse(t2.ultima_ejecucion!));
  });
});
