import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarioPipeline } from '../../pipelines/calendario/index.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { todayMx } from '../../src/core/time.js';
import { actividades, atrasadas, existeProceso, historial, porVencer, procesos, resumen } from '../../src/domains/calendario/queries.js';
import type { ConteoEstados } from '../../src/domains/calendario/types.js';
import { tempWarehouse } from '../helpers/warehouse.js';
import { dropCalendario, H, P, ROWS } from './fixture.js';

let t: Awaited<ReturnType<typeof tempWarehouse>>;
beforeAll(async () => {
  t = await tempWarehouse('atalaya-cal-estados-');
  dropCalendario(t.dataDir);
  const r = await runPipeline(t.wh, calendarioPipeline, { dataDir: t.dataDir });
  expect(r).toMatchObject({ estado: 'exito', cargadas: 24, rechazadas: 0 });
});
afterAll(() => t?.close());

const conteos = (r: ConteoEstados) => ({
  por_iniciar: r.por_iniciar, en_ejecucion: r.en_ejecucion, fuera_de_plazo: r.fuera_de_plazo, concluida: r.concluida,
  concluida_fuera_de_plazo: r.concluida_fuera_de_plazo, canceladas: r.canceladas,
});

describe('estados del calendario integral', () => {
  it('each activity gets its state at every edge of the rules', async () => {
    const rows = await actividades(t.wh, { proceso: P, hasta: H });
    // The calendar's own numbering, in numeric order (1.10 after 1.9).
    expect(rows.map((x) => x.id_actividad)).toEqual(ROWS.map((x) => x[0]));
    expect(Object.fromEntries(rows.map((x) => [x.id_actividad, x.estado]))).toEqual({
      '1.1': 'concluida', '1.2': 'concluida', '1.3': 'concluida_fuera_de_plazo', '1.4': 'concluida_fuera_de_plazo',
      '1.5': 'en_ejecucion', '1.6': 'fuera_de_plazo', '1.7': 'en_ejecucion', '1.8': 'fuera_de_plazo',
      '1.9': 'en_ejecucion', '1.10': 'por_iniciar', '1.11': 'en_ejecucion', '1.12': 'por_iniciar',
      '1.13': 'en_ejecucion', '1.14': null, '1.15': null, '1.16': 'concluida',
      '1.17': 'por_iniciar', '1.18': 'en_ejecucion', '1.19': 'en_ejecucion', '1.20': 'en_ejecucion',
    });
    const atraso = Object.fromEntries(rows.filter((x) => x.dias_atraso !== null).map((x) => [x.id_actividad, x.dias_atraso]));
    expect(atraso).toEqual({ '1.3': 1, '1.4': 15, '1.6': 5, '1.8': 1 });
    // Cancelled: no state, and the row says why.
    expect(rows.filter((x) => x.estado === null).map((x) => [x.id_actividad, x.estatus])).toEqual([['1.14', 'cancelada'], ['1.15', 'cancelada']]);
    // Real dates after H are still shown as reported.
    expect(rows.find((x) => x.id_actividad === '1.5')).toMatchObject({ fecha_fin_real: '2025-03-11', fecha_inicio: '2025-03-01', area: 'DEOE', subproceso: 'Prueba' });
  });

  it('counts by state and cumplimiento of the process and of each area', async () => {
    const r = (await resumen(t.wh, { proceso: P, hasta: H }))!;
    expect(r).toMatchObject({ proceso: P, hasta: H, area: null });
    expect(conteos(r)).toEqual({ por_iniciar: 3, en_ejecucion: 8, fuera_de_plazo: 2, concluida: 3, concluida_fuera_de_plazo: 2, canceladas: 2 });
    expect(r.cumplimiento_pct).toBeCloseTo((100 * 3) / 7, 10);
    const a = Object.fromEntries(r.por_area.map((x) => [x.area, { ...conteos(x), pct: x.cumplimiento_pct }]));
    expect(Object.keys(a)).toEqual(['DEOE', 'UTCS', 'UTP', 'UTS', 'UTSI']);
    expect(a.UTP).toEqual({ por_iniciar: 0, en_ejecucion: 0, fuera_de_plazo: 0, concluida: 2, concluida_fuera_de_plazo: 1, canceladas: 0, pct: expect.closeTo(200 / 3, 10) });
    // Nothing concluded on time, but something was due: 0, not null.
    expect(a.DEOE).toEqual({ por_iniciar: 0, en_ejecucion: 2, fuera_de_plazo: 1, concluida: 0, concluida_fuera_de_plazo: 1, canceladas: 0, pct: 0 });
    expect(a.UTSI).toEqual({ por_iniciar: 2, en_ejecucion: 2, fuera_de_plazo: 1, concluida: 0, concluida_fuera_de_plazo: 0, canceladas: 0, pct: 0 });
    expect(a.UTS).toEqual({ por_iniciar: 0, en_ejecucion: 1, fuera_de_plazo: 0, concluida: 1, concluida_fuera_de_plazo: 0, canceladas: 2, pct: 100 });
    // Nothing due yet: zero denominator → null.
    expect(a.UTCS).toEqual({ por_iniciar: 1, en_ejecucion: 3, fuera_de_plazo: 0, concluida: 0, concluida_fuera_de_plazo: 0, canceladas: 0, pct: null });
  });

  it('the same calendar before everything and after everything', async () => {
    // 15/01: only 1.4 (10/01–20/01) has started; nothing is due → cumplimiento null.
    const antes = (await resumen(t.wh, { proceso: P, hasta: '2025-01-15' }))!;
    expect(conteos(antes)).toEqual({ por_iniciar: 17, en_ejecucion: 1, fuera_de_plazo: 0, concluida: 0, concluida_fuera_de_plazo: 0, canceladas: 2 });
    expect(antes.cumplimiento_pct).toBeNull();
    // 31/12: every real date counts. 1.5 ended 11/03 ≤ 15/03 → concluida; 1.6 ended 11/03 > 05/03 → late; the rest never ended.
    const despues = (await resumen(t.wh, { proceso: P, hasta: '2025-12-31' }))!;
    expect(conteos(despues)).toEqual({ por_iniciar: 0, en_ejecucion: 0, fuera_de_plazo: 11, concluida: 4, concluida_fuera_de_plazo: 3, canceladas: 2 });
    expect(despues.cumplimiento_pct).toBeCloseTo((100 * 4) / 18, 10);
  });

  it('the area and state filters', async () => {
    const deoe = (await resumen(t.wh, { proceso: P, hasta: H, area: 'DEOE' }))!;
    expect(deoe.area).toBe('DEOE');
    expect(conteos(deoe)).toEqual({ por_iniciar: 0, en_ejecucion: 2, fuera_de_plazo: 1, concluida: 0, concluida_fuera_de_plazo: 1, canceladas: 0 });
    expect(deoe.cumplimiento_pct).toBe(0);
    expect(deoe.por_area.map((x) => x.area)).toEqual(['DEOE']);
    const nadie = (await resumen(t.wh, { proceso: P, hasta: H, area: 'OIC' }))!;
    expect(conteos(nadie)).toEqual({ por_iniciar: 0, en_ejecucion: 0, fuera_de_plazo: 0, concluida: 0, concluida_fuera_de_plazo: 0, canceladas: 0 });
    expect(nadie.cumplimiento_pct).toBeNull();
    expect(nadie.por_area).toEqual([]);
    expect((await actividades(t.wh, { proceso: P, hasta: H, area: 'UTCS' })).map((x) => x.id_actividad)).toEqual(['1.17', '1.18', '1.19', '1.20']);
    expect((await actividades(t.wh, { proceso: P, hasta: H, estado: 'en_ejecucion' })).map((x) => x.id_actividad))
      .toEqual(['1.5', '1.7', '1.9', '1.11', '1.13', '1.18', '1.19', '1.20']);
    expect((await actividades(t.wh, { proceso: P, hasta: H, area: 'UTSI', estado: 'por_iniciar' })).map((x) => x.id_actividad)).toEqual(['1.10', '1.12']);
  });

  it('late activities, and those due in the next 15 days (both ends included)', async () => {
    const late = await atrasadas(t.wh, { proceso: P, hasta: H });
    expect(late.map((x) => [x.id_actividad, x.dias_atraso])).toEqual([['1.6', 5], ['1.8', 1]]);
    const due = await porVencer(t.wh, { proceso: P, hasta: H });
    expect(due.map((x) => [x.id_actividad, x.dias_restantes])).toEqual([
      ['1.7', 0], ['1.5', 5], ['1.9', 10], ['1.10', 10], ['1.11', 10], ['1.12', 10], ['1.18', 14], ['1.13', 15], ['1.19', 15],
    ]);
    expect((await porVencer(t.wh, { proceso: P, hasta: H, area: 'UTCS', dias: 14 })).map((x) => x.id_actividad)).toEqual(['1.18']);
    expect((await atrasadas(t.wh, { proceso: P, hasta: H, area: 'UTSI' })).map((x) => x.id_actividad)).toEqual(['1.8']);
  });

  it('changes of programmed dates: how many, the original dates, and the history with its acuerdos', async () => {
    const rows = await actividades(t.wh, { proceso: P, hasta: H });
    const c = Object.fromEntries(rows.filter((x) => x.cambios > 0).map((x) => [x.id_actividad, [x.cambios, x.fecha_inicio_original, x.fecha_fin_original]]));
    expect(c).toEqual({ '1.9': [2, '2025-02-01', '2025-02-10'], '1.13': [1, '2025-03-05', '2025-03-15'] });
    expect(rows.find((x) => x.id_actividad === '1.1')).toMatchObject({ cambios: 0, fecha_inicio_original: '2025-03-01', fecha_fin_original: '2025-03-10' });
    const h = (await historial(t.wh, P, '1.9'))!;
    expect(h).toMatchObject({ proceso: P, id_actividad: '1.9', area: 'UTSI', estatus: 'vigente',
      original: { fecha_inicio: '2025-02-01', fecha_fin: '2025-02-10' }, actual: { fecha_inicio: '2025-03-10', fecha_fin: '2025-03-20' } });
    expect(h.cambios).toEqual([
      { acuerdo: 'OPLEV/CG020/2025', fecha_acuerdo: '2025-01-15', fecha_inicio_anterior: '2025-02-01', fecha_fin_anterior: '2025-02-10',
        fecha_inicio_nueva: '2025-02-15', fecha_fin_nueva: '2025-02-28', motivo: 'Primera' },
      { acuerdo: 'OPLEV/CG031/2025', fecha_acuerdo: '2025-02-10', fecha_inicio_anterior: '2025-02-15', fecha_fin_anterior: '2025-02-28',
        fecha_inicio_nueva: '2025-03-10', fecha_fin_nueva: '2025-03-20', motivo: 'Segunda' },
    ]);
    expect(await historial(t.wh, P, '9.9')).toBeNull();
    expect(await historial(t.wh, 'OTRO', '1.9')).toBeNull();
  });

  it('processes, an unknown process, and hasta by default today in Mexico City', async () => {
    expect(await procesos(t.wh)).toEqual([{ proceso: P, nombre: P, actividades: 20, inicio: '2025-01-01', fin: '2025-04-30' }]);
    expect(await existeProceso(t.wh, P)).toBe(true);
    expect(await resumen(t.wh, { proceso: 'OTRO', hasta: H })).toBeNull();
    expect(await actividades(t.wh, { proceso: 'OTRO', hasta: H })).toEqual([]);
    const before = todayMx();
    const r = (await resumen(t.wh, { proceso: P }))!;
    expect([before, todayMx()]).toContain(r.hasta);
    // Today is long after every date of this calendar: the same as any date after its end.
    expect(conteos(r)).toEqual(conteos((await resumen(t.wh, { proceso: P, hasta: '2025-12-31' }))!));
  });
});
