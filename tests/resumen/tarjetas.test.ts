import { describe, expect, test } from 'vitest';
import { dropFile, warehouseForTests } from '../helpers/warehouse.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { oficialiaPipeline } from '../../pipelines/oficialia/index.js';
import { sesionesPipeline } from '../../pipelines/sesiones/index.js';
import { resumenGeneral, semaforo, ventanas } from '../../src/domains/resumen/queries.js';
import { DOMAINS } from '../../src/domains/registry.js';

const CARDS = DOMAINS.flatMap((d) => d.resumen ?? []);

/** Two petitions in March 2026: P1 attended in 24 h (en plazo), P2 in 96 h (late) → 50 % on time. */
const PETICIONES = [
  'folio,fecha_recepcion,organo,tipo_peticionario,acto_a_certificar,estado,fecha_prevencion,fecha_respuesta_prevencion,fecha_evaluacion,fecha_diligencia,fecha_entrega_acta,num_acta',
  'P1,10/03/2026 10:00,OC,PP,Bardas,atendida,,,10/03/2026 12:00,,11/03/2026 10:00,A1',
  'P2,12/03/2026 10:00,M045,OI,Mitin,atendida,,,12/03/2026 12:00,,16/03/2026 10:00,A2',
].join('\n');
const SESIONES = [
  'organo,numero,tipo,fecha_convocatoria,fecha_inicio,fecha_fin,quorum,puntos,acta_aprobada_en',
  'CG,5,ordinaria,01/03/2026 10:00,05/03/2026 10:00,05/03/2026 12:00,si,8,',
].join('\n');

