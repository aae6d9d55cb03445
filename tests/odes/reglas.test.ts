import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARGOS as CARGOS_CONTRATO } from '../../pipelines/odes/contract.js';
import { odesPipeline } from '../../pipelines/odes/index.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { computeIndice } from '../../src/domains/odes/indice.js';
import { consejoDetalle, resolveProceso } from '../../src/domains/odes/queries.js';
import { DEFAULT_ODES_CONFIG } from '../../src/domains/odes/settings.js';
import { CARGOS, type IndiceRow } from '../../src/domains/odes/types.js';
import { tempWarehouse } from '../helpers/warehouse.js';
import { dropFixture } from './fixture.js';

/*
 * DESIGN.md §3 ODES, the rules the main fixture (fixture.ts) does not reach, at hasta = 2025-03-31 with the default
 * configuration (weights 1, estrados 24 h). "By hasta" = before 2025-04-01 00:00 America/Mexico_City.
 *
 * M010 — installation due 15/04 (after hasta), not installed; measured on its own:
 *   instalacion  not yet due                                                     → null
 *   integracion  presidencia, secretaria, consejeria_1 designated 01/03 (propietario); consejeria_2 only on 10/04
 *                (after hasta); the presidencia suplente does not count           → 3/8 = 37.5
 *   entregables  «Informe de preparativos» due 20/03, delivered 19/03           → 1/1 = 100
 *   indice = (37.5 + 100) / 2 = 68.75, 2 components with data
 * M011 — installed on time; only six cargos were ever designated (both vocalías never):
 *   instalacion  10/01 ≤ 10/01                                                  → 100
 *   integracion  the 8 propietario positions of a council are the denominator    → 6/8 = 75
 *   estrados     E1 approved 30/03 23:30, limit 31/03 23:30 passed, not posted     ✕ due
 *                E2 approved 31/03 23:00 (an hour before the end of hasta), limit 01/04 23:00   not due yet
 *                E3 approved 31/03 00:00, limit 01/04 00:00 = the end of hasta, posted after 10 h  ✓ due
 *                E4 approved 29/03 10:00, posted 31/03 09:00 (47 h)             ✕ due
 *                E5 approved 31/03 12:00, posted 13:00 — its limit (01/04 12:00) has not passed   not due yet
 *                                                                             → 1/3 = 33.33
 *   indice = (100 + 75 + 33.333) / 3 = 208.333 / 3 = 69.44, 3 components
 * M012 — installed 01/03, nobody was ever designated to any cargo:
 *   instalacion 100; integracion 0/8 = 0 → indice = (100 + 0) / 2 = 50, 2 components
 * M013 — installation due 15/04, its only designation is on 12/04: nothing to measure → every component null.
 */
const PROCESO = 'REGLAS_2025';
const HASTA = '2025-03-31';
const P = PROCESO;
const FILES: Record<string, string> = {
  'odes_consejos_reglas.csv': [
    'proceso,clave_odes,tipo,cabecera,fecha_instalacion_programada,fecha_instalacion,fecha_conclusion',
    `${P},M010,municipal,Altotonga,15/04/2025,,`,
    `${P},M011,municipal,Alvarado,10/01/2025,10/01/2025,`,
    `${P},M012,municipal,Amatlán de los Reyes,01/03/2025,01/03/2025,`,
    `${P},M013,municipal,Amatitlán,15/04/2025,,`,
  ].join('\r\n'),
  'odes_integracion_reglas.csv': [
    'proceso,clave_odes,cargo,calidad,persona,fecha_designacion,fecha_baja,motivo_baja',
    `${P},M010,presidencia,propietario,R10-1,01/03/2025,,`,
    `${P},M010,secretaria,propietario,R10-2,01/03/2025,,`,
    `${P},M010,consejeria_1,propietario,R10-3,01/03/2025,,`,
    `${P},M010,consejeria_2,propietario,R10-4,10/04/2025,,`,
    `${P},M010,presidencia,suplente,R10-5,01/03/2025,,`,
    ...['presidencia', 'consejeria_1', 'consejeria_2', 'consejeria_3', 'consejeria_4', 'secretaria'].map((c, i) => `${P},M011,${c},propietario,R11-${i},20/12/2024,,`),
    `${P},M013,presidencia,propietario,R13-1,12/04/2025,,`,
  ].join('\r\n'),
  'odes_acuerdos_reglas.csv': [
    'proceso,clave_odes,clave_acuerdo,sesion_numero,fecha_aprobacion,fecha_fijacion_estrados',
    `${P},M011,E1,1,30/03/2025 23:30,`,
    `${P},M011,E2,1,31/03/2025 23:00,`,
    `${P},M011,E3,1,31/03/2025 00:00,31/03/2025 10:00`,
    `${P},M011,E4,1,29/03/2025 10:00,31/03/2025 09:00`,
    `${P},M011,E5,1,31/03/2025 12:00,31/03/2025 13:00`,
  ].join('\r\n'),
  'odes_entregables_reglas.csv': [
    'proceso,clave_odes,entregable,fecha_limite,fecha_entrega',
    `${P},M010,Informe de preparativos,20/03/2025,19/03/2025`,
  ].join('\r\n'),
};

