import { describe, expect, test } from 'vitest';
import { dropFile, warehouseForTests } from '../helpers/warehouse.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { poaPipeline } from '../../pipelines/poa/index.js';
import { demoContext } from '../../src/demo/index.js';

const HEAD = 'ejercicio,programa,programa_nombre,programa_especifico,programa_especifico_nombre,area,num_actividad,descripcion,unidad_medida,cantidad_anual,fecha_inicio,fecha_termino,ene,feb,mar,abr,may,jun,jul,ago,sep,oct,nov,dic,estatus';
const act = (n: number, meses: number[], estatus = 'original'): string =>
  `2026,E404,Gestión,E404.19,Planeación,UTP,${n},Actividad ${n},informe,${meses.reduce((a, b) => a + b, 0)},01/01/2026,31/12/2026,${meses.join(',')},${estatus}`;

describe('pipeline poa', () => {
  const t = warehouseForTests();

  test('the demo loads this year (XLSX) and last year (CSV), quarantining its bad rows', async () => {
    const ctx = demoContext(t.config, { today: '2026-05-20' });
    await poaPipeline.demo!(ctx);
    const r = await runPipeline(t.wh, poaPipeline, { dataDir: t.dataDir });
    expect(r.estado).toBe('exito');
    expect(r.rechazadas).toBeGreaterThanOrEqual(3);
    const por = await t.wh.all<{ ejercicio: number; n: number; areas: number }>(
      'SELECT ejercicio, count(*)::INTEGER AS n, count(DISTINCT area)::INTEGER AS areas FROM core.poa_actividades GROUP BY ejercicio ORDER BY ejercicio');
    expect(por.map((x) => x.ejercicio)).toEqual([2025, 2026]);
    for (const x of por) {
      expect(x.n).toBeGreaterThanOrEqual(600);
      expect(x.areas).toBeGreaterThanOrEqual(15);
    }
    const av = await t.wh.one<{ meses: number; tardios: number }>(
      `SELECT count(DISTINCT mes)::INTEGER AS meses, count(*) FILTER (WHERE core.reporte_tardio(ejercicio, mes, fecha_reporte))::INTEGER AS tardios
       FROM core.poa_avance WHERE ejercicio = 2026`);
    expect(av!.meses).toBe(4); // January–April reported by 20 May
    expect(av!.tardios).toBeGreaterThan(0);
    const q = await t.wh.all<{ campo: string }>(`SELECT DISTINCT campo FROM ops.cuarentena WHERE pipeline = 'poa' ORDER BY campo`);
    expect(q.map((x) => x.campo)).toEqual(expect.arrayContaining(['estatus', 'mes', 'realizado']));
    const versiones = await t.wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM core.poa_actividades_versiones');
    expect(versiones!.n).toBe(por[0]!.n + por[1]!.n);
  });

  test('a reprogrammed activity keeps its versions; loading the same programming again adds none', async () => {
    dropFile(t.dataDir, 'poa', 'poa_actividades_v1.csv', [HEAD, act(901, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])].join('\n'));
    expect((await runPipeline(t.wh, poaPipeline, { dataDir: t.dataDir })).estado).toBe('exito');
    // Same content under another name: a new file, but no change in programming → no new version.
    dropFile(t.dataDir, 'poa', 'poa_actividades_v1_copia.csv', [HEAD, act(901, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), ''].join('\n'));
    expect((await runPipeline(t.wh, poaPipeline, { dataDir: t.dataDir })).estado).toBe('exito');
    dropFile(t.dataDir, 'poa', 'poa_actividades_v2.csv', [HEAD, act(901, [1, 1, 0, 2, 1, 1, 1, 1, 1, 1, 1, 1], 'modificada')].join('\n'));
    expect((await runPipeline(t.wh, poaPipeline, { dataDir: t.dataDir })).estado).toBe('exito');
    const v = await t.wh.all<{ version: number; estatus: string; mar: number; abr: number }>(
      `SELECT version, estatus, mar, abr FROM core.poa_actividades_versiones WHERE programa_especifico = 'E404.19' AND num_actividad = 901 ORDER BY version`);
    expect(v).toEqual([{ version: 1, estatus: 'original', mar: 1, abr: 1 }, { version: 2, estatus: 'modificada', mar: 0, abr: 2 }]);
    const cur = await t.wh.one<{ mar: number; estatus: string }>(`SELECT mar, estatus FROM core.poa_actividades WHERE num_actividad = 901`);
    expect(cur).toEqual({ mar: 0, estatus: 'modificada' });
  });
});
