import { describe, expect, test } from 'vitest';
import { calendarioPipeline } from '../../pipelines/calendario/index.js';
import { cartografiaPipeline } from '../../pipelines/cartografia/index.js';
import { ticketsPipeline } from '../../pipelines/tickets/index.js';
import { odesPipeline } from '../../pipelines/odes/index.js';
import { oficialiaPipeline } from '../../pipelines/oficialia/index.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { sesionesPipeline } from '../../pipelines/sesiones/index.js';
import { readSetting } from '../../src/core/settings.js';
import { addDays } from '../../src/core/time.js';
import { demoContext } from '../../src/demo/index.js';
import { medirCalendario } from '../../src/domains/calendario/resumen.js';
import { totales } from '../../src/domains/incidentes/queries.js';
import { totalesPorVentana } from '../../src/domains/incidentes/resumen.js';
import { slaHoras } from '../../src/domains/incidentes/settings.js';
import { conteo, procesos } from '../../src/domains/calendario/queries.js';
import { computeIndice } from '../../src/domains/odes/indice.js';
import { indicePorCorte } from '../../src/domains/odes/indice-cortes.js';
import { listProcesos } from '../../src/domains/odes/queries.js';
import { DEFAULT_ODES_CONFIG } from '../../src/domains/odes/settings.js';
import { resumenOficialiaBasico } from '../../src/domains/oficialia/queries.js';
import { medirOficialia } from '../../src/domains/oficialia/resumen.js';
import { ventanas } from '../../src/domains/resumen/queries.js';
import { PERIODOS, type Periodo } from '../../src/domains/resumen/types.js';
import { resumenSesionesBasico } from '../../src/domains/sesiones/queries.js';
import { medirSesiones } from '../../src/domains/sesiones/resumen.js';
import { anticipacionMinima } from '../../src/domains/sesiones/settings.js';
import { enOrden } from '../../src/domains/tarjetas.js';
import { warehouseForTests } from '../helpers/warehouse.js';

/**
 * The Resumen cards measure all their windows (or cut-offs) in one statement, and the ODES card counts each
 * council's events per cut-off: on the demo's data (tickets, petitions, sessions, the calendar and 242 councils, generated
 * for a fixed day) each gives, window by window, exactly what the domain's own figures give for that window alone.
 */
const HOY = '2026-11-20';

/** The windows of every period ending every 41 days over two years around HOY. */
function periodos(): Array<{ periodo: Periodo; hasta: string }> {
  const out: Array<{ periodo: Periodo; hasta: string }> = [];
  for (let d = -400; d <= 330; d += 41) for (const periodo of Object.keys(PERIODOS) as Periodo[]) out.push({ periodo, hasta: addDays(HOY, d) });
  return out;
}

describe('Resumen cards: all the windows at once give the figures of each window alone', () => {
  const t = warehouseForTests(async (t) => {
    for (const p of [cartografiaPipeline, ticketsPipeline, oficialiaPipeline, sesionesPipeline, calendarioPipeline, odesPipeline]) {
      if (p.demo) await p.demo(demoContext(t.config, { today: HOY }));
      expect((await runPipeline(t.wh, p, { dataDir: t.dataDir })).estado).toBe('exito');
    }
  });

  test('incidentes: the totals of each window (one statement made of the domain\'s own)', async () => {
    const sla = await readSetting(t.wh, slaHoras);
    let con = 0;
    for (const { periodo, hasta } of periodos()) {
      const rs = enOrden(ventanas(periodo, hasta));
      const juntas = await totalesPorVentana(t.wh, rs, sla);
      expect(juntas).toHaveLength(rs.length);
      for (const [i, r] of rs.entries()) {
        const sola = await totales(t.wh, r, sla);
        if (sola.resueltos > 0 && sola.sla_cumplido_pct !== null) con++;
        expect(juntas[i], `${r.desde}..${r.hasta}`).toEqual(sola);
      }
    }
    expect(con).toBeGreaterThan(50);
  });

  test('oficialia: received, backlog, median attention and en plazo of each window', async () => {
    let con = 0;
    for (const { periodo, hasta } of periodos()) {
      const rs = enOrden(ventanas(periodo, hasta));
      const juntas = await medirOficialia(t.wh, rs, 72);
      expect(juntas).toHaveLength(rs.length);
      for (const [i, r] of rs.entries()) {
        const sola = await resumenOficialiaBasico(t.wh, r, 72);
        if (sola.recibidas > 0) con++;
        expect(juntas[i], `${r.desde}..${r.hasta}`).toEqual({
          recibidas: sola.recibidas, backlog: sola.backlog, horas_atencion_mediana: sola.horas_atencion_mediana, en_plazo_pct: sola.en_plazo_pct, plazo_horas: 72,
        });
      }
    }
    expect(con).toBeGreaterThan(50);
  });

  test('sesiones: sessions, without quorum, notice met, pending minutes and acuerdos of each window', async () => {
    const cfg = await readSetting(t.wh, anticipacionMinima);
    let con = 0;
    for (const { periodo, hasta } of periodos()) {
      const rs = enOrden(ventanas(periodo, hasta));
      const juntas = await medirSesiones(t.wh, rs, cfg);
      for (const [i, r] of rs.entries()) {
        const s = await resumenSesionesBasico(t.wh, r, cfg);
        if (s.sesiones > 0 && s.acuerdos > 0) con++;
        expect(juntas[i], `${r.desde}..${r.hasta}`).toEqual({
          sesiones: s.sesiones, sin_quorum: s.sin_quorum, anticipacion_cumplida_pct: s.anticipacion_cumplida_pct, actas_pendientes: s.actas_pendientes, acuerdos: s.acuerdos,
        });
      }
    }
    expect(con).toBeGreaterThan(50);
  });

  test('calendario: the counts by state at the last day of each window', async () => {
    const [ultimo] = await procesos(t.wh);
    const vistos = new Set<number | null>();
    for (const { periodo, hasta } of periodos()) {
      const rs = enOrden(ventanas(periodo, hasta));
      const juntas = await medirCalendario(t.wh, ultimo!.proceso, rs);
      for (const [i, r] of rs.entries()) {
        const c = await conteo(t.wh, { proceso: ultimo!.proceso, hasta: r.hasta });
        vistos.add(c.cumplimiento_pct);
        expect(juntas[i], r.hasta).toEqual(c);
      }
    }
    expect(vistos.size).toBeGreaterThan(20);
  });

  test('odes: the index and its components of every council at every cut-off, with the default and other weights', async () => {
    const cortes: string[] = [];
    for (let d = -500; d <= 300; d += 17) cortes.push(addDays(HOY, d));
    const otra = { ...DEFAULT_ODES_CONFIG, horas_estrados: 48, pesos: { ...DEFAULT_ODES_CONFIG.pesos, instalacion: 0, sesiones: 3, actas: 0.5 } };
    for (const p of await listProcesos(t.wh)) {
      for (const cfg of [DEFAULT_ODES_CONFIG, otra]) {
        const esperado = await computeIndice(t.wh, p.proceso, cortes, cfg);
        const porCorte = await indicePorCorte(t.wh, p.proceso, cortes, cfg);
        const obtenido = cortes.flatMap((h) => porCorte.get(h)!);
        expect(obtenido.map((r) => [r.hasta, r.clave_odes, r.indice, r.componentes])).toEqual(esperado.map((r) => [r.hasta, r.clave_odes, r.indice, r.componentes]));
        expect(new Set(esperado.map((r) => r.indice)).size).toBeGreaterThan(20);
      }
    }
  });
});
