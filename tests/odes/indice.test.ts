import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { odesPipeline } from '../../pipelines/odes/index.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { DEFAULT_ODES_CONFIG, getOdesConfig, setOdesConfig } from '../../src/domains/odes/settings.js';
import { computeIndice, componenteMasDebil } from '../../src/domains/odes/indice.js';
import type { IndiceRow } from '../../src/domains/odes/types.js';
import { tempWarehouse } from '../helpers/warehouse.js';
import { dropFile } from '../helpers/warehouse.js';
import { dropFixture, EXPECTED, FILES, HASTA, PROCESO } from './fixture.js';

/*
 * Hand arithmetic at hasta = 2025-03-31 (everything due by the end of that day, Mexico City):
 * M001 (complete)
 *   instalacion  installed 10/01 ≤ programada 10/01                               → 100
 *   integracion  8 propietario positions; secretaria left 15/03, not refilled      → 7/8 = 87.5
 *   sesiones     #1–#4 due (#5 is 10/04); #3 without quorum                        → 3/4 = 75
 *   actas        held #1–#4; followed by a later held one: #1,#2,#3; #3 approved
 *                in #5 (not held by hasta)                                        → 2/3 = 66.67
 *   estrados     A1 6 h ✓, A2 48 h ✕, A3 11 h ✓, A4 not posted ✕ (A5 after hasta)    → 2/4 = 50
 *   entregables  enero on time, febrero late (marzo due 05/04)                     → 1/2 = 50
 *   supervision  V1-1 on time, V1-2 pending, V1-3 on its deadline (V2 due 15/04)   → 2/3 = 66.67
 *   indice = (100 + 87.5 + 75 + 66.667 + 50 + 50 + 66.667) / 7 = 495.833 / 7 = 70.83
 * M002 (supervision without data)
 *   instalacion 100; integracion 8/8 = 100; sesiones 2/2 = 100; actas #1 approved in #2 → 1/1 = 100;
 *   estrados B1 exactly 24 h ✓, B2 25 h ✕ → 50; entregables on its deadline → 100; supervision null
 *   indice = (100 + 100 + 100 + 100 + 50 + 100) / 6 = 550 / 6 = 91.67, 6 components with data
 * M003 (failing)
 *   instalacion 20/01 > 10/01 → 0; integracion 4/8 = 50; sesiones #1 ✓, #2 not held, #3 no quorum, #4 not held
 *   → 1/4 = 25; actas #1 followed by held #3, not approved → 0/1 = 0; estrados 0/2 = 0;
 *   entregables not delivered + late → 0/2 = 0; supervision pending + on time → 1/2 = 50
 *   indice = (0 + 50 + 25 + 0 + 0 + 0 + 50) / 7 = 125 / 7 = 17.86
 * M004: installation due 01/05 and nobody designated yet → every component null, indice null (a council not yet
 *   due with designations would still have integracion: tests/odes/reglas.test.ts).
 */
let t: Awaited<ReturnType<typeof tempWarehouse>>;
const byClave = (rows: IndiceRow[]): Record<string, IndiceRow> => Object.fromEntries(rows.map((r) => [r.clave_odes, r]));

beforeAll(async () => {
  t = await tempWarehouse('atalaya-odes-');
  dropFixture(t.dataDir);
  const r = await runPipeline(t.wh, odesPipeline, { dataDir: t.dataDir });
  expect(r.estado).toBe('exito');
  expect(r.rechazadas).toBe(0);
});
afterAll(() => t?.close());

