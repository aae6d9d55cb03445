import { describe, expect, it } from 'vitest';
import { dropFile } from '../helpers/warehouse.js';
import { adminApi } from '../helpers/api.js';
import { runAndWait, userClient } from '../helpers/client.js';

/**
 * The HTTP side of the UTOE figures: shapes named in DESIGN.md §6, filters, errors in Spanish, roles.
 * Figures themselves are checked by hand in tests/oficialia/peticiones.test.ts.
 */
const t = adminApi(async ({ srv, admin }) => {
  // P1 OC attended in 24 h; P2 M045 attended in 96 h; P3 M045 pending.
  dropFile(srv.dataDir, 'oficialia', 'peticiones.csv', `folio,fecha_recepcion,organo,tipo_peticionario,acto_a_certificar,estado,fecha_prevencion,fecha_respuesta_prevencion,fecha_evaluacion,fecha_diligencia,fecha_entrega_acta,num_acta
P1,10/03/2026 10:00,OC,PP,Bardas,atendida,,,10/03/2026 12:00,,11/03/2026 10:00,A1
P2,12/03/2026 10:00,M045,OI,Mitin,atendida,,,12/03/2026 12:00,,16/03/2026 10:00,A2
P3,20/03/2026 10:00,M045,PP,Volantes,recibida,,,,,,`);
  await runAndWait(admin, 'oficialia');
});

describe('GET /api/oficialia', () => {
  it('resumen has the fields of DESIGN.md §6', async () => {
    const r = await t.admin.json<Record<string, unknown>>('/api/oficialia/resumen?desde=2026-03-01&hasta=2026-03-31');
    // recibidas 3, atendidas 2, backlog 1; hours 24 and 96 → median 60; en plazo 1 / 2 = 50 %.
    expect({ recibidas: r.recibidas, atendidas: r.atendidas, backlog: r.backlog, horas_atencion_mediana: r.horas_atencion_mediana, en_plazo_pct: r.en_plazo_pct })
      .toEqual({ recibidas: 3, atendidas: 2, backlog: 1, horas_atencion_mediana: 60, en_plazo_pct: 50 });
    expect(r).toHaveProperty('por_organo');
    expect(r).toHaveProperty('semanal');
  });

  it('a council\'s petitions are reachable with ?organo=', async () => {
    const rows = await t.admin.json<Array<{ folio: string }>>('/api/oficialia?organo=M045&desde=2026-03-01&hasta=2026-03-31');
    expect(rows.map((x) => x.folio).sort()).toEqual(['P2', 'P3']);
    const pend = await t.admin.json<Array<{ folio: string }>>('/api/oficialia?organo=M045&desde=2026-03-01&hasta=2026-03-31&pendientes=1');
    expect(pend.map((x) => x.folio)).toEqual(['P3']);
  });

  it('pages on the server: limite, desde_fila, orden, dir; the total in X-Total-Count', async () => {
    const base = '/api/oficialia?desde=2026-03-01&hasta=2026-03-31';
    const folios = (rows: Array<{ folio: string }>): string[] => rows.map((x) => x.folio);
    // Newest first: P3 (20/03), P2 (12/03), P1 (10/03); page 2 of 2 rows = P1.
    const p2 = await t.admin.fetch(`${base}&limite=2&desde_fila=2`);
    expect(p2.headers.get('x-total-count')).toBe('3');
    expect(folios(await p2.json())).toEqual(['P1']);
    // Hours to attention, longest first: P2 96, P1 24, then P3 (pending, no hours) last.
    expect(folios(await t.admin.json(`${base}&orden=horas_atencion&dir=desc&limite=2`))).toEqual(['P2', 'P1']);
    expect(folios(await t.admin.json(`${base}&orden=horas_atencion&dir=asc`))).toEqual(['P1', 'P2', 'P3']);
    const bad = await t.admin.fetch(`${base}&orden=atendida`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ parametro: 'orden', error: expect.stringContaining('«orden»') });
  });

  it('a bad date answers 400 in Spanish', async () => {
    const r = await t.admin.fetch('/api/oficialia/resumen?desde=01/03/2026');
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toContain('aaaa-mm-dd');
  });

  it('utoe and utvodes read it; uts does not; without a session, 401', async () => {
    expect((await (await userClient(t.srv, t.admin, 'utoe1', 'utoe')).fetch('/api/oficialia/resumen')).status).toBe(200);
    expect((await (await userClient(t.srv, t.admin, 'utvodes1', 'utvodes')).fetch('/api/oficialia')).status).toBe(200);
    expect((await (await userClient(t.srv, t.admin, 'uts1', 'uts')).fetch('/api/oficialia')).status).toBe(403);
    expect((await t.srv.client().fetch('/api/oficialia/resumen')).status).toBe(401);
  });

  it('a list longer than one page: every row without limite, and pages of up to 5,000 that add up to all', async () => {
    // 6,200 petitions in April, one every 10 minutes from 01/04/2026 08:00 (Mexico City).
    const n = 6200;
    const t0 = Date.parse('2026-04-01T08:00:00-06:00');
    const fecha = (ms: number): string => {
      const d = new Date(ms - 6 * 3600_000);
      const p2 = (x: number): string => String(x).padStart(2, '0');
      return `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
    };
    const filas = Array.from({ length: n }, (_, i) => `L${i},${fecha(t0 + i * 600_000)},M${String(1 + (i % 212)).padStart(3, '0')},PP,Bardas,recibida,,,,,,`);
    dropFile(t.srv.dataDir, 'oficialia', 'peticiones_abril.csv', `folio,fecha_recepcion,organo,tipo_peticionario,acto_a_certificar,estado,fecha_prevencion,fecha_respuesta_prevencion,fecha_evaluacion,fecha_diligencia,fecha_entrega_acta,num_acta\n${filas.join('\n')}`);
    await runAndWait(t.admin, 'oficialia');
    const base = '/api/oficialia?desde=2026-04-01&hasta=2026-05-31';
    const todas = await t.admin.fetch(base);
    expect(todas.headers.get('x-total-count')).toBe(String(n));
    const rows = (await todas.json()) as Array<{ folio: string }>;
    expect(rows).toHaveLength(n);
    // The pages the CSV download reads, oldest first: 5,000 then 1,200, the same rows in the same order.
    const p1 = (await t.admin.json<Array<{ folio: string }>>(`${base}&orden=fecha_recepcion&dir=asc&limite=5000`)).map((x) => x.folio);
    const p2 = (await t.admin.json<Array<{ folio: string }>>(`${base}&orden=fecha_recepcion&dir=asc&limite=5000&desde_fila=5000`)).map((x) => x.folio);
    expect([p1.length, p2.length]).toEqual([5000, 1200]);
    expect([...p1, ...p2]).toEqual(Array.from({ length: n }, (_, i) => `L${i}`));
    expect((await t.admin.fetch(`${base}&limite=5001`)).status).toBe(400);
  });
});
