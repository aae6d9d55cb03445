import { describe, expect, test } from 'vitest';
import { dropFile, tempWarehouse, warehouseForTests } from '../helpers/warehouse.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { sesionesPipeline } from '../../pipelines/sesiones/index.js';
import { listaSesiones, resumenSesiones, resumenSesionesBasico } from '../../src/domains/sesiones/queries.js';
import { anticipacionMinima } from '../../src/domains/sesiones/settings.js';
import { demoContext } from '../../src/demo/index.js';

/**
 * Hand-built sessions (Mexico City times), range 2026-03-01 … 2026-03-31:
 *   S1 CG 10 ordinaria       conv 01/03 10:00 → inicio 04/03 12:00 = 74 h ≥ 72 ✓  quórum sí, acta aprobada en 12
 *   S2 CG 11 extraordinaria  conv 09/03 20:00 → inicio 10/03 10:00 = 14 h < 24 ✕  quórum sí, acta pendiente
 *   S3 CG 12 ordinaria       conv 20/03 10:00 → inicio 23/03 09:00 = 71 h < 72 ✕  quórum NO, acta pendiente
 *   S4 JGE 3 urgente         conv 15/03 09:00 → inicio 15/03 11:00 = 2 h (no minimum: left out)  acta en 4
 *   S5 JGE 4 solemne         conv 24/03 10:00 → inicio 25/03 10:00 = 24 h ≥ 24 ✓  acta pendiente
 *   S6 CG 9 ordinaria 20/02 (outside); S7 CG 10 ordinaria of 2025 (same organ and numero as S1, another year).
 */
const SESIONES = `organo,numero,tipo,fecha_convocatoria,fecha_inicio,fecha_fin,quorum,puntos,acta_aprobada_en
CG,10,ordinaria,01/03/2026 10:00,04/03/2026 12:00,04/03/2026 14:00,si,8,12
CG,11,extraordinaria,09/03/2026 20:00,10/03/2026 10:00,10/03/2026 11:00,sí,3,
CG,12,ordinaria,20/03/2026 10:00,23/03/2026 09:00,23/03/2026 09:15,no,0,
JGE,3,urgente,2026-03-15 09:00,2026-03-15 11:00,2026-03-15 12:00,si,2,4
JGE,4,solemne,2026-03-24 10:00,2026-03-25 10:00,2026-03-25 11:00,si,1,
CG,9,ordinaria,16/02/2026 10:00,20/02/2026 10:00,20/02/2026 12:00,si,6,10
CG,10,ordinaria,01/03/2025 10:00,05/03/2025 10:00,05/03/2025 12:00,si,6,11
CG,x,ordinaria,01/03/2026 10:00,05/03/2026 10:00,,si,6,`;

/**
 * Acuerdos: A1 approved 04/03 13:00, published 06/03 → 2 days; A2 approved 10/03 23:30 (Mexico City), published
 * 11/03 → 1 day; A3 approved 23/03, not published; A4 approved 25/03, published 30/03 → 5 days; A5 in February.
 */
const ACUERDOS = `clave,organo,sesion_numero,fecha_aprobacion,rubro,votacion,votos_favor,votos_contra,fecha_publicacion
OPLEV/CG010/2026,CG,10,04/03/2026 13:00,Calendario,unanimidad,7,0,06/03/2026
OPLEV/CG011/2026,CG,11,10/03/2026 23:30,Topes,mayoria,5,2,11/03/2026
OPLEV/CG012/2026,CG,12,23/03/2026 09:10,Boleta,unanimidad,7,0,
OPLEV/JGE004/2026,JGE,4,25/03/2026 11:00,POA,unanimidad,7,0,2026-03-30
OPLEV/CG009/2026,CG,9,20/02/2026 11:00,Consulta,unanimidad,7,0,21/02/2026`;

const R = { desde: '2026-03-01', hasta: '2026-03-31' };

