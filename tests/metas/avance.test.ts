import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dropFile, tempWarehouse } from '../helpers/warehouse.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { poaPipeline } from '../../pipelines/poa/index.js';
import { listaActividades, resumenMetas } from '../../src/domains/metas/queries/metas.js';

const HEAD = 'ejercicio,programa,programa_nombre,programa_especifico,programa_especifico_nombre,area,num_actividad,descripcion,unidad_medida,cantidad_anual,fecha_inicio,fecha_termino,ene,feb,mar,abr,may,jun,jul,ago,sep,oct,nov,dic,estatus';
const act = (pe: string, area: string, n: number, meses: number[], estatus = 'original'): string =>
  `2026,E404,Gestión,${pe},Programa ${pe},${area},${n},Actividad ${n},informe,${meses.reduce((a, b) => a + b, 0)},,,${meses.join(',')},${estatus}`;
const Z = [0, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * Q1 2026 (January–March), by hand:
 *   #1 UTP, first programmed ene 2, feb 2, mar 2 (Q1 = 6); reprogrammed to ene 2, feb 2, mar 0, abr 4 (Q1 = 4).
 *      Achieved ene 2 + feb 1 + mar 1 = 4 → now 100×4/4 = 100 (verde, cumplida);
 *      with the programming in force before the change 100×4/6 = 66.666667 (rojo, parcialmente cumplida).
 *   #2 UTP, nothing programmed until May, nothing done → sin_meta, no classification.
 *   #3 UTP, mar 10, achieved 8 reported 15/04 (late: after 10/04) → 80 (amarillo), 1 late report.
 *   #4 DEA, ene–mar 5 each (15), nothing reported → 0 (rojo, no cumplida), 3 months without report.
 *   Area avance = mean of the activities' avance: UTP (100 + 80) / 2 = 90; DEA 0.
 */
describe('cumulative avance of a quarter with a reprogrammed activity', () => {
  let t: Awaited<ReturnType<typeof tempWarehouse>>;
  let corte = '';
  beforeAll(async () => {
    t = await tempWarehouse();
    dropFile(t.dataDir, 'poa', 'poa_actividades_v1.csv', [
      HEAD,
      act('E404.19', 'UTP', 1, [2, 2, 2, ...Z]),
      act('E404.19', 'UTP', 2, [0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0]),
      act('E404.19', 'UTP', 3, [0, 0, 10, ...Z]),
      act('E404.16', 'DEA', 4, [5, 5, 5, ...Z]),
    ].join('\n'));
    dropFile(t.dataDir, 'poa', 'poa_avance_q1.csv', [
      'ejercicio,programa_especifico,num_actividad,mes,realizado,observaciones,fecha_reporte',
      '2026,E404.19,1,1,2,,05/02/2026',
      '2026,E404.19,1,2,1,,05/03/2026',
      '2026,E404.19,1,3,1,,06/04/2026',
      '2026,E404.19,3,3,8,,15/04/2026',
    ].join('\n'));
    expect((await runPipeline(t.wh, poaPipeline, { dataDir: t.dataDir })).estado).toBe('exito');
    corte = (await t.wh.one<{ c: string }>('SELECT max(vigente_desde)::VARCHAR AS c FROM core.poa_actividades_versiones'))!.c;
    dropFile(t.dataDir, 'poa', 'poa_actividades_v2.csv', [HEAD, act('E404.19', 'UTP', 1, [2, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0], 'modificada')].join('\n'));
    expect((await runPipeline(t.wh, poaPipeline, { dataDir: t.dataDir })).estado).toBe('exito');
  });
  afterAll(() => t.close());

  test('activities now and with the programming in force at the first load', async () => {
    const rows = await listaActividades(t.wh, { ejercicio: 2026, trimestre: 1, area: '' });
    const pick = rows.map((r) => [r.num_actividad, r.programado, r.realizado, r.avance_pct, r.semaforo, r.clasificacion, r.reportes_tardios, r.meses_sin_reporte]);
    expect(pick).toEqual([
      [4, 15, 0, 0, 'rojo', 'no_cumplida', 0, 3],
      [1, 4, 4, 100, 'verde', 'cumplida', 0, 0],
      [2, 0, 0, null, 'sin_meta', null, 0, 0],
      [3, 10, 8, 80, 'amarillo', 'parcialmente_cumplida', 1, 0],
    ]);
    expect(rows[1]!.programado_mensual.slice(0, 4)).toEqual([2, 2, 0, 4]);
    expect(rows[1]!.realizado_mensual.slice(0, 4)).toEqual([2, 1, 1, null]);
    const antes = await listaActividades(t.wh, { ejercicio: 2026, trimestre: 1, area: 'UTP', corte });
    expect(antes.find((r) => r.num_actividad === 1)).toMatchObject({ programado: 6, realizado: 4, avance_pct: 66.666667, semaforo: 'rojo', clasificacion: 'parcialmente_cumplida', estatus: 'original' });
  });

  test('summary by semáforo and area', async () => {
    const r = await resumenMetas(t.wh, { ejercicio: 2026, trimestre: 1, area: '' });
    expect(r).toMatchObject({ verde: 1, amarillo: 1, rojo: 1, rebasada: 0, sin_meta: 1, actividades: 4, reportes_tardios: 1, meses_sin_reporte: 3 });
    expect(r.por_area.map((a) => [a.area, a.verde, a.amarillo, a.rojo, a.rebasada, a.sin_meta, a.avance_pct])).toEqual([
      ['DEA', 0, 0, 1, 0, 0, 0],
      ['UTP', 1, 1, 0, 0, 1, 90],
    ]);
    // Q2 (January–June): #1 programmed 8, achieved 4 → 50; #2 programmed 6, nothing done → 0.
    const q2 = await listaActividades(t.wh, { ejercicio: 2026, trimestre: 2, area: 'UTP' });
    expect(q2.map((x) => [x.num_actividad, x.avance_pct, x.semaforo])).toEqual([[1, 50, 'rojo'], [2, 0, 'rojo'], [3, 80, 'amarillo']]);
    await expect(resumenMetas(t.wh, { ejercicio: 2019, trimestre: 1, area: '' })).rejects.toThrow('No hay actividades del POA cargadas para el ejercicio 2019.');
  });
});
