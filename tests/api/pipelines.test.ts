import { describe, expect, it } from 'vitest';
import { dropFile } from '../helpers/warehouse.js';
import { adminApi } from '../helpers/api.js';
import { runNow as run, type Run } from '../helpers/client.js';
import { csv, ticket } from '../helpers/tickets.js';

const t = adminApi();

const runNow = (name: string): Promise<Run> => run(t.admin, name);

describe('runs and quarantine API', () => {
  it('POST /api/pipelines/<nombre>/ejecutar → 202 and the id; GET /api/pipelines lists runs newest first', async () => {
    dropFile(t.srv.dataDir, 'tickets', 'tickets_a.csv', csv([
      ticket(1), // row 2
      ticket(2, { fecha_apertura: '31/02/2026 10:00' }), // row 3: bad date
      ticket(3, { estado: 'escalado' }), // row 4: unknown state
    ]));
    const first = await runNow('tickets');
    expect(first).toMatchObject({ estado: 'exito', filas_leidas: 3, filas_cargadas: 1, filas_rechazadas: 2, error: null });
    const second = await runNow('tickets');
    expect(second).toMatchObject({ estado: 'exito', filas_leidas: 0, filas_cargadas: 0 });

    const list = await t.admin.json<Array<{ nombre: string; programacion: string | null; ejecuciones: Run[] }>>('/api/pipelines');
    const tk = list.find((p) => p.nombre === 'tickets')!;
    expect(tk.programacion).toBe('*/30 * * * *');
    expect(tk.ejecuciones.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(Object.keys(tk.ejecuciones[0]!)).toEqual(expect.arrayContaining(['id', 'estado', 'filas_leidas', 'filas_cargadas', 'filas_rechazadas', 'inicio', 'fin', 'error']));
    expect(Date.parse(tk.ejecuciones[0]!.fin!)).toBeGreaterThanOrEqual(Date.parse(tk.ejecuciones[0]!.inicio));
    expect(list.map((p) => p.nombre)).toEqual(expect.arrayContaining(['tickets', 'cartografia']));

    expect((await t.admin.fetch('/api/pipelines/no-existe/ejecutar', { method: 'POST', headers: { 'x-csrf-token': t.csrf } })).status).toBe(404);
  });

  it('GET /api/pipelines/<nombre>/ejecuciones: the run log a page at a time, sorted on the server, total in X-Total-Count', async () => {
    // The two runs of tickets above, plus three more (nothing new to read: 0 rows each).
    const before = await t.admin.json<Run[]>('/api/pipelines/tickets/ejecuciones');
    expect(before).toHaveLength(2);
    for (let i = 0; i < 3; i++) await runNow('tickets');
    const ids = (await t.admin.json<Run[]>('/api/pipelines/tickets/ejecuciones')).map((r) => r.id);
    expect(ids).toHaveLength(5);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const [r5, r4, r3, r2, r1] = ids as [number, number, number, number, number];
    // Page 2 of 2 runs, newest first: the 3rd and 2nd runs.
    const p2 = await t.admin.fetch('/api/pipelines/tickets/ejecuciones?limite=2&desde_fila=2');
    expect(p2.headers.get('x-total-count')).toBe('5');
    expect(((await p2.json()) as Run[]).map((r) => r.id)).toEqual([r3, r2]);
    // Rows read, most first: only the first run read any (3); ties newest first.
    const s = await t.admin.json<Run[]>('/api/pipelines/tickets/ejecuciones?orden=filas_leidas&dir=desc&limite=3');
    expect(s.map((r) => r.id)).toEqual([r1, r5, r4]);
    expect((await t.admin.json<Run[]>('/api/pipelines/tickets/ejecuciones?orden=id&dir=asc&limite=1&desde_fila=1')).map((r) => r.id)).toEqual([r2]);
    // Another pipeline's runs are not counted; an unknown one is a 404; a bad parameter a Spanish 400 naming it.
    const carto = await t.admin.fetch('/api/pipelines/cartografia/ejecuciones?limite=10');
    expect(carto.headers.get('x-total-count')).toBe('0');
    expect(await carto.json()).toEqual([]);
    expect((await t.admin.fetch('/api/pipelines/no-existe/ejecuciones')).status).toBe(404);
    for (const [q, parametro] of [['orden=error', 'orden'], ['limite=0', 'limite'], ['desde_fila=x', 'desde_fila']] as const) {
      const bad = await t.admin.fetch(`/api/pipelines/tickets/ejecuciones?${q}`);
      expect(bad.status, q).toBe(400);
      expect(await bad.json()).toMatchObject({ parametro, error: expect.stringContaining(`«${parametro}»`) });
    }
    // GET /api/pipelines keeps its shape: the last runs of each pipeline, newest first.
    const list = await t.admin.json<Array<{ nombre: string; ejecuciones: Run[] }>>('/api/pipelines?limite=3');
    expect(list.find((p) => p.nombre === 'tickets')!.ejecuciones.map((r) => r.id)).toEqual([r5, r4, r3]);
  });

  it('GET /api/cuarentena?pipeline= lists file, row (header = row 1), field and reason; formato=csv downloads them', async () => {
    const rows = await t.admin.json<Array<{ archivo: string; fila: number; campo: string; motivo: string }>>('/api/cuarentena?pipeline=tickets');
    expect(rows.map(({ archivo, fila, campo }) => ({ archivo, fila, campo }))).toEqual([
      { archivo: 'tickets_a.csv', fila: 3, campo: 'fecha_apertura' },
      { archivo: 'tickets_a.csv', fila: 4, campo: 'estado' },
    ]);
    expect(rows[1]!.motivo).toMatch(/escalado/);
    expect(await t.admin.json('/api/cuarentena?pipeline=cartografia')).toEqual([]);
    const dl = await t.admin.fetch('/api/cuarentena?pipeline=tickets&formato=csv');
    expect(dl.headers.get('content-type')).toMatch(/text\/csv/);
    expect(dl.headers.get('content-disposition')).toMatch(/cuarentena_tickets\.csv/);
    const text = await dl.text();
    expect(text.replace(/^\ufeff/, '').split(/\r?\n/)[0]).toBe('proceso,ejecucion,archivo,fila,campo,motivo,valor,hoja');
    expect(text).toMatch(/tickets_a\.csv,3,fecha_apertura,/);
  });
});
