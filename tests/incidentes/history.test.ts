import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/runner/run.js';
import { ticketsPipeline } from '../../pipelines/tickets/index.js';
import { resumen } from '../../src/domains/incidentes/queries.js';
import { dropFile, tempWarehouse } from '../helpers/warehouse.js';
import { HEADER } from './fixture.js';
import { todayMx } from '../../src/core/time.js';

type Tmp = Awaited<ReturnType<typeof tempWarehouse>>;
let tmp: Tmp;
beforeAll(async () => {
  tmp = await tempWarehouse();
});
afterAll(() => tmp?.close());

/** An export with these rows (under the contract's header) dropped in the inbox and loaded. */
const load = async (name: string, rows: string[]): Promise<void> => {
  dropFile(tmp.dataDir, 'tickets', name, [HEADER, ...rows].join('\n'));
  const r = await runPipeline(tmp.wh, ticketsPipeline, { dataDir: tmp.dataDir });
  expect(r.estado).toBe('exito');
};

describe('ticket state history across exports', () => {
  it('a later export that moves a ticket from asignado to resuelto (and drops the assignment date) keeps when it was assigned', async () => {
    await load('tickets_lunes.csv', [
      '100,Sin internet,incidente,Red y conectividad,,3,3,3,asignado,SE,,tec01,02/03/2026 09:00,02/03/2026 10:30,,,',
      '101,Buzón lleno,solicitud,Correo,,2,2,2,nuevo,DEA,,,02/03/2026 11:00,,,,',
    ]);
    await load('tickets_martes.csv', [
      // the new export has no fecha_asignacion for 100
      '100,Sin internet,incidente,Red y conectividad,,3,3,3,resuelto,SE,,tec01,02/03/2026 09:00,,03/03/2026 09:00,,',
      '101,Buzón lleno,solicitud,Correo,,2,2,2,asignado,DEA,,tec02,02/03/2026 11:00,02/03/2026 13:00,,,',
    ]);

    const t = await tmp.wh.all<{ id: number; estado: string; asig: string | null }>(
      `SELECT id, estado, strftime(fecha_asignacion, '%Y-%m-%d %H:%M') AS asig FROM core.tickets ORDER BY id`);
    expect(t).toEqual([
      { id: 100, estado: 'resuelto', asig: '2026-03-02 10:30' },
      { id: 101, estado: 'asignado', asig: '2026-03-02 13:00' },
    ]);
    const h = await tmp.wh.all<{ id: number; estado: string; fecha: string | null }>(
      `SELECT id, estado, strftime(fecha, '%Y-%m-%d %H:%M') AS fecha FROM core.tickets_estados ORDER BY id, orden`);
    expect(h).toEqual([
      { id: 100, estado: 'asignado', fecha: '2026-03-02 10:30' },
      { id: 100, estado: 'resuelto', fecha: '2026-03-03 09:00' },
      { id: 101, estado: 'nuevo', fecha: '2026-03-02 11:00' },
      { id: 101, estado: 'asignado', fecha: '2026-03-02 13:00' },
    ]);
    // time to own: 100 → 1.5 h, 101 → 2 h; median (1.5 + 2) / 2 = 1.75. MTTR: 100 → 24 h.
    const r = await resumen(tmp.wh, { desde: '2026-03-01', hasta: '2026-03-31' });
    expect(r).toMatchObject({ tiempo_asignacion_horas_mediana: 1.75, mttr_horas_mediana: 24, resueltos: 1, backlog: 1 });
  });

  it('a ticket reopened after being solved counts as reabierto; reloading the same state adds no history', async () => {
    await load('tickets_miercoles.csv', [
      '100,Sin internet,incidente,Red y conectividad,,3,3,3,asignado,SE,,tec01,02/03/2026 09:00,,,,',
      '101,Buzón lleno,solicitud,Correo,,2,2,2,asignado,DEA,,tec02,02/03/2026 11:00,02/03/2026 13:00,,,',
    ]);
    const n = await tmp.wh.all<{ id: number; n: number }>('SELECT id, count(*)::INTEGER AS n FROM core.tickets_estados GROUP BY id ORDER BY id');
    expect(n).toEqual([{ id: 100, n: 3 }, { id: 101, n: 2 }]);
    // The reopening was observed now: a range that covers today counts it.
    const hoy = todayMx();
    const r = await resumen(tmp.wh, { desde: '2026-03-01', hasta: hoy });
    expect(r.reabiertos).toBe(1);
    // Its assignment date survives the reopening export too.
    const t = await tmp.wh.one<{ asig: string }>(`SELECT strftime(fecha_asignacion, '%H:%M') AS asig FROM core.tickets WHERE id = 100`);
    expect(t?.asig).toBe('10:30');
  });

  it('an assignment date learnt while the state did not change reaches the history row of the earlier run', async () => {
    await load('tickets_jueves.csv', ['102,Impresora atascada,incidente,Impresión,,2,2,2,en espera,UTP,,tec03,04/03/2026 09:00,,,,']);
    await load('tickets_viernes.csv', ['102,Impresora atascada,incidente,Impresión,,2,2,2,en espera,UTP,,tec03,04/03/2026 09:00,04/03/2026 09:45,,,']);
    const h = await tmp.wh.all<{ estado: string; asig: string | null }>(
      `SELECT estado, strftime(fecha_asignacion, '%H:%M') AS asig FROM core.tickets_estados WHERE id = 102 ORDER BY orden`);
    expect(h).toEqual([{ estado: 'en espera', asig: '09:45' }]);
  });
});
