import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/runner/run.js';
import { ticketsPipeline } from '../../pipelines/tickets/index.js';
import { backlogPorEdad, desglose, listaTickets, resumen, semanal } from '../../src/domains/incidentes/queries.js';
import { slaHoras } from '../../src/domains/incidentes/settings.js';
import { dropFile, tempWarehouse } from '../helpers/warehouse.js';
import { CSV, EXPECTED, RANGE } from './fixture.js';

type Tmp = Awaited<ReturnType<typeof tempWarehouse>>;
let tmp: Tmp;

beforeAll(async () => {
  tmp = await tempWarehouse();
  dropFile(tmp.dataDir, 'tickets', 'tickets_marzo.csv', CSV);
  const r = await runPipeline(tmp.wh, ticketsPipeline, { dataDir: tmp.dataDir });
  expect(r.estado).toBe('exito');
  // 10 rows read, 9 loaded, ticket 10 (estado «escalado») quarantined.
  expect([r.leidas, r.cargadas, r.rechazadas]).toEqual([10, 9, 1]);
});
afterAll(() => tmp?.close());

describe('incident figures on a hand-built export', () => {
  it('abiertos, resueltos, backlog, MTTR, time to own and SLA % equal the hand-computed values', async () => {
    const r = await resumen(tmp.wh, RANGE);
    expect(r).toMatchObject(EXPECTED);
    expect(r.reabiertos).toBe(0);
  });

  it('by priority', async () => {
    const r = await resumen(tmp.wh, RANGE);
    const by = Object.fromEntries(r.por_prioridad.map((p) => [String(p.prioridad), p]));
    // priority 3: solved 1 (10 h, met) and 2 (48 h, met) → median 29, 100 %
    expect(by['3']).toMatchObject({ resueltos: 2, mttr_horas_mediana: 29, sla_cumplido_pct: 100 });
    // priority 5: solved 3 (10 h, deadline 8 h) → 10, 0 %
    expect(by['5']).toMatchObject({ resueltos: 1, mttr_horas_mediana: 10, sla_cumplido_pct: 0 });
    // priority 2: solved 5 (216 h, after its deadline) → 216, 0 %
    expect(by['2']).toMatchObject({ resueltos: 1, mttr_horas_mediana: 216, sla_cumplido_pct: 0 });
    // priority 4: opened 6 (and 7, out of range), nothing solved → no MTTR nor SLA
    expect(by['4']).toMatchObject({ resueltos: 0, mttr_horas_mediana: null, sla_cumplido_pct: null, abiertos: 1, backlog: 1 });
  });

  it('the configured SLA time per priority applies when a ticket has no deadline', async () => {
    await tmp.wh.exec(`INSERT INTO app.configuracion (clave, valor) VALUES ($1, '{"5": 12}')`, [slaHoras.clave]);
    try {
      // ticket 3 now has 12 h: solved in 10 h → met; 3 of 4 = 75 %
      expect((await resumen(tmp.wh, RANGE)).sla_cumplido_pct).toBe(75);
    } finally {
      await tmp.wh.exec('DELETE FROM app.configuracion WHERE clave = $1', [slaHoras.clave]);
    }
  });

  it('filters: a category, and the empty-value filter', async () => {
    // Red y conectividad: 1 (opened, solved, 10 h, met) and 4 (opened, backlog)
    const red = await resumen(tmp.wh, { ...RANGE, categoria: 'Red y conectividad' });
    expect(red).toMatchObject({ abiertos: 2, resueltos: 1, backlog: 1, mttr_horas_mediana: 10, sla_cumplido_pct: 100 });
    // without a council: every ticket but 1 (D05) and 6 (M087) → opened 2, 3, 4, 9 = 4
    const sin = await resumen(tmp.wh, { ...RANGE, clave_odes: '(sin dato)' });
    expect(sin.abiertos).toBe(4);
  });

  it('breakdown by service, weekly opened vs solved, backlog by age, and the rows behind the figures', async () => {
    const servicios = await desglose(tmp.wh, RANGE, 'servicio');
    const s = Object.fromEntries(servicios.map((x) => [x.valor, x]));
    // no service: 4, 5, 6, 8 → opened 4 and 6; solved 5; backlog 4, 6, 8
    expect(s['(sin dato)']).toMatchObject({ abiertos: 2, resueltos: 1, backlog: 3 });
    expect(s['PREP']).toMatchObject({ abiertos: 1, resueltos: 1, backlog: 0, sla_cumplido_pct: 0 });

    const weeks = await semanal(tmp.wh, RANGE);
    // Mondays from 23/02 (week of 01/03) to 30/03: 6 weeks
    expect(weeks.map((w) => w.semana)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    // week of 23/02: solved 5 (01/03). week of 02/03: opened 1, 2; solved 1, 2. week of 09/03: opened 3, solved 3.
    // week of 16/03: opened 4. week of 23/03: opened 6. week of 30/03: opened 9.
    expect(weeks.map((w) => [w.abiertos, w.resueltos])).toEqual([[0, 1], [2, 2], [1, 1], [1, 0], [1, 0], [1, 0]]);

    const edades = await backlogPorEdad(tmp.wh, RANGE);
    // age at 01/04 00:00: 4 → 11 d 15 h (7–30 d); 6 → 6 d 15 h (3–7 d); 8 → 49 d 15 h (> 30 d); 9 → 1 d 15 h (1–3 d)
    expect(Object.fromEntries(edades.map((e) => [e.clave, e.tickets]))).toEqual({ menos_1d: 0, '1_3d': 1, '3_7d': 1, '7_30d': 1, mas_30d: 1 });

    const resueltos = await listaTickets(tmp.wh, { ...RANGE, conjunto: 'resueltos' });
    expect(resueltos.map((t) => t.id).sort()).toEqual([1, 2, 3, 5]);
    expect(resueltos.find((t) => t.id === 2)).toMatchObject({ horas_solucion: 48, sla_cumplido: true });
    const viejos = await listaTickets(tmp.wh, { ...RANGE, conjunto: 'backlog', edad: 'mas_30d' });
    expect(viejos.map((t) => t.id)).toEqual([8]);
    const semana = await listaTickets(tmp.wh, { ...RANGE, conjunto: 'abiertos', semana: '2026-03-02' });
    expect(semana.map((t) => t.id).sort()).toEqual([1, 2]);
    const todos = await listaTickets(tmp.wh, RANGE);
    // opened, solved or backlog in the range: everything but 7
    expect(todos.map((t) => t.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 8, 9]);
  });
});
