import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { runAndWait, send, userClient } from '../helpers/client.js';
import { dropFile } from '../helpers/warehouse.js';
import { CSV, HEADER, RANGE } from '../incidentes/fixture.js';

// Reads cached by data version (src/api/cache): the real API in process, files loaded by the real pipeline.
const t = adminApi(async ({ srv, admin }) => {
  dropFile(srv.dataDir, 'tickets', 'tickets_marzo.csv', CSV);
  await runAndWait(admin, 'tickets');
});

const RESUMEN = `/api/incidentes/resumen?desde=${RANGE.desde}&hasta=${RANGE.hasta}`;
const resumen = async (route = RESUMEN): Promise<{ status: number; cache: string | null; etag: string | null; body: Record<string, unknown> }> => {
  const r = await t.admin.fetch(route);
  return { status: r.status, cache: r.headers.get('x-atalaya-cache'), etag: r.headers.get('etag'), body: (await r.json()) as Record<string, unknown> };
};

/**
 * Waits for the writes in flight to finish. A run's status can be read (on a read connection) a moment before its
 * last write has bumped the data version; an answer computed in that moment is cached under the old version and
 * the next read misses. Correct, but not what these tests measure. Waits on the writer and bumps only the audit.
 */
const writesSettled = (): Promise<void> => t.srv.wh.write(async () => undefined, 'auditoria');

