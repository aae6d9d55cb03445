import { describe, expect, test } from 'vitest';
import { warehouseForTests } from '../helpers/warehouse.js';
import {
  avanceIndicador, avanceMeta, clasificacionMeta, periodoMesFin, reporteTardio, semaforoIndicador, semaforoMeta, valorIndicador,
} from '../../src/domains/metas/rules.js';

const t = warehouseForTests();

const sql = async <T>(expr: string, params: unknown[]): Promise<T> =>
  ((await t.wh.one<{ x: T }>(`SELECT ${expr} AS x`, params as never))!).x;

/** [programado, realizado, avance, semáforo, clasificación] — computed by hand from DESIGN.md §3. */
const METAS: Array<[number, number, number | null, string, string | null]> = [
  [10, 9, 90, 'verde', 'parcialmente_cumplida'],        // 100×9/10 = 90 → lower edge of verde
  [100, 89.9, 89.9, 'amarillo', 'parcialmente_cumplida'], // just below 90
  [10, 7, 70, 'amarillo', 'parcialmente_cumplida'],     // 70 → lower edge of amarillo
  [100, 69.9, 69.9, 'rojo', 'parcialmente_cumplida'],   // just below 70
  [10, 13, 130, 'verde', 'rebasada'],                   // 130 → upper edge of verde; classification > 100
  [1000, 1301, 130.1, 'rebasada', 'rebasada'],          // > 130
  [10, 10, 100, 'verde', 'cumplida'],                   // exactly 100
  [10, 0, 0, 'rojo', 'no_cumplida'],                    // nothing reported
  [0, 0, null, 'sin_meta', null],                       // nothing programmed, nothing done
  [0, 3, null, 'rebasada', 'rebasada'],                 // nothing programmed, something done
  [4, 25, 625, 'rebasada', 'rebasada'],
];

describe('POA goal rules', () => {
  test.each(METAS)('programado %d, realizado %d → avance %s, %s, %s (TypeScript and SQL agree)', async (p, r, a, s, c) => {
    expect(avanceMeta(p, r)).toBe(a);
    expect(semaforoMeta(p, r)).toBe(s);
    expect(clasificacionMeta(p, r)).toBe(c);
    expect(await sql('core.avance_meta($1::DOUBLE, $2::DOUBLE)', [p, r])).toBe(a);
    expect(await sql('core.semaforo_meta($1::DOUBLE, $2::DOUBLE, NULL, NULL)', [p, r])).toBe(s);
    expect(await sql('core.clasificacion_meta($1::DOUBLE, $2::DOUBLE)', [p, r])).toBe(c);
  });

  test('late report: after the 10th of the following month (December → 10 January of the next year)', async () => {
    const cases: Array<[number, number, string, boolean]> = [
      [2026, 3, '2026-04-10', false], [2026, 3, '2026-04-11', true], [2026, 12, '2027-01-10', false], [2026, 12, '2027-01-11', true],
      [2026, 1, '2026-01-31', false],
    ];
    for (const [y, m, d, late] of cases) {
      expect(reporteTardio(y, m, d)).toBe(late);
      expect(await sql('core.reporte_tardio($1::INTEGER, $2::INTEGER, $3::DATE)', [y, m, d])).toBe(late);
    }
  });
});

/** [numerador, denominador, unidad, meta, sentido, uv, ua, valor, avance, semáforo] — by hand. */
const INDICADORES: Array<[number | null, number | null, string, number | null, string, number | null, number | null, number | null, number | null, string | null]> = [
  [45, 50, 'porcentaje', 100, 'ascendente', null, null, 90, 90, 'verde'],          // 45/50×100 = 90; 100×90/100 = 90
  [89, 100, 'porcentaje', 100, 'ascendente', null, null, 89, 89, 'amarillo'],
  [35, 50, 'porcentaje', 100, 'ascendente', null, null, 70, 70, 'amarillo'],       // 70 edge
  [69, 100, 'porcentaje', 100, 'ascendente', null, null, 69, 69, 'rojo'],
  [13, null, 'talleres', 10, 'ascendente', null, null, 13, 130, 'verde'],          // numerador alone; 130 edge
  [14, null, 'talleres', 10, 'ascendente', null, null, 14, 140, 'rebasada'],       // > 130
  [10, 1, 'horas', 9, 'descendente', null, null, 10, 90, 'verde'],                 // 100×9/10 = 90
  [20, 2, 'horas', 7, 'descendente', null, null, 10, 70, 'amarillo'],              // 100×7/10 = 70
  [16, 2, 'horas', 10, 'descendente', null, null, 8, 125, 'verde'],                // 100×10/8 = 125
  [5, 1, 'horas', 8, 'descendente', null, null, 5, 160, 'rebasada'],               // 100×8/5 = 160
  [92, 100, 'porcentaje', 100, 'ascendente', 95, 80, 92, 92, 'amarillo'],          // custom bands: 92 < 95
  [79, 100, 'porcentaje', 100, 'ascendente', 95, 80, 79, 79, 'rojo'],              // 79 < 80
  [95, 100, 'porcentaje', 100, 'ascendente', 95, 80, 95, 95, 'verde'],             // 95 edge
  [null, null, 'porcentaje', 100, 'ascendente', null, null, null, null, null],     // nothing reported
  [0, null, 'foros', 0, 'ascendente', null, null, 0, null, 'sin_meta'],            // nothing programmed, nothing done
  [3, null, 'foros', 0, 'ascendente', null, null, 3, null, 'rebasada'],            // nothing programmed, something done
  [0, 100, 'porcentaje', 5, 'descendente', null, null, 0, null, 'rebasada'],       // descendente, value 0 < target
  [40, 50, 'porcentaje', null, 'ascendente', null, null, 80, null, 'sin_meta'],    // no target for the period
];

describe('indicator rules', () => {
  test.each(INDICADORES)('%s / %s (%s), meta %s %s → valor, avance, semáforo (TypeScript and SQL agree)', async (n, d, u, meta, sentido, uv, ua, valor, avance, sem) => {
    expect(valorIndicador(n, d, u)).toBe(valor);
    expect(avanceIndicador(valor, meta, sentido)).toBe(avance);
    expect(semaforoIndicador(valor, meta, sentido, uv, ua)).toBe(sem);
    const v = await sql<number | null>('core.valor_indicador($1::DOUBLE, $2::DOUBLE, $3::VARCHAR)', [n, d, u]);
    expect(v).toBe(valor);
    expect(await sql('core.avance_indicador($1::DOUBLE, $2::DOUBLE, $3::VARCHAR)', [v, meta, sentido])).toBe(avance);
    expect(await sql('core.semaforo_indicador($1::DOUBLE, $2::DOUBLE, $3::VARCHAR, $4::DOUBLE, $5::DOUBLE)', [v, meta, sentido, uv, ua])).toBe(sem);
  });

  test('period end month', async () => {
    for (const [p, m] of [['2025-03', 3], ['2025-B2', 4], ['2025-T3', 9], ['2025-S1', 6], ['2025', 12], ['2025-X', null]] as const) {
      expect(periodoMesFin(p)).toBe(m);
      expect(await sql('core.periodo_mes_fin($1::VARCHAR)', [p])).toBe(m);
    }
  });
});