let t: Awaited<ReturnType<typeof tempWarehouse>>;
const byClave = (rows: IndiceRow[]): Record<string, IndiceRow> => Object.fromEntries(rows.map((r) => [r.clave_odes, r]));

beforeAll(async () => {
  t = await tempWarehouse('atalaya-odes-reglas-');
  dropFixture(t.dataDir, FILES);
  const r = await runPipeline(t.wh, odesPipeline, { dataDir: t.dataDir });
  expect(r.estado).toBe('exito');
  expect(r.rechazadas).toBe(0);
});
afterAll(() => t?.close());

describe('ODES: each component on its own (DESIGN.md §3)', () => {
  it('the catalog of propietario positions is the contract’s list of cargos', () => {
    expect([...CARGOS]).toEqual([...CARGOS_CONTRATO]);
  });

  it('a council not yet due to be installed has integracion from its designations, and whatever else was due', async () => {
    const rows = byClave(await computeIndice(t.wh, PROCESO, [HASTA], DEFAULT_ODES_CONFIG));
    expect(rows.M010!.componentes).toEqual({ instalacion: null, integracion: 37.5, sesiones: null, actas: null, estrados: null, entregables: 100, supervision: null });
    expect(rows.M010!.indice).toBe(68.75);
    expect(rows.M010!.componentes_con_datos).toBe(2);
    // Nothing designated by hasta and not due: nothing to measure, not 0.
    expect(rows.M013!.componentes).toEqual({ instalacion: null, integracion: null, sesiones: null, actas: null, estrados: null, entregables: null, supervision: null });
    expect(rows.M013!.indice).toBeNull();
    expect(rows.M013!.componentes_con_datos).toBe(0);
  });

  it('integracion counts every propietario cargo of the council, designated or not', async () => {
    const rows = byClave(await computeIndice(t.wh, PROCESO, [HASTA], DEFAULT_ODES_CONFIG));
    expect(rows.M011!.componentes.integracion).toBe(75);
    expect(rows.M012!.componentes).toEqual({ instalacion: 100, integracion: 0, sesiones: null, actas: null, estrados: null, entregables: null, supervision: null });
    expect(rows.M012!.indice).toBe(50);
  });

  it('estrados counts only acuerdos whose posting limit has passed by hasta', async () => {
    const [m11] = await computeIndice(t.wh, PROCESO, [HASTA], DEFAULT_ODES_CONFIG, 'M011');
    expect(m11!.componentes.estrados).toBeCloseTo(33.33, 2);
    expect(m11!.indice).toBeCloseTo(69.44, 2);
    expect(m11!.componentes_con_datos).toBe(3);
    // A day later E2 (limit 01/04 23:00, not posted ✕) and E5 (limit 01/04 12:00, posted after 1 h ✓) are due too:
    // E1 ✕, E2 ✕, E3 ✓, E4 ✕, E5 ✓ → 2/5 = 40.
    const [next] = await computeIndice(t.wh, PROCESO, ['2025-04-01'], DEFAULT_ODES_CONFIG, 'M011');
    expect(next!.componentes.estrados).toBe(40);
    // With a 12 h limit at hasta: E1 (31/03 11:30 ✕), E3 (31/03 12:00, posted at 10 h ✓), E4 ✕ and E5 (limit
    // 01/04 00:00 = the end of hasta, posted at 1 h ✓) are due; E2 (limit 01/04 11:00) is not → 2/4 = 50.
    const [h12] = await computeIndice(t.wh, PROCESO, [HASTA], { ...DEFAULT_ODES_CONFIG, horas_estrados: 12 }, 'M011');
    expect(h12!.componentes.estrados).toBe(50);
  });

  it('the council page lists the never-designated cargos as vacant and only the due acuerdos that failed', async () => {
    const p = (await resolveProceso(t.wh, PROCESO))!;
    const m11 = (await consejoDetalle(t.wh, p, 'M011', HASTA, DEFAULT_ODES_CONFIG))!;
    const integ = m11.detalle.integracion as { vacantes: Array<Record<string, unknown>>; historial: Array<Record<string, unknown>> };
    expect(integ.vacantes.map((v) => [v.cargo, v.motivo_baja, v.sin_designacion, v.vacante_desde])).toEqual([
      ['vocal_organizacion', 'sin designación', true, null],
      ['vocal_capacitacion', 'sin designación', true, null],
    ]);
    // Vacant since the installation (10/01) to hasta: 31/03 − 10/01 = 21 + 28 + 31 = 80 days.
    expect(integ.historial.map((v) => [v.cargo, v.vacante_desde, v.dias_vacante])).toEqual([
      ['vocal_capacitacion', '2025-01-10', 80],
      ['vocal_organizacion', '2025-01-10', 80],
    ]);
    const estrados = m11.detalle.estrados as { filas: Array<Record<string, unknown>> };
    expect(estrados.filas.map((a) => [a.clave_acuerdo, a.motivo])).toEqual([['E4', 'fijado fuera de plazo'], ['E1', 'no fijado en estrados']]);
    const m12 = (await consejoDetalle(t.wh, p, 'M012', HASTA, DEFAULT_ODES_CONFIG))!;
    expect((m12.detalle.integracion as { vacantes: unknown[] }).vacantes).toHaveLength(8);
  });
});