describe('pipeline sesiones and session figures', () => {
  const t = warehouseForTests(async (t) => {
    dropFile(t.dataDir, 'sesiones', 'sesiones_marzo.csv', SESIONES);
    dropFile(t.dataDir, 'sesiones', 'acuerdos_marzo.csv', ACUERDOS);
    const r = await runPipeline(t.wh, sesionesPipeline, { dataDir: t.dataDir });
    expect(r.estado).toBe('exito');
    expect(r.rechazadas).toBe(1);
  });

  test('the key includes the year of fecha_inicio: CG 10 of 2025 and of 2026 are two sessions', async () => {
    const rows = await t.wh.all<{ anio: number }>(`SELECT anio FROM core.sesiones WHERE organo = 'CG' AND numero = 10 ORDER BY anio`);
    expect(rows.map((r) => r.anio)).toEqual([2025, 2026]);
    expect((await t.wh.one<{ n: number }>('SELECT count(*) AS n FROM core.sesiones'))!.n).toBe(7);
  });

  test('notice hours, quorum, pending minutes and acuerdos equal the hand computation', async () => {
    const r = await resumenSesionesBasico(t.wh, R);
    expect(r.sesiones).toBe(5); // S1…S5
    expect(r.sin_quorum).toBe(1); // S3
    expect(r.anticipacion_cumplida_pct).toBeCloseTo(50, 6); // S1 ✓, S2 ✕, S3 ✕, S5 ✓ → 2 / 4 (S4 urgente left out)
    expect(r.actas_pendientes).toBe(3); // S2, S3, S5
    expect(r.acuerdos).toBe(4); // A1…A4
    expect(r.dias_publicacion_mediana).toBeCloseTo(2, 6); // median(2, 1, 5) = 2
    const rows = await listaSesiones(t.wh, R);
    const notice = Object.fromEntries(rows.map((x) => [`${x.organo}${x.numero}`, x.horas_anticipacion]));
    expect(notice).toEqual({ CG10: 74, CG11: 14, CG12: 71, JGE3: 2, JGE4: 24 });
    const s4 = rows.find((x) => x.organo === 'JGE' && x.numero === 3)!;
    expect(s4.cumple).toBeNull();
  });

  test('breakdowns by organ and type, pending minutes and their age', async () => {
    const r = await resumenSesiones(t.wh, R);
    const cg = r.por_organo!.find((x) => x.organo === 'CG')!;
    // CG: S1 ✓, S2 ✕, S3 ✕ → 33.3 %; one without quorum; two pending minutes.
    expect(cg.sesiones).toBe(3);
    expect(cg.anticipacion_cumplida_pct as number).toBeCloseTo(100 / 3, 6);
    expect([cg.sin_quorum, cg.actas_pendientes]).toEqual([1, 2]);
    // Pending minutes as of 31/03: S2 (10/03) 21 days, S3 (23/03) 8 days, S5 (25/03) 6 days.
    expect(r.actas_pendientes_detalle!.map((x) => x.dias_pendiente)).toEqual([21, 8, 6]);
    expect(r.acuerdos_por_mes).toEqual([{ mes: '2026-03', acuerdos: 4, publicados: 3, dias_publicacion_mediana: 2 }]);
  });

  test('the minimum notice per type is configuration', async () => {
    await t.wh.exec(`INSERT INTO app.configuracion (clave, valor) VALUES ($1, $2)`, [anticipacionMinima.clave, JSON.stringify({ anticipacion_minima_horas: { ordinaria: 48, urgente: 1 } })]);
    const r = await resumenSesionesBasico(t.wh, R);
    // ordinaria ≥ 48: S1 ✓, S3 ✓; extraordinaria S2 ✕; urgente ≥ 1: S4 ✓; solemne S5 ✓ → 4 / 5 = 80 %.
    expect(r.anticipacion_cumplida_pct).toBeCloseTo(80, 6);
    await t.wh.exec(`DELETE FROM app.configuracion WHERE clave = $1`, [anticipacionMinima.clave]);
  });
});

test('the demo generator writes a year of sessions and acuerdos that load', async () => {
  const t = await tempWarehouse();
  try {
    await sesionesPipeline.demo!(demoContext(t.config, { today: '2026-11-20' }));
    const r = await runPipeline(t.wh, sesionesPipeline, { dataDir: t.dataDir });
    expect(r.estado).toBe('exito');
    expect(r.rechazadas).toBe(5);
    const x = await resumenSesionesBasico(t.wh, { desde: '2025-11-21', hasta: '2026-11-20' });
    expect(x.sesiones).toBeGreaterThan(60);
    expect(x.acuerdos).toBeGreaterThan(50);
    expect(x.anticipacion_cumplida_pct).toBeGreaterThan(60);
    expect(x.anticipacion_cumplida_pct).toBeLessThan(100);
  } finally {
    t.close();
  }
});
