import { describe, expect, test } from 'vitest';
import { warehouseForTests } from '../helpers/warehouse.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { indicadoresPipeline } from '../../pipelines/indicadores/index.js';
import { demoContext } from '../../src/demo/index.js';

describe('pipeline indicadores', () => {
  const t = warehouseForTests();

  test('the demo loads ~40 indicators per year at every level and frequency, with their measurements', async () => {
    await indicadoresPipeline.demo!(demoContext(t.config, { today: '2026-05-20' }));
    const r = await runPipeline(t.wh, indicadoresPipeline, { dataDir: t.dataDir });
    expect(r.estado).toBe('exito');
    expect(r.rechazadas).toBe(4); // one bad ficha and one bad measurement per year
    const por = await t.wh.all<{ ejercicio: number; n: number; niveles: number; frecuencias: number }>(
      `SELECT ejercicio, count(*)::INTEGER AS n, count(DISTINCT nivel)::INTEGER AS niveles, count(DISTINCT frecuencia)::INTEGER AS frecuencias
       FROM core.indicadores GROUP BY ejercicio ORDER BY ejercicio`);
    expect(por).toEqual([
      { ejercicio: 2025, n: 40, niveles: 4, frecuencias: 5 },
      { ejercicio: 2026, n: 40, niveles: 4, frecuencias: 5 },
    ]);
    const med = await t.wh.all<{ ejercicio: number; n: number; medidas: number }>(
      `SELECT ejercicio, count(*)::INTEGER AS n, count(numerador)::INTEGER AS medidas FROM core.indicador_mediciones GROUP BY ejercicio ORDER BY ejercicio`);
    for (const m of med) expect(m.n).toBeGreaterThanOrEqual(20);
    expect(med[0]!.medidas).toBe(med[0]!.n); // the past year is fully measured
    expect(med[1]!.medidas).toBeGreaterThan(20);
    expect(med[1]!.medidas).toBeLessThan(med[1]!.n); // future periods carry only their target
  });
});
