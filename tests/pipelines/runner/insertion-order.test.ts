import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertionUnordered, stagingInOrder, unorderedWrites } from '../../../pipelines/runner/insertion-order.js';
import { runPipeline } from '../../../pipelines/runner/run.js';
import { ticketsPipeline } from '../../../pipelines/tickets/index.js';
import { csv, ticket } from '../../helpers/tickets.js';
import { dropFile, tempWarehouse, type TempWarehouse } from '../../helpers/warehouse.js';

// The instance-wide preserve_insertion_order, let go while a run commits and kept while a CSV is staged (its row
// numbers are its temporary table's row ids): on a real warehouse.
let tmp: TempWarehouse;
beforeEach(async () => {
  tmp = await tempWarehouse();
});
afterEach(() => tmp?.close());

const ordered = async (): Promise<boolean> =>
  (await tmp.wh.one<{ v: boolean }>(`SELECT current_setting('preserve_insertion_order') AS v`))!.v;
const settings = (sql: string): Promise<unknown> => tmp.wh.withConnection((c) => c.run(sql));

describe('insertion order around a run', () => {
  it('is let go while a run commits and comes back after it, also when the commit fails', async () => {
    expect(await ordered()).toBe(true);
    expect(await unorderedWrites(settings, async () => [insertionUnordered(), await ordered()])).toEqual([true, false]);
    expect(await ordered()).toBe(true);
    await expect(unorderedWrites(settings, async () => { throw new Error('la carga falló'); })).rejects.toThrow('la carga falló');
    expect(insertionUnordered()).toBe(false);
    expect(await ordered()).toBe(true);
  });

  it('is kept while a CSV is being staged, and a staging that starts meanwhile waits until it is back', async () => {
    let finishStaging!: () => void;
    const staging = stagingInOrder({ run: settings }, () => new Promise<void>((r) => (finishStaging = r)));
    // A run that commits while the staging runs keeps the order.
    expect(await unorderedWrites(settings, ordered)).toBe(true);
    finishStaging();
    await staging;

    const events: string[] = [];
    let finishCommit!: () => void;
    const commit = unorderedWrites(settings, async () => {
      events.push('commit:inicio');
      await new Promise<void>((r) => (finishCommit = r));
      events.push('commit:fin');
    });
    await new Promise((r) => setTimeout(r, 20));
    const later = stagingInOrder({ run: settings }, async () => {
      events.push(`staging:${(await ordered()) ? 'ordenado' : 'SIN ORDEN'}`);
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual(['commit:inicio']);
    finishCommit();
    await Promise.all([commit, later]);
    expect(events).toEqual(['commit:inicio', 'commit:fin', 'staging:ordenado']);
  });

  it('when setting it back fails, the next staging sets it on its own connection first', async () => {
    let calls = 0;
    const failingBack = async (sql: string): Promise<unknown> => (++calls === 2 ? Promise.reject(new Error('sin conexión')) : settings(sql));
    await unorderedWrites(failingBack, async () => undefined);
    expect(await ordered()).toBe(false);
    const seen = await tmp.wh.withConnection((c) => stagingInOrder(c, ordered));
    expect(seen).toBe(true);
  });

  it('a run loads every row of a file with its row number, and leaves the order kept', async () => {
    dropFile(tmp.dataDir, 'tickets', 'tickets_1.csv', csv([ticket(1), ticket(2), ticket(3, { prioridad: 9 }), ticket(4)]));
    const r = await runPipeline(tmp.wh, ticketsPipeline, { dataDir: tmp.dataDir });
    expect(r).toMatchObject({ estado: 'exito', cargadas: 3, rechazadas: 1 });
    const rows = await tmp.wh.all<{ id: number; _fila: number }>('SELECT id, _fila FROM core.tickets ORDER BY id');
    expect(rows.map((x) => [Number(x.id), Number(x._fila)])).toEqual([[1, 2], [2, 3], [4, 5]]);
    const q = await tmp.wh.all<{ fila: number; campo: string }>('SELECT fila, campo FROM ops.cuarentena WHERE fila IS NOT NULL');
    expect(q.map((x) => [Number(x.fila), x.campo])).toEqual([[4, 'prioridad']]);
    expect(await ordered()).toBe(true);
  });
});
