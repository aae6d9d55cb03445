import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/api.js';
import { runAndWait, userClient, type Client } from '../helpers/client.js';
import { dropCalendario, H, P } from './fixture.js';

/**
 * /api/calendario over HTTP (in process) on the hand-built calendar of tests/calendario/fixture.ts, as of
 * H = 10/03/2025: concluida 3, concluida_fuera_de_plazo 2, fuera_de_plazo 2 (1.6, 1.8), en_ejecucion 8,
 * por_iniciar 3, canceladas 2; cumplimiento 3 / 7. DEOE: en_ejecucion 2, fuera_de_plazo 1, concluida_fuera 1.
 */
let deoe: Client;
const t = adminApi(async ({ srv, admin }) => {
  dropCalendario(srv.dataDir);
  await runAndWait(admin, 'calendario');
  deoe = await userClient(srv, admin, 'eva.deoe', 'area', 'DEOE');
});

const Q = `proceso=${P}&hasta=${H}`;
const conteos = (r: Record<string, unknown>) =>
  Object.fromEntries(['por_iniciar', 'en_ejecucion', 'fuera_de_plazo', 'concluida', 'concluida_fuera_de_plazo', 'canceladas'].map((k) => [k, r[k]]));
const error = async (r: Response): Promise<unknown> => ({ status: r.status, ...((await r.json()) as object) });