describe('API answers cached by data version', () => {
  beforeEach(writesSettled);

  it('a repeated read comes from the cache; after a run loads a file the next read shows it', async () => {
    const first = await resumen(`${RESUMEN}&x=1`);
    expect(first.body.abiertos).toBe(6);
    const again = await resumen(`${RESUMEN}&x=1`);
    expect(again.cache).toBe('acierto');
    expect(again.body).toEqual(first.body);

    // One more ticket opened in March, loaded by the real pipeline.
    dropFile(t.srv.dataDir, 'tickets', 'tickets_extra.csv', `${HEADER}\r\n20,Nuevo,incidente,Correo,,3,3,3,nuevo,UTP,,,15/03/2026 09:00,,,,\r\n`);
    await runAndWait(t.admin, 'tickets');
    const after = await resumen(`${RESUMEN}&x=1`);
    expect(after.cache).toBe('fallo');
    expect(after.body.abiertos).toBe(7);
  });

  it('parameters are part of the key, in any order', async () => {
    const a = await resumen(`/api/incidentes/resumen?hasta=${RANGE.hasta}&desde=${RANGE.desde}&prioridad=5`);
    const b = await resumen(`/api/incidentes/resumen?prioridad=5&desde=${RANGE.desde}&hasta=${RANGE.hasta}`);
    expect(b.cache).toBe('acierto');
    expect(b.body).toEqual(a.body);
    expect(a.body.abiertos).not.toBe((await resumen()).body.abiertos);
  });

  it('a settings change shows at once', async () => {
    const route = `${RESUMEN}&prioridad=5`;
    // Ticket 3 (priority 5, no deadline) was solved in 10 h: missed against 8 h, met against 12 h.
    expect((await resumen(route)).body.sla_cumplido_pct).toBe(0);
    expect((await resumen(route)).cache).toBe('acierto');
    const put = await t.admin.fetch('/api/configuracion/incidentes.sla_horas', send('PUT', { valor: { '5': 12 } }, { 'x-csrf-token': t.csrf }));
    expect(put.status).toBe(200);
    expect((await resumen(route)).body.sla_cumplido_pct).toBe(100);
  });

  it('ETag and If-None-Match: 304 while nothing changed, 200 with a new ETag after a commit', async () => {
    const r = await resumen();
    expect(r.etag).toMatch(/^W\/".+"$/);
    const not = await t.admin.fetch(RESUMEN, { headers: { 'if-none-match': r.etag! } });
    expect(not.status).toBe(304);
    expect(await not.text()).toBe('');
    expect((await t.admin.fetch(RESUMEN, { headers: { 'if-none-match': 'W/"otro"' } })).status).toBe(200);

    dropFile(t.srv.dataDir, 'tickets', 'tickets_abril.csv', `${HEADER}\r\n21,Otro,incidente,Correo,,3,3,3,nuevo,UTP,,,16/03/2026 09:00,,,,\r\n`);
    await runAndWait(t.admin, 'tickets');
    const changed = await t.admin.fetch(RESUMEN, { headers: { 'if-none-match': r.etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(r.etag);
  });

  it('writes that no cached answer reads (sessions, audit, probe batches) keep the incident answers cached', async () => {
    await resumen();
    expect((await resumen()).cache).toBe('acierto');
    await t.srv.login();
    await t.srv.wh.exec('SELECT 1', undefined, 'sondeos');
    await t.srv.wh.exec('SELECT 1', undefined, 'auditoria');
    expect((await resumen()).cache).toBe('acierto');
    // An admin write of the data (default dataset) does invalidate.
    await t.srv.wh.exec('SELECT 1');
    expect((await resumen()).cache).toBe('fallo');
  });

  it('different scopes never share an answer: another role computes its own, a role without access still gets 403', async () => {
    expect((await resumen()).status).toBe(200);
    const direccion = await userClient(t.srv, t.admin, 'dir1', 'direccion');
    const d = await direccion.fetch(RESUMEN);
    expect(d.status).toBe(200);
    expect(d.headers.get('x-atalaya-cache')).toBe('fallo');
    const uts = await userClient(t.srv, t.admin, 'uts1', 'uts');
    expect((await uts.fetch(RESUMEN)).status).toBe(403);
    const area = await userClient(t.srv, t.admin, 'area1', 'area', 'UTP');
    expect((await area.fetch(RESUMEN)).status).toBe(403);
    // Without a session: 401, never a cached answer.
    expect((await t.srv.request(RESUMEN)).status).toBe(401);
  });

  it('answers that depend on the user (one\'s alert subscriptions) are never shared by role', async () => {
    const other = await userClient(t.srv, t.admin, 'adm2', 'admin');
    const sub = await t.admin.fetch('/api/alertas/suscripciones', send('POST', { regla: 1, correo: 'admin@ople.test' }, { 'x-csrf-token': t.csrf }));
    expect(sub.status).toBe(201);
    const mine = await t.admin.fetch('/api/alertas/suscripciones');
    expect(JSON.stringify(await mine.json())).toContain('"regla":1');
    expect(await (await other.fetch('/api/alertas/suscripciones')).json()).toEqual([]);
  });

  it('answers over 1 kB go brotli or gzip as the client accepts, and decode to the same JSON', async () => {
    const route = `/api/incidentes/tickets?desde=${RANGE.desde}&hasta=${RANGE.hasta}`;
    const plain = await t.admin.fetch(route, { headers: { 'accept-encoding': 'identity' } });
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(1024);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const br = await t.admin.fetch(route, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(text);
    const gz = await t.admin.fetch(route, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(text);
    // Small answers go as they are.
    const small = await t.admin.fetch(`/api/incidentes/semanal?desde=2026-03-02&hasta=2026-03-03`, { headers: { 'accept-encoding': 'br' } });
    expect(Number(small.headers.get('content-length'))).toBeLessThan(1024);
    expect(small.headers.get('content-encoding')).toBeNull();
  });
});

describe('routes that read the probes', () => {
  const servicios = async (): Promise<Array<{ cache: string | null; ids: string[] }>> =>
    Promise.all(Array.from({ length: 5 }, async () => {
      const r = await t.admin.fetch('/api/disponibilidad/servicios');
      expect(r.status).toBe(200);
      return { cache: r.headers.get('x-atalaya-cache'), ids: ((await r.json()) as Array<{ id: string }>).map((s) => s.id) };
    }));

  it('a probe batch recomputes them; a catalogue change shows at once to every concurrent read', async () => {
    const add = async (id: string): Promise<void> => {
      const r = await t.admin.fetch('/api/disponibilidad/catalogo', send('POST', { id, nombre: `Servicio ${id}`, tipo: 'http', destino: 'https://example.invalid/', intervalo_s: 60 }, { 'x-csrf-token': t.csrf }));
      expect(r.status).toBe(201);
    };
    await add('uno');
    expect((await servicios()).every((s) => s.ids.includes('uno'))).toBe(true);
    // A batch of checks: the next answer is computed again (no read waits for it past the previous batch's answer).
    await t.srv.wh.exec('SELECT 1', undefined, 'sondeos');
    const afterBatch = await servicios();
    expect(afterBatch.filter((s) => s.cache === 'fallo')).toHaveLength(1);
    expect(afterBatch.every((s) => s.ids.includes('uno'))).toBe(true);
    // A write of the data itself: every read after it, concurrent ones included, sees it.
    await add('dos');
    expect((await servicios()).every((s) => s.ids.includes('dos'))).toBe(true);
  });
});

