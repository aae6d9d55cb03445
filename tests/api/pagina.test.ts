import { describe, expect, it } from 'vitest';
import { paginar } from '../../src/api/input/pagina.js';
import { adminApi } from '../helpers/api.js';
import { runAndWait } from '../helpers/client.js';
import { dropFile } from '../helpers/warehouse.js';
import { CSV, RANGE } from '../incidentes/fixture.js';
import { dropPlanning } from '../metas/fixture.js';

/** Tables paged on the server (issue 11): limite, desde_fila, orden, dir; the total in X-Total-Count. */
const t = adminApi(async ({ srv, admin }) => {
  dropFile(srv.dataDir, 'tickets', 'tickets_marzo.csv', CSV);
  await runAndWait(admin, 'tickets');
  dropPlanning(srv.dataDir);
  await runAndWait(admin, 'poa');
});

const ids = (rows: Array<{ id?: unknown }>): unknown[] => rows.map((r) => r.id);

describe('paging of long tables', () => {
  it('incidentes/tickets: pages of the 8 tickets of the fixture, newest first, with the total in X-Total-Count', async () => {
    const q = `desde=${RANGE.desde}&hasta=${RANGE.hasta}`;
    // Opened, solved or pending in March: 1, 2, 3, 4, 5, 6, 8, 9 — newest opening first: 9, 6, 4, 3, 2, 1, 5, 8.
    const p1 = await t.admin.fetch(`/api/incidentes/tickets?${q}&limite=3`);
    expect(p1.headers.get('x-total-count')).toBe('8');
    expect(ids(await p1.json())).toEqual([9, 6, 4]);
    const p3 = await t.admin.fetch(`/api/incidentes/tickets?${q}&limite=3&desde_fila=6`);
    expect(ids(await p3.json())).toEqual([5, 8]);
    // Without limite: every row (the CSV download), the total still in the header.
    const all = await t.admin.fetch(`/api/incidentes/tickets?${q}`);
    expect(all.headers.get('x-total-count')).toBe('8');
    expect((await all.json()).length).toBe(8);
    // Sorted by hours to solution, longest first, the unsolved last: 5 (216), 9 and 2 (48 each; 9 was solved on 01/04,
    // after the range, and ties go newest id first), 3 (10), then 1 (10).
    const s = await t.admin.json<Array<{ id: number }>>(`/api/incidentes/tickets?${q}&orden=horas_solucion&dir=desc&limite=5`);
    expect(ids(s)).toEqual([5, 9, 2, 3, 1]);
    // A column outside the list is a Spanish 400 naming the parameter.
    const bad = await t.admin.fetch(`/api/incidentes/tickets?${q}&orden=titulo;drop`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/orden/);
    expect((await t.admin.fetch(`/api/incidentes/tickets?${q}&limite=0`)).status).toBe(400);
  });

  it('metas/actividades: a page sorted by avance, the total in X-Total-Count, every row without limite', async () => {
    const base = '/api/metas/actividades?ejercicio=2026&trimestre=1';
    const r = await t.admin.fetch(`${base}&orden=avance_pct&dir=desc&limite=2`);
    expect(r.headers.get('x-total-count')).toBe('5');
    // avance: E404.16-5 150, E404.19-1 100, E404.19-3 80, E404.16-4 0, E404.19-2 null (last)
    const p1 = (await r.json()) as Array<{ programa_especifico: string; num_actividad: number }>;
    expect(p1.map((x) => `${x.programa_especifico}-${x.num_actividad}`)).toEqual(['E404.16-5', 'E404.19-1']);
    const p3 = await t.admin.json<Array<{ programa_especifico: string; num_actividad: number }>>(`${base}&orden=avance_pct&dir=desc&limite=2&desde_fila=4`);
    expect(p3.map((x) => `${x.programa_especifico}-${x.num_actividad}`)).toEqual(['E404.19-2']);
    expect((await t.admin.json<unknown[]>(base)).length).toBe(5);
  });
});

describe('paging of the platform tables', () => {
  it('cuarentena: the one quarantined row of the tickets fixture (ticket 10, estado «escalado»), paged and sorted', async () => {
    const r = await t.admin.fetch('/api/cuarentena?pipeline=tickets&limite=1&orden=fila&dir=desc');
    expect(r.headers.get('x-total-count')).toBe('1');
    // The header is row 1, ticket 10 is the 10th data row → row 11.
    expect(await r.json()).toEqual([expect.objectContaining({ archivo: 'tickets_marzo.csv', fila: 11, campo: 'estado' })]);
    expect((await t.admin.json<unknown[]>('/api/cuarentena?pipeline=tickets&limite=1&desde_fila=1')).length).toBe(0);
  });
});

describe('paginar (rows computed in full)', () => {
  const rows = [{ a: 2, b: 'b' }, { a: null, b: 'a' }, { a: 10, b: 'c' }, { a: 2, b: 'd' }];
  it('sorts numbers by value, keeps the order of equals, puts empty values last in either direction', () => {
    expect(paginar(rows, { limite: null, desde_fila: 0, orden: 'a', dir: 'asc' }).filas.map((r) => r.b)).toEqual(['b', 'd', 'c', 'a']);
    expect(paginar(rows, { limite: null, desde_fila: 0, orden: 'a', dir: 'desc' }).filas.map((r) => r.b)).toEqual(['c', 'b', 'd', 'a']);
  });
  it('cuts the page and counts every row', () => {
    expect(paginar(rows, { limite: 2, desde_fila: 1, orden: null, dir: 'asc' })).toEqual({ filas: [rows[1], rows[2]], total: 4 });
  });
});