describe('GET /api/calendario', () => {
  it('procesos lists the calendar with its activities', async () => {
    expect(await t.admin.json('/api/calendario/procesos')).toEqual([{ proceso: P, nombre: P, actividades: 20, inicio: '2025-01-01', fin: '2025-04-30' }]);
  });

  it('resumen: the counts of DESIGN.md §6, cumplimiento and each area', async () => {
    const r = await t.admin.json<Record<string, unknown> & { por_area: Array<Record<string, unknown>> }>(`/api/calendario/resumen?${Q}`);
    expect(conteos(r)).toEqual({ por_iniciar: 3, en_ejecucion: 8, fuera_de_plazo: 2, concluida: 3, concluida_fuera_de_plazo: 2, canceladas: 2 });
    expect(r.cumplimiento_pct).toBeCloseTo(300 / 7, 10);
    expect(r.por_area.map((a) => [a.area, a.fuera_de_plazo, a.cumplimiento_pct])).toEqual([
      ['DEOE', 1, 0], ['UTCS', 0, null], ['UTP', 0, expect.closeTo(200 / 3, 10)], ['UTS', 0, 100], ['UTSI', 1, 0],
    ]);
    // Without proceso: the latest calendar (the only one here).
    expect(conteos(await t.admin.json(`/api/calendario/resumen?hasta=${H}`))).toEqual(conteos(r));
  });

  it('actividades: the row of §6, filtered by state; late and due soon', async () => {
    const rows = await t.admin.json<Array<Record<string, unknown>>>(`/api/calendario/actividades?${Q}&estado=fuera_de_plazo`);
    expect(rows.map((x) => [x.id_actividad, x.area, x.dias_atraso])).toEqual([['1.6', 'DEOE', 5], ['1.8', 'UTSI', 1]]);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['id_actividad', 'actividad', 'area', 'fecha_inicio', 'fecha_fin', 'fecha_inicio_real', 'fecha_fin_real', 'estado', 'cambios']));
    expect(rows[0]).toMatchObject({ fecha_inicio: '2025-02-01', fecha_fin: '2025-03-05', fecha_inicio_real: '2025-02-01', fecha_fin_real: '2025-03-11', estado: 'fuera_de_plazo', cambios: 0 });
    const todas = await t.admin.json<Array<{ id_actividad: string; cambios: number }>>(`/api/calendario/actividades?${Q}`);
    expect(todas.length).toBe(20);
    expect(todas.filter((x) => x.cambios > 0).map((x) => [x.id_actividad, x.cambios])).toEqual([['1.9', 2], ['1.13', 1]]);
    expect((await t.admin.json<Array<{ id_actividad: string }>>(`/api/calendario/atrasadas?${Q}`)).map((x) => x.id_actividad)).toEqual(['1.6', '1.8']);
    const due = await t.admin.json<Array<{ id_actividad: string; dias_restantes: number }>>(`/api/calendario/por_vencer?${Q}&area=UTCS`);
    expect(due.map((x) => [x.id_actividad, x.dias_restantes])).toEqual([['1.18', 14], ['1.19', 15]]);
  });

  it('historial: original → current dates with each acuerdo', async () => {
    const h = await t.admin.json<{ original: unknown; actual: unknown; cambios: Array<{ acuerdo: string }> }>(`/api/calendario/actividades/1.9/historial?proceso=${P}`);
    expect(h.original).toEqual({ fecha_inicio: '2025-02-01', fecha_fin: '2025-02-10' });
    expect(h.actual).toEqual({ fecha_inicio: '2025-03-10', fecha_fin: '2025-03-20' });
    expect(h.cambios.map((c) => c.acuerdo)).toEqual(['OPLEV/CG020/2025', 'OPLEV/CG031/2025']);
    expect(await error(await t.admin.fetch(`/api/calendario/actividades/9.9/historial?proceso=${P}`)))
      .toEqual({ status: 404, error: `La actividad «9.9» no está en el calendario de ${P}.`, parametro: 'id' });
  });

  it('the workbook holds the same rows', async () => {
    const r = await t.admin.fetch(`/api/calendario/actividades.xlsx?${Q}&area=DEOE`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain(`calendario_${P}_${H}_DEOE.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    const ws = wb.worksheets[0]!;
    const filas = ws.getSheetValues().slice(3).map((v) => (v as unknown[]).slice(1));
    expect(filas.map((f) => [f[0], f[8], f[9] ?? null])).toEqual([
      ['1.4', 'Concluida fuera de plazo', 15], ['1.5', 'En ejecución', null], ['1.6', 'Fuera de plazo', 5], ['1.7', 'En ejecución', null],
    ]);
    expect(filas[0]![5]).toBe('20/01/2025');
  });

  it('an area with quotes or a right-to-left override reaches the file name cleaned, never the header as sent', async () => {
    const r = await t.admin.fetch(`/api/calendario/actividades.xlsx?${Q}&area=${encodeURIComponent('Ñu"\u202e;x')}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="calendario_${P}_${H}_Nux.xlsx"`);
  });

  it('an unknown process is 404 and bad parameters are 400, in Spanish, naming the parameter', async () => {
    expect(await error(await t.admin.fetch(`/api/calendario/resumen?proceso=PELO_1990_1991`)))
      .toEqual({ status: 404, error: 'El proceso «PELO_1990_1991» no tiene calendario integral cargado.', parametro: 'proceso' });
    expect((await t.admin.fetch(`/api/calendario/actividades?proceso=PELO_1990_1991`)).status).toBe(404);
    const bad: Array<[string, string]> = [
      [`/api/calendario/resumen?proceso=${P}&hasta=10/03/2025`, 'hasta'],
      [`/api/calendario/resumen?proceso=${P}&hasta=2025-02-30`, 'hasta'],
      [`/api/calendario/actividades?proceso=${P}&estado=atrasada`, 'estado'],
      ['/api/calendario/actividades?proceso=PELO%202024', 'proceso'],
      [`/api/calendario/actividades?proceso=${P}&proceso=${P}`, 'proceso'],
      [`/api/calendario/por_vencer?proceso=${P}&area=${'X'.repeat(41)}`, 'area'],
    ];
    for (const [url, parametro] of bad) {
      const r = await t.admin.fetch(url);
      const b = (await r.json()) as { error: string; parametro: string };
      expect([url, r.status, b.parametro]).toEqual([url, 400, parametro]);
      expect(b.error).toMatch(new RegExp(`^El parámetro «${parametro}» `));
    }
  });

  it('an area user sees only its own area, whatever it asks for', async () => {
    const r = await deoe.json<Record<string, unknown> & { por_area: Array<{ area: string }> }>(`/api/calendario/resumen?${Q}&area=UTP`);
    expect(r.area).toBe('DEOE');
    expect(conteos(r)).toEqual({ por_iniciar: 0, en_ejecucion: 2, fuera_de_plazo: 1, concluida: 0, concluida_fuera_de_plazo: 1, canceladas: 0 });
    expect(r.por_area.map((a) => a.area)).toEqual(['DEOE']);
    expect((await deoe.json<Array<{ id_actividad: string }>>(`/api/calendario/actividades?${Q}`)).map((x) => x.id_actividad)).toEqual(['1.4', '1.5', '1.6', '1.7']);
    expect((await deoe.json<Array<{ id_actividad: string }>>(`/api/calendario/atrasadas?${Q}&area=UTSI`)).map((x) => x.id_actividad)).toEqual(['1.6']);
    const otra = await deoe.fetch(`/api/calendario/actividades/1.9/historial?proceso=${P}`);
    expect(await error(otra)).toEqual({ status: 403, error: 'Solo puede consultar las actividades de su área (DEOE).' });
  });

  it('utp and direccion read it; other units do not; without a session, 401', async () => {
    for (const rol of ['utp', 'direccion']) expect((await (await userClient(t.srv, t.admin, `u.${rol}`, rol)).fetch('/api/calendario/procesos')).status).toBe(200);
    expect((await (await userClient(t.srv, t.admin, 'u.utsi', 'utsi')).fetch('/api/calendario/procesos')).status).toBe(403);
    expect((await t.srv.client().fetch('/api/calendario/procesos')).status).toBe(401);
  });

  it('the Resumen has the calendar card: cumplimiento today with its semáforo', async () => {
    const r = await t.admin.json<{ tarjetas: Array<{ id: string; valor: number | null; semaforo: string; secundarios: Array<{ etiqueta: string; valor: number }>; enlace: string }> }>('/api/resumen');
    const c = r.tarjetas.find((x) => x.id === 'calendario')!;
    // Today every date of the fixture has passed: concluida 4 (1.1, 1.2, 1.5, 1.16) / (4 + 3 + 11) = 22.2 % < 70 → rojo.
    expect(c).toMatchObject({ valor: 22.2, semaforo: 'rojo' });
    expect(c.secundarios.find((s) => s.etiqueta.startsWith('Fuera de plazo'))?.valor).toBe(11);
    expect(c.enlace).toMatch(/^\/calendario\?proceso=PRUEBA&hasta=\d{4}-\d{2}-\d{2}$/);
  });
});
