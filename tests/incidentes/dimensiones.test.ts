import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/runner/run.js';
import { ticketsPipeline } from '../../pipelines/tickets/index.js';
import { desglose, resumen } from '../../src/domains/incidentes/queries.js';
import { SIN_DATO } from '../../src/domains/incidentes/types.js';
import { dropFile, tempWarehouse } from '../helpers/warehouse.js';
import { csv, ticket } from '../helpers/tickets.js';

/**
 * core.tickets_hechos keeps the text dimensions as codes of core.tickets_dimensiones (migration 0790): codes never
 * change once given, a later load appends the values it brings, and filters and breakdowns still speak in values.
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
const codigos = () => tmp.wh.all<{ valor: string; codigo: number }>(
  `SELECT valor, codigo FROM core.tickets_dimensiones WHERE dimension = 'categoria' ORDER BY codigo`);
const RANGO = { desde: '2026-03-01', hasta: '2026-03-31' };

describe('dimension codes of core.tickets_hechos', () => {
  it('an empty value and one written «(sin dato)» are one value; a later load appends new values and keeps the codes given', async () => {
    await run('uno.csv', [ticket(1, { categoria: 'Correo' }), ticket(2, { categoria: '' }), ticket(3, { categoria: SIN_DATO })]);
    expect(await codigos()).toEqual([{ valor: SIN_DATO, codigo: 0 }, { valor: 'Correo', codigo: 1 }]);

    // 'Cableado' sorts before both: it still gets the next code, and tickets 1–3 keep theirs.
    await run('dos.csv', [ticket(4, { categoria: 'Cableado' }), ticket(5, { categoria: 'Correo' })]);
    expect(await codigos()).toEqual([{ valor: SIN_DATO, codigo: 0 }, { valor: 'Correo', codigo: 1 }, { valor: 'Cableado', codigo: 2 }]);
    const h = await tmp.wh.all<{ id: number; categoria: number }>('SELECT id, categoria FROM core.tickets_hechos ORDER BY id');
    expect(h.map((x) => [x.id, x.categoria])).toEqual([[1, 1], [2, 0], [3, 0], [4, 2], [5, 1]]);

    expect((await resumen(tmp.wh, { ...RANGO, categoria: SIN_DATO })).abiertos).toBe(2);
    expect((await resumen(tmp.wh, { ...RANGO, categoria: 'Correo' })).abiertos).toBe(2);
    expect((await resumen(tmp.wh, { ...RANGO, categoria: 'Cableado' })).abiertos).toBe(1);
    // A value no ticket has matches none (it has no code).
    expect((await resumen(tmp.wh, { ...RANGO, categoria: 'Telefonía' })).abiertos).toBe(0);
    const d = await desglose(tmp.wh, RANGO, 'categoria');
    expect(d.map((x) => [x.valor, x.abiertos])).toEqual([[SIN_DATO, 2], ['Correo', 2], ['Cableado', 1]]);
  });

  it('a ticket that moves to another category in a later export is counted under the new one only', async () => {
    await run('tres.csv', [ticket(2, { categoria: 'Cableado' })]);
    const d = await desglose(tmp.wh, RANGO, 'categoria');
    expect(d.map((x) => [x.valor, x.abiertos])).toEqual([['Cableado', 2], ['Correo', 2], [SIN_DATO, 1]]);
  });
});
