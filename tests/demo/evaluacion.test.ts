import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINES } from '../../pipelines/registry.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { cargarCiclosDemo, trimestreDe, USUARIO_DEMO } from '../../src/demo/evaluacion.js';
import { generateDemo } from '../../src/demo/index.js';
import type { AvanceArea, CicloResumen, DetalleCiclo, ReporteCiclo } from '../../src/domains/metas/types.js';
import { inProcessApi, type InProcessApi } from '../helpers/api.js';
import { userClient, type Client } from '../helpers/client.js';

/**
 * The demo's evaluation cycles on a fresh POA demo as of 20/11/2026: 2026 T3 closed, 2026 T4 open, made through the
 * cycle's own functions (checks, audit, snapshot). The expected figures are counted from what each cycle's rules
 * say the demo did: in the open cycle the first half (rounded up) of the areas with amber or red results sent,
 * the next one left a draft, UTP approved the first sent area's first result and observed the second's.
 */
const HOY = '2026-11-20';
let srv: InProcessApi;
let utp: Client;
let ciclos: CicloResumen[];

beforeAll(async () => {
  srv = await inProcessApi();
  const planeacion = PIPELINES.filter((p) => p.name === 'poa' || p.name === 'indicadores');
  // A quarter of the demo's POA (about 175 activities): the same cycles, in a quarter of the time.
  await generateDemo(srv.config, planeacion, { today: HOY, scale: 0.25 });
  for (const p of planeacion) expect((await runPipeline(srv.wh, p, { dataDir: srv.dataDir })).estado).toBe('exito');
  expect((await cargarCiclosDemo(srv.wh, HOY)).map((c) => [c.ejercicio, c.trimestre, c.estado])).toEqual([[2026, 3, 'cerrado'], [2026, 4, 'abierto']]);
  const admin = srv.client();
  await admin.login();
  utp = await userClient(srv, admin, 'ana.utp', 'utp');
  ciclos = await utp.json<CicloResumen[]>('/api/evaluacion/ciclos');
}, 180_000);
afterAll(() => srv?.close());

const ESTADOS_AREA = ['sin_pendientes', 'enviado', 'aprobado', 'observado', 'pendiente'] as const;
const estados = (av: AvanceArea[]): Record<string, number> => Object.fromEntries(ESTADOS_AREA.map((e) => [e, av.filter((a) => a.estado === e).length]));

