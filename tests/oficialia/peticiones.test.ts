import { describe, expect, test } from 'vitest';
import { dropFile, tempWarehouse, warehouseForTests } from '../helpers/warehouse.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { oficialiaPipeline } from '../../pipelines/oficialia/index.js';
import { listaPeticiones, resumenOficialia, resumenOficialiaBasico } from '../../src/domains/oficialia/queries.js';
import { plazoOficialia } from '../../src/domains/oficialia/settings.js';
import { demoContext } from '../../src/demo/index.js';
import { peticionRows } from '../../pipelines/oficialia/demo.js';

/**
 * Hand-built petitions (times in Mexico City), range 2026-03-01 … 2026-03-31:
 *   F1 OC   recibida 02/03 10:00, acta 03/03 10:00            → atendida, 24 h (en plazo)
 *   F2 D05  recibida 05/03 09:00, acta 09/03 09:00            → atendida, 96 h (fuera de plazo)
 *   F3 M045 improcedente: recibida 10/03 12:00, evaluada 18:00 → atendida, 6 h (en plazo)
 *   F4 OC   procedente sin acta                                 → backlog
 *   F5 M045 recibida 30/03 10:00, acta 02/04 (after hasta)      → backlog at 31/03
 *   F6 OC   recibida 27/02                                      → outside the range
 *   F7 OC   no_presentada: recibida 12/03 10:00, prevenida 14:00, evaluada 15/03 10:00 → atendida, 72 h (en plazo: ≤ 72)
 */
const CSV = [
  'Folio;Fecha recepción;Órgano;Tipo peticionario;Acto a certificar;Estado;Fecha prevención;Fecha respuesta prevención;Fecha evaluación;Fecha diligencia;Fecha entrega acta;Num acta',
  'F1;02/03/2026 10:00;OC;PP;Propaganda;atendida;;;02/03/2026 12:00;02/03/2026 18:00;03/03/2026 10:00;AC-1',
  'F2;05/03/2026 09:00;D05;CI;Evento;atendida;;;06/03/2026 09:00;07/03/2026 09:00;09/03/2026 09:00;AC-2',
  'F3;10/03/2026 12:00;M045;OI;Bardas;improcedente;;;10/03/2026 18:00;;;',
  'F4;20/03/2026 08:00;OC;PP;Perifoneo;procedente;;;21/03/2026 08:00;;;',
  'F5;30/03/2026 10:00;M045;PP;Mitin;atendida;;;30/03/2026 12:00;01/04/2026 10:00;02/04/2026 10:00;AC-5',
  'F6;27/02/2026 10:00;OC;PP;Volantes;atendida;;;27/02/2026 11:00;;28/02/2026 10:00;AC-6',
  'F7;12/03/2026 10:00;OC;OI;Redes sociales;no_presentada;12/03/2026 14:00;;15/03/2026 10:00;;;',
  'F8;31/02/2026 10:00;OC;PP;Fecha inexistente;recibida;;;;;;',
  'F9;10/03/2026 10:00;OC;XX;Tipo inválido;recibida;;;;;;',
].join('\r\n');

const R = { desde: '2026-03-01', hasta: '2026-03-31' };

