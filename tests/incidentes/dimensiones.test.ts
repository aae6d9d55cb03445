import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/runner/run.js';
import { ticketsPipeline } from '../../pipelines/tickets/index.js';
import { desglose, resumen } from '../../src/domains/incidentes/queries.js';
import { SIN_DATO } from '../../src/domains/incidentes/types.js';
import { dropFile, tempWarehouse } from '../helpers/warehouse.js';
import { csv, ticket } from '../helpers/tickets.js';

/**
 * The figures read the text dimensions straight from core.tickets (migration 0790), where an empty value is NULL:
 * filters and breakdowns still treat it as SIN_DATO, the same value as a source that writes «(sin dato)».
 */
type Tmp = Awaited<ReturnType<typeof tempWarehouse>>;
let tmp: Tmp;
beforeAll(async () => {
  tmp = await tempWarehouse();
});
afterAll(() => tmp?.close());

const run = async (name: string, rows: Array<Record<string, string>>): Promise<void> => {
  dropFile(tmp.dataDir, 'tickets', name, csv(rows));
  expect((await runPipeline(tmp.wh, ticketsPipeline, { dataDir: tmp.dataDir })).estado).toBe('exito');
};
const RANGO = { desde: '2026-03-01', hasta: '2026-03-31' };

describe('text dimensions of the incident figures', () => {
  it('an empty value and one written «(sin dato)» are one value in filters and in the breakdown; a value no ticket has matches none', async () => {
    await run('uno.csv', [ticket(1, { categoria: 'Correo' }), ticket(2, { categoria: '' }), ticket(3, { categoria: SIN_DATO })]);
    await run('dos.csv', [ticket(4, { categoria: 'Cableado' }), ticket(5, { categoria: 'Correo', servicio: '' })]);
    expect((await resumen(tmp.wh, { ...RANGO, categoria: SIN_DATO })).abiertos).toBe(2);
    expect((await resumen(tmp.wh, { ...RANGO, categoria: 'Correo' })).abiertos).toBe(2);
    expect((await resumen(tmp.wh, { ...RANGO, categoria: 'Cableado' })).abiertos).toBe(1);
    expect((await resumen(tmp.wh, { ...RANGO, categoria: 'Telefonía' })).abiertos).toBe(0);
    // Two filters at once: Correo without a service is ticket 5 alone.
    expect((await resumen(tmp.wh, { ...RANGO, categoria: 'Correo', servicio: SIN_DATO })).abiertos).toBe(1);
    const d = await desglose(tmp.wh, RANGO, 'categoria');
    expect(d.map((x) => [x.valor, x.abiertos])).toEqual([[SIN_DATO, 2], ['Correo', 2], ['Cableado', 1]]);
  });

  it('a ticket that moves to another category in a later export is counted under the new one only', async () => {
    await run('tres.csv', [ticket(2, { categoria: 'Cableado' })]);
    const d = await desglose(tmp.wh, RANGO, 'categoria');
    expect(d.map((x) => [x.valor, x.abiertos])).toEqual([['Cableado', 2], ['Correo', 2], [SIN_DATO, 1]]);
  });
});
