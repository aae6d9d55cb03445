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