describe('ciclos de evaluación de la demostración', () => {
  it('quarter of a date', () => {
    expect([trimestreDe('2026-01-01'), trimestreDe('2026-03-31'), trimestreDe('2026-04-01'), trimestreDe('2026-12-31')].map((t) => t.trimestre)).toEqual([1, 1, 2, 4]);
  });

  it('one cerrado (last quarter) and one abierto (this quarter), opened by the demo’s UTP user', () => {
    expect(ciclos.map((c) => [c.ejercicio, c.trimestre, c.estado, c.abierto_por])).toEqual([[2026, 4, 'abierto', USUARIO_DEMO], [2026, 3, 'cerrado', USUARIO_DEMO]]);
    expect(ciclos[1]!.fecha_limite).toBe('2026-10-15');
    expect(ciclos[0]!.fecha_limite).toBe('2027-01-15');
  });

  it('the closed cycle: a frozen snapshot with every amber and red result justified, approved and observed', async () => {
    const cerrado = ciclos.find((c) => c.estado === 'cerrado')!;
    const d = await utp.json<DetalleCiclo>(`/api/evaluacion/ciclos/${cerrado.id}`);
    const snap = await srv.wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM app.evaluacion_snapshot WHERE ciclo_id = $1', [cerrado.id]);
    expect(snap!.n).toBe(d.resultados.length);
    const req = d.resultados.filter((r) => r.requiere_justificacion);
    expect(req.length).toBeGreaterThan(6);
    expect(req.every((r) => r.justificacion?.causa && r.justificacion.accion_correctiva && r.justificacion.fecha_compromiso)).toBe(true);
    // The first result of every fifth area with results to justify (4th, 9th, …) stayed observed; the rest approved
    // (the 2nd, 7th, … were observed, fixed, sent again and approved).
    const conPendientes = d.avance.filter((a) => a.requieren > 0).map((a) => a.area);
    const observadas = conPendientes.filter((_, i) => i % 5 === 3);
    expect(req.filter((r) => r.justificacion?.estado === 'observada').map((r) => r.area).sort()).toEqual([...observadas].sort());
    expect(req.filter((r) => r.justificacion?.estado === 'aprobada').length).toBe(req.length - observadas.length);
    expect(estados(d.avance)).toEqual({ sin_pendientes: d.avance.length - conPendientes.length, enviado: 0, aprobado: conPendientes.length - observadas.length, observado: observadas.length, pendiente: 0 });
    expect([cerrado.observadas, cerrado.aprobadas, cerrado.sin_justificar, cerrado.areas_enviadas]).toEqual([observadas.length, req.length - observadas.length, 0, conPendientes.length - observadas.length]);
    // Its report: every amber and red result with its justification, compared with Q2.
    const rep = await utp.json<ReporteCiclo>(`/api/evaluacion/ciclos/${cerrado.id}/reporte`);
    expect(rep.observados.length).toBe(req.length);
    expect(rep.anterior).toEqual({ ejercicio: 2026, trimestre: 2 });
    expect(rep.totales.total).toBe(d.resultados.filter((r) => r.semaforo !== null).length);
    // Every step was audited.
    const a = await srv.wh.all<{ accion: string; n: number }>(
      `SELECT accion, count(*)::INTEGER AS n FROM app.auditoria WHERE usuario = $1 AND objeto LIKE $2 GROUP BY accion ORDER BY accion`, [USUARIO_DEMO, `ciclo:${cerrado.id}%`]);
    const corregidas = conPendientes.filter((_, i) => i % 5 === 1).length;
    expect(Object.fromEntries(a.map((x) => [x.accion, x.n]))).toMatchObject({
      'evaluacion.abrir': 1, 'evaluacion.estado': 2, 'evaluacion.justificar': req.length + corregidas, 'evaluacion.revisar': req.length + corregidas,
    });
  });

  it('the open cycle: half the areas sent, one draft, one approved and one observed', async () => {
    const abierto = ciclos.find((c) => c.estado === 'abierto')!;
    const d = await utp.json<DetalleCiclo>(`/api/evaluacion/ciclos/${abierto.id}`);
    const conPendientes = d.avance.filter((a) => a.requieren > 0).length;
    const enviadas = Math.ceil(conPendientes / 2);
    const sinPendientes = d.avance.length - conPendientes;
    expect(estados(d.avance)).toEqual({ sin_pendientes: sinPendientes, enviado: enviadas - 1, aprobado: 0, observado: 1, pendiente: conPendientes - enviadas });
    expect(enviadas).toBeGreaterThan(2);
    expect(d.avance.reduce((s, a) => s + a.borrador, 0)).toBe(1);
    expect([abierto.aprobadas, abierto.observadas]).toEqual([1, 1]);
    // The Resumen's evaluation card reads this cycle: areas ready (sent, approved or nothing to justify) / areas.
    const r = await utp.json<{ tarjetas: Array<{ id: string; estado: string; valor: number; nota: string }> }>('/api/resumen');
    const card = r.tarjetas.find((x) => x.id === 'evaluacion')!;
    expect(card.estado).toBe('ok');
    expect(card.valor).toBeCloseTo(Math.round((1000 * (sinPendientes + enviadas - 1)) / d.avance.length) / 10, 5);
    expect(card.nota).toBe('Ciclo 2026, trimestre 4: abierto.');
  });

  it('a start killed half-way makes them again whole; a cycle UTP opened itself is left alone', async () => {
    await srv.wh.exec(`UPDATE app.evaluacion_ciclos SET estado = 'en_revision', cerrado_en = NULL WHERE ejercicio = 2026 AND trimestre = 3`);
    const again = await cargarCiclosDemo(srv.wh, HOY);
    expect(again.map((c) => c.estado)).toEqual(['cerrado', 'abierto']);
    const todos = await srv.wh.all<{ estado: string }>('SELECT estado FROM app.evaluacion_ciclos ORDER BY ejercicio, trimestre');
    expect(todos.map((x) => x.estado)).toEqual(['cerrado', 'abierto']);
    await srv.wh.exec(`UPDATE app.evaluacion_ciclos SET abierto_por = 'ana.utp'`);
    expect(await cargarCiclosDemo(srv.wh, HOY)).toEqual([]);
  }, 180_000);
});