describe('Resumen cards', () => {
  const pipelines = [oficialiaPipeline, sesionesPipeline];
  const t = warehouseForTests(async (t) => {
    dropFile(t.dataDir, 'oficialia', 'peticiones.csv', PETICIONES);
    dropFile(t.dataDir, 'sesiones', 'sesiones.csv', SESIONES);
    for (const p of pipelines) expect((await runPipeline(t.wh, p, { dataDir: t.dataDir })).estado).toBe('exito');
  });

  test('windows: the period, the one before and the sparkline buckets', () => {
    const v = ventanas('mes', '2026-03-31');
    expect(v.actual).toEqual({ desde: '2026-03-02', hasta: '2026-03-31' });
    expect(v.anterior).toEqual({ desde: '2026-01-31', hasta: '2026-03-01' });
    expect(v.buckets).toHaveLength(8);
    expect(v.buckets.at(-1)).toEqual({ desde: '2026-03-25', hasta: '2026-03-31' });
  });

  test('semáforo against the target', () => {
    const m = { verde: 90, amarillo: 75, sentido: 'ascendente' as const };
    expect([semaforo(95, m), semaforo(80, m), semaforo(50, m), semaforo(null, m)]).toEqual(['verde', 'amarillo', 'rojo', 'sin_datos']);
    expect(semaforo(3, { verde: 5, amarillo: 10, sentido: 'descendente' })).toBe('verde');
  });

  test('a stale pipeline shows as stale on its card, with its value still shown', async () => {
    // oficialia's freshness limit is 48 h; its last success is moved 100 h back. sesiones stays fresh.
    await t.wh.exec(`UPDATE ops.ejecuciones SET fin = now() - INTERVAL 100 HOUR WHERE pipeline = 'oficialia'`);
    const r = await resumenGeneral(t.wh, CARDS, pipelines, 'mes', '2026-03-31');
    const of = r.tarjetas.find((x) => x.id === 'oficialia')!;
    expect(of.frescura.desactualizado).toBe(true);
    expect(of.frescura.limite_horas).toBe(48);
    expect(of.estado).toBe('ok');
    expect(of.valor).toBe(50); // P1 en plazo, P2 late → 1 / 2
    expect(of.semaforo).toBe('rojo'); // 50 < 75
    const se = r.tarjetas.find((x) => x.id === 'sesiones')!;
    expect(se.frescura.desactualizado).toBe(false);
    expect(se.valor).toBe(100); // 96 h of notice ≥ 72 h
    expect(se.semaforo).toBe('verde');
    expect(se.enlace).toBe('/sesiones?desde=2026-03-02&hasta=2026-03-31');
  });

  test('every card answers: a domain without tables or rows is "sin datos", not an error', async () => {
    const r = await resumenGeneral(t.wh, CARDS, pipelines, 'trimestre', '2026-03-31');
    expect(r.tarjetas.map((x) => x.id)).toEqual(['metas', 'evaluacion', 'calendario', 'odes', 'incidentes', 'disponibilidad', 'oficialia', 'sesiones']);
    for (const id of ['metas', 'evaluacion', 'calendario', 'odes', 'incidentes', 'disponibilidad']) {
      const c = r.tarjetas.find((x) => x.id === id)!;
      expect(c.estado).toBe('sin_datos');
      expect(c.valor).toBeNull();
      expect(c.semaforo).toBe('sin_datos');
    }
    // Previous 90 days hold nothing: no change to report.
    expect(r.tarjetas.find((x) => x.id === 'oficialia')!.cambio).toBeNull();
  });

  test('POA goals card from core.poa_* (built here by hand when the POA tables are absent)', async () => {
    await t.wh.exec(`CREATE TABLE IF NOT EXISTS core.poa_actividades (ejercicio INTEGER, programa VARCHAR, programa_nombre VARCHAR,
      programa_especifico VARCHAR, programa_especifico_nombre VARCHAR, area VARCHAR, num_actividad INTEGER, descripcion VARCHAR,
      unidad_medida VARCHAR, cantidad_anual DOUBLE, fecha_inicio DATE, fecha_termino DATE, ene DOUBLE, feb DOUBLE, mar DOUBLE, abr DOUBLE,
      may DOUBLE, jun DOUBLE, jul DOUBLE, ago DOUBLE, sep DOUBLE, oct DOUBLE, nov DOUBLE, dic DOUBLE, estatus VARCHAR)`);
    await t.wh.exec(`CREATE TABLE IF NOT EXISTS core.poa_avance (ejercicio INTEGER, programa_especifico VARCHAR, num_actividad INTEGER,
      mes INTEGER, realizado DOUBLE, observaciones VARCHAR, fecha_reporte DATE)`);
    // Programmed 10 a month from January (A5 only from June; A6 cancelled). Realized by month (ene, feb, mar):
    //   A1 10,10,10 → 30/30 = 100 % verde; A2 8,8,8 → 24/30 = 80 % amarillo; A3 10,0,0 → 33 % rojo;
    //   A4 15,15,15 → 150 % rebasada; A5 nothing programmed, nothing done → sin meta.
    // Value = verde / activities with a target (verde + amarillo + rojo + rebasada) = 1 / 4 = 25 % → rojo (< 60).
    for (const n of [1, 2, 3, 4, 6]) {
      await t.wh.exec(`INSERT INTO core.poa_actividades (ejercicio, programa_especifico, area, num_actividad, ene, feb, mar, abr, may, jun, jul, ago, sep, oct, nov, dic, estatus)
        VALUES (2026, 'PE1', 'UTP', $1, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, $2)`, [n, n === 6 ? 'cancelada' : 'original']);
    }
    await t.wh.exec(`INSERT INTO core.poa_actividades (ejercicio, programa_especifico, area, num_actividad, ene, feb, mar, abr, may, jun, estatus)
      VALUES (2026, 'PE1', 'UTP', 5, 0, 0, 0, 0, 0, 10, 'original')`);
    const real: Record<number, number[]> = { 1: [10, 10, 10], 2: [8, 8, 8], 3: [10, 0, 0], 4: [15, 15, 15], 6: [10, 10, 10] };
    for (const [n, xs] of Object.entries(real)) {
      for (const [i, x] of xs.entries()) {
        await t.wh.exec(`INSERT INTO core.poa_avance (ejercicio, programa_especifico, num_actividad, mes, realizado) VALUES (2026, 'PE1', $1, $2, $3)`, [Number(n), i + 1, x]);
      }
    }
    const r = await resumenGeneral(t.wh, CARDS, pipelines, 'mes', '2026-03-31');
    const m = r.tarjetas.find((x) => x.id === 'metas')!;
    expect(m.estado).toBe('ok');
    expect(m.valor).toBe(25);
    expect(m.semaforo).toBe('rojo');
    expect(m.secundarios.map((x) => x.valor)).toEqual([1, 1, 1, 1]);
    expect(m.enlace).toBe('/metas?ejercicio=2026&trimestre=1');
  });

  test('targets are configuration', async () => {
    await t.wh.exec(`INSERT INTO app.configuracion (clave, valor) VALUES ($1, $2)`, ['resumen.metas', JSON.stringify({ oficialia: { verde: 50, amarillo: 40 } })]);
    const r = await resumenGeneral(t.wh, CARDS, pipelines, 'mes', '2026-03-31');
    expect(r.tarjetas.find((x) => x.id === 'oficialia')!.semaforo).toBe('verde');
    await t.wh.exec(`DELETE FROM app.configuracion WHERE clave = $1`, ['resumen.metas']);
  });
  test('a load after a Resumen shows in the next one (the pieces kept per data version are not served after it)', async () => {
    const antes = await resumenGeneral(t.wh, CARDS, pipelines, 'mes', '2026-03-31');
    expect(antes.tarjetas.find((x) => x.id === 'oficialia')!.valor).toBe(50);
    // P3 attended in 10 h: 2 of 3 en plazo.
    dropFile(t.dataDir, 'oficialia', 'peticiones-2.csv', `${PETICIONES}\nP3,20/03/2026 08:00,OC,PP,Bardas,atendida,,,20/03/2026 09:00,,20/03/2026 18:00,A3`);
    expect((await runPipeline(t.wh, oficialiaPipeline, { dataDir: t.dataDir })).estado).toBe('exito');
    const despues = await resumenGeneral(t.wh, CARDS, pipelines, 'mes', '2026-03-31');
    const of = despues.tarjetas.find((x) => x.id === 'oficialia')!;
    expect(of.valor).toBe(66.7);
    expect(of.secundarios.find((x) => x.etiqueta === 'Recibidas')!.valor).toBe(3);
  });
});