describe('pipeline oficialia and petition figures', () => {
  const t = warehouseForTests(async (t) => {
    dropFile(t.dataDir, 'oficialia', 'peticiones_marzo.csv', CSV);
    const r = await runPipeline(t.wh, oficialiaPipeline, { dataDir: t.dataDir });
    expect(r.estado).toBe('exito');
    expect(r.cargadas).toBe(7);
    expect(r.rechazadas).toBe(2);
  });

  test('bad rows go to quarantine with their spreadsheet row and field', async () => {
    const q = await t.wh.all<{ fila: number; campo: string }>(`SELECT fila, campo FROM ops.cuarentena WHERE pipeline = 'oficialia' ORDER BY fila`);
    expect(q).toEqual([{ fila: 9, campo: 'fecha_recepcion' }, { fila: 10, campo: 'tipo_peticionario' }]);
  });

  test('received, attended, backlog, attention times and on-time share equal the hand computation', async () => {
    const r = await resumenOficialiaBasico(t.wh, R);
    // recibidas F1..F5, F7 = 6; atendidas F1, F2, F3, F7 = 4; backlog F4, F5 = 2.
    expect(r.recibidas).toBe(6);
    expect(r.atendidas).toBe(4);
    expect(r.backlog).toBe(2);
    // Attention hours sorted: 6, 24, 72, 96 → median (24 + 72) / 2 = 48; p90 = 72 + 0.7 × (96 − 72) = 88.8.
    expect(r.horas_atencion_mediana).toBeCloseTo(48, 6);
    expect(r.horas_atencion_p90).toBeCloseTo(88.8, 6);
    // En plazo (≤ 72 h): F1, F3, F7 = 3 of 4 → 75 %.
    expect(r.en_plazo_pct).toBeCloseTo(75, 6);
    // Evaluation hours: F1 2, F2 24, F3 6, F4 24, F5 2, F7 72 → sorted 2, 2, 6, 24, 24, 72 → median (6 + 24) / 2 = 15.
    expect(r.horas_evaluacion_mediana).toBeCloseTo(15, 6);
    expect(r.prevenciones).toBe(1);
    expect(r.prevenciones_respondidas).toBe(0);
  });

  test('a council\'s petitions: organo=M045', async () => {
    // F3 (6 h, en plazo) and F5 (backlog).
    const r = await resumenOficialiaBasico(t.wh, { ...R, organo: 'M045' });
    expect([r.recibidas, r.atendidas, r.backlog, r.en_plazo_pct]).toEqual([2, 1, 1, 100]);
    const rows = await listaPeticiones(t.wh, { ...R, organo: 'M045' });
    expect(rows.map((x) => x.folio).sort()).toEqual(['F3', 'F5']);
  });

  test('breakdowns by organ, type and backlog age', async () => {
    const r = await resumenOficialia(t.wh, R);
    const oc = r.por_organo!.find((x) => x.organo === 'OC')!;
    // OC: F1 (24 h), F4 (backlog), F7 (72 h) → 3 received, 2 attended, both en plazo.
    expect([oc.recibidas, oc.atendidas, oc.en_plazo_pct]).toEqual([3, 2, 100]);
    const pp = r.por_tipo!.find((x) => x.tipo_peticionario === 'PP')!;
    // PP: F1, F4, F5 → 3 received, 1 attended.
    expect([pp.recibidas, pp.atendidas]).toEqual([3, 1]);
    // Backlog age at 01/04 00:00: F4 received 20/03 08:00 → 11.7 days (7–30); F5 30/03 10:00 → 38 h (≤ 3 days).
    expect(r.antiguedad_backlog!.map((x) => x.peticiones)).toEqual([1, 0, 1, 0]);
  });

  test('the deadline is configuration', async () => {
    await t.wh.exec(`INSERT INTO app.configuracion (clave, valor) VALUES ($1, $2)`, [plazoOficialia.clave, JSON.stringify({ plazo_horas: 24 })]);
    const r = await resumenOficialiaBasico(t.wh, R);
    // ≤ 24 h: F1 (24), F3 (6) → 2 of 4 = 50 %.
    expect(r.en_plazo_pct).toBeCloseTo(50, 6);
    await t.wh.exec(`DELETE FROM app.configuracion WHERE clave = $1`, [plazoOficialia.clave]);
  });

  test('loading the same file again changes nothing; a corrected row replaces the earlier one', async () => {
    dropFile(t.dataDir, 'oficialia', 'peticiones_marzo_copia.csv', CSV);
    await runPipeline(t.wh, oficialiaPipeline, { dataDir: t.dataDir });
    dropFile(t.dataDir, 'oficialia', 'peticiones_correccion.csv', [CSV.split('\r\n')[0], 'F4;20/03/2026 08:00;OC;PP;Perifoneo;atendida;;;21/03/2026 08:00;21/03/2026 12:00;22/03/2026 08:00;AC-4'].join('\r\n'));
    await runPipeline(t.wh, oficialiaPipeline, { dataDir: t.dataDir });
    const n = await t.wh.one<{ n: number }>('SELECT count(*) AS n FROM core.peticiones');
    expect(n!.n).toBe(7);
    const r = await resumenOficialiaBasico(t.wh, R);
    // F4 now attended in 48 h (en plazo): atendidas 5, en plazo 4 of 5 = 80 %.
    expect([r.atendidas, r.backlog, r.en_plazo_pct]).toEqual([5, 1, 80]);
  });
});

test('the demo generator writes a year of petitions deterministically', async () => {
  const t = await tempWarehouse();
  try {
    const ctx = demoContext(t.config, { today: '2026-11-20' });
    expect(peticionRows(ctx)).toEqual(peticionRows(ctx));
    await oficialiaPipeline.demo!(ctx);
    const r = await runPipeline(t.wh, oficialiaPipeline, { dataDir: t.dataDir });
    expect(r.estado).toBe('exito');
    expect(r.rechazadas).toBe(3);
    expect(r.cargadas).toBeGreaterThan(1000);
    const x = await resumenOficialiaBasico(t.wh, { desde: '2025-11-21', hasta: '2026-11-20' });
    expect(x.en_plazo_pct).toBeGreaterThan(50);
    expect(x.en_plazo_pct).toBeLessThan(100);
    expect(x.backlog).toBeGreaterThan(0);
  } finally {
    t.close();
  }
});

test('the weekly series has every week of the range, with zeros', async () => {
  const t = await tempWarehouse();
  try {
    dropFile(t.dataDir, 'oficialia', 'peticiones.csv', CSV);
    await runPipeline(t.wh, oficialiaPipeline, { dataDir: t.dataDir });
    const r = (await resumenOficialia(t.wh, R)) as { semanal: Array<{ semana: string; recibidas: number; oficinas_centrales: number }> };
    // Weeks (Monday) from 23/02 to 30/03: 5 weeks of March plus the one holding 1 March.
    // 23/02: none in range; 02/03: F1, F2 → 2; 09/03: F3, F7 → 2; 16/03: F4 → 1; 23/03: 0; 30/03: F5 → 1.
    expect(r.semanal.map((w) => [w.semana, w.recibidas])).toEqual([
      ['2026-02-23', 0], ['2026-03-02', 2], ['2026-03-09', 2], ['2026-03-16', 1], ['2026-03-23', 0], ['2026-03-30', 1],
    ]);
    expect(r.semanal[2]!.oficinas_centrales).toBe(1); // F7 (F3 is M045)
  } finally {
    t.close();
  }
});