describe('índice de cumplimiento ODES', () => {
  it('equals the hand-computed index and components of each council', async () => {
    const rows = byClave(await computeIndice(t.wh, PROCESO, [HASTA], DEFAULT_ODES_CONFIG));
    for (const [clave, exp] of Object.entries(EXPECTED)) {
      const r = rows[clave]!;
      expect(r, clave).toBeDefined();
      expect(r.componentes_con_datos, clave).toBe(exp.componentes_con_datos);
      if (exp.indice === null) expect(r.indice, clave).toBeNull();
      else expect(r.indice, clave).toBeCloseTo(exp.indice, 1);
      for (const [k, v] of Object.entries(exp.componentes)) {
        if (v === null) expect(r.componentes[k as keyof typeof r.componentes], `${clave}.${k}`).toBeNull();
        else expect(r.componentes[k as keyof typeof r.componentes], `${clave}.${k}`).toBeCloseTo(v, 1);
      }
    }
    expect(componenteMasDebil(rows.M001!.componentes)).toBe('estrados');
    expect(componenteMasDebil(rows.M004!.componentes)).toBeNull();
  });

  it('counts only what was due by hasta', async () => {
    // At 2025-01-31: M001 instalacion 100; integracion 8/8 = 100; sesiones #1 → 100; actas: #1 has no later held
    // session by then → null; estrados A1 ✓ → 100; entregables none due → null; supervision none due → null.
    // indice = (100 + 100 + 100 + 100) / 4 = 100 with 4 components.
    const [r] = await computeIndice(t.wh, PROCESO, ['2025-01-31'], DEFAULT_ODES_CONFIG, 'M001');
    expect(r!.componentes).toEqual({ instalacion: 100, integracion: 100, sesiones: 100, actas: null, estrados: 100, entregables: null, supervision: null });
    expect(r!.indice).toBe(100);
    expect(r!.componentes_con_datos).toBe(4);
  });

  it('changing a weight in the configuration changes the index as computed', async () => {
    await setOdesConfig(t.wh, 'prueba', { pesos: { estrados: 3 } });
    const cfg = await getOdesConfig(t.wh);
    expect(cfg.pesos.estrados).toBe(3);
    expect(cfg.pesos.actas).toBe(1);
    // M001: (495.833 + 2·50) / (7 + 2) = 595.833 / 9 = 66.20
    // M002: (550 + 2·50) / (6 + 2) = 650 / 8 = 81.25
    // M003: (125 + 2·0) / 9 = 13.89
    const rows = byClave(await computeIndice(t.wh, PROCESO, [HASTA], cfg));
    expect(rows.M001!.indice).toBeCloseTo(66.2, 1);
    expect(rows.M002!.indice).toBeCloseTo(81.25, 1);
    expect(rows.M003!.indice).toBeCloseTo(13.89, 1);
    // Audited with before and after.
    const a = await t.wh.one<{ antes: string; despues: string; usuario: string }>(`SELECT usuario, antes, despues FROM app.auditoria WHERE accion = 'odes.configuracion' ORDER BY id DESC LIMIT 1`);
    expect(a!.usuario).toBe('prueba');
    expect(JSON.parse(a!.antes).pesos.estrados).toBe(1);
    expect(JSON.parse(a!.despues).pesos.estrados).toBe(3);
    // The estrados hours are configuration too: with 48 h, A2 (48 h) is on time → M001 estrados 3/4 = 75.
    const rows48 = byClave(await computeIndice(t.wh, PROCESO, [HASTA], { ...DEFAULT_ODES_CONFIG, horas_estrados: 48 }));
    expect(rows48.M001!.componentes.estrados).toBe(75);
    await setOdesConfig(t.wh, 'prueba', { pesos: { estrados: 1 } });
  });

  it('loading the same files twice changes nothing', async () => {
    const snapshot = async () => ({
      counts: await t.wh.all(`SELECT 'c' t, count(*)::INT n FROM core.odes_consejos UNION ALL SELECT 'i', count(*)::INT FROM core.odes_integracion
        UNION ALL SELECT 's', count(*)::INT FROM core.odes_sesiones UNION ALL SELECT 'a', count(*)::INT FROM core.odes_acuerdos
        UNION ALL SELECT 'e', count(*)::INT FROM core.odes_entregables UNION ALL SELECT 'o', count(*)::INT FROM core.odes_supervision ORDER BY t`),
      indice: await computeIndice(t.wh, PROCESO, [HASTA], DEFAULT_ODES_CONFIG),
    });
    const before = await snapshot();
    // The very same files again: recognized by their content and skipped.
    dropFixture(t.dataDir);
    const r1 = await runPipeline(t.wh, odesPipeline, { dataDir: t.dataDir });
    expect(r1.estado).toBe('exito');
    expect(r1.avisos.some((a) => a.includes('ya se había cargado'))).toBe(true);
    expect(await snapshot()).toEqual(before);
    // The same rows in new files (other bytes, same keys): merged by key, still nothing changes.
    dropFixture(t.dataDir, Object.fromEntries(Object.entries(FILES).map(([n, c]) => [n.replace('_prueba', '_reenvio'), c.replaceAll('\r\n', '\n')])));
    const r2 = await runPipeline(t.wh, odesPipeline, { dataDir: t.dataDir });
    expect(r2.estado).toBe('exito');
    expect(r2.cargadas).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });

  it('a corrected fecha_fijacion_estrados updates the component', async () => {
    // A2 was posted 2 h after approval, not 48 h: M001 estrados 3/4 = 75;
    // indice = (100 + 87.5 + 75 + 66.667 + 75 + 50 + 66.667) / 7 = 520.833 / 7 = 74.40.
    dropFile(t.dataDir, 'odes', 'odes_acuerdos_correccion.csv',
      'proceso,clave_odes,clave_acuerdo,sesion_numero,fecha_aprobacion,fecha_fijacion_estrados\r\n' +
      `${PROCESO},M001,A2,2,05/02/2025 10:00,05/02/2025 12:00\r\n`);
    const r = await runPipeline(t.wh, odesPipeline, { dataDir: t.dataDir });
    expect(r.estado).toBe('exito');
    const [m1] = await computeIndice(t.wh, PROCESO, [HASTA], DEFAULT_ODES_CONFIG, 'M001');
    expect(m1!.componentes.estrados).toBe(75);
    expect(m1!.indice).toBeCloseTo(74.4, 1);
    const n = await t.wh.one<{ n: number }>(`SELECT count(*)::INT n FROM core.odes_acuerdos WHERE proceso = $1 AND clave_acuerdo = 'A2'`, [PROCESO]);
    expect(n!.n).toBe(1);
  });
});
