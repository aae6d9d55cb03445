import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/runner/run.js';
import { ticketsPipeline } from '../../pipelines/tickets/index.js';
import { desglose, listaTickets, resumen } from '../../src/domains/incidentes/queries.js';
import { dropFile, tempWarehouse, type TempWarehouse } from '../helpers/warehouse.js';
import { HEADER } from './fixture.js';

/**
 * A ticket with neither a deadline nor a priority has no SLA (issue 14, item 7): it is left out of
 * sla_cumplido_pct's denominator and counted apart in sin_sla.
 */
const ROWS = [
  // 1: priority 3, no deadline → 48 h; solved in 10 h → met
  '1,VPN caída,incidente,Red y conectividad,,3,3,3,resuelto,UTVODES,,tec01,02/03/2026 09:00,02/03/2026 10:00,02/03/2026 19:00,,',
  // 2: no priority, deadline 03/03 09:00, solved 04/03 09:00 → not met
  '2,Buzón lleno,solicitud,Correo,,,,,resuelto,DEA,,tec02,02/03/2026 09:00,02/03/2026 10:00,04/03/2026 09:00,,03/03/2026 09:00',
  // 3: no priority, no deadline, solved → no SLA
  '3,Alta de impresora,solicitud,Impresión,,,,,resuelto,UTP,,tec02,05/03/2026 09:00,05/03/2026 10:00,06/03/2026 09:00,,',
  // 4: no priority, no deadline, not solved → backlog, not in any SLA count
  '4,Tóner agotado,solicitud,Impresión,,,,,asignado,UTP,,tec02,06/03/2026 09:00,06/03/2026 10:00,,,',
];
const RANGE = { desde: '2026-03-01', hasta: '2026-03-31' };

let tmp: TempWarehouse;
beforeAll(async () => {
  tmp = await tempWarehouse();
  dropFile(tmp.dataDir, 'tickets', 'tickets_sin_sla.csv', [HEADER, ...ROWS].join('\r\n') + '\r\n');
  const r = await runPipeline(tmp.wh, ticketsPipeline, { dataDir: tmp.dataDir });
  expect([r.estado, r.cargadas, r.rechazadas]).toEqual(['exito', 4, 0]);
});
afterAll(() => tmp?.close());

describe('incidents without SLA', () => {
  it('leaves a ticket without deadline nor priority out of sla_cumplido_pct and counts it in sin_sla', async () => {
    const r = await resumen(tmp.wh, RANGE);
    // solved 1, 2, 3; SLA measured on 1 (met) and 2 (missed) = 50 %; 3 has no SLA (it was 1 of 3 = 33.33 % before)
    expect(r).toMatchObject({ resueltos: 3, backlog: 1, sla_cumplido_pct: 50, sin_sla: 1 });
    const sinPrioridad = r.por_prioridad.find((p) => p.prioridad === null);
    // without priority: 2 (missed) and 3 (no SLA) → 0 % over 1, sin_sla 1
    expect(sinPrioridad).toMatchObject({ resueltos: 2, sla_cumplido_pct: 0, sin_sla: 1 });
  });

  it('a group whose solved tickets all lack an SLA has no percentage', async () => {
    const rows = await desglose(tmp.wh, RANGE, 'categoria');
    // Impresión: 3 solved without SLA, 4 pending → no percentage, sin_sla 1
    expect(rows.find((x) => x.valor === 'Impresión')).toMatchObject({ resueltos: 1, sla_cumplido_pct: null, sin_sla: 1 });
  });

  it('the ticket list says neither met nor missed for it', async () => {
    const rows = await listaTickets(tmp.wh, { ...RANGE, conjunto: 'resueltos' });
    expect(Object.fromEntries(rows.map((t) => [t.id, t.sla_cumplido]))).toEqual({ 1: true, 2: false, 3: null });
  });
});
