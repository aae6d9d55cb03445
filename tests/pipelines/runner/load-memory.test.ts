import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMemorySettled, withLoadMemory } from '../../../pipelines/runner/load-memory.js';
import { runPipeline } from '../../../pipelines/runner/run.js';
import { ticketsPipeline } from '../../../pipelines/tickets/index.js';
import { dropFile, tempWarehouse } from '../../helpers/warehouse.js';
import { csv, ticket } from '../../helpers/tickets.js';

type Tmp = Awaited<ReturnType<typeof tempWarehouse>>;
let tmp: Tmp;
const saved = { reads: process.env.ATALAYA_DB_MEMORIA_MB, load: process.env.ATALAYA_DB_MEMORIA_CARGA_MB };
beforeEach(async () => {
  process.env.ATALAYA_DB_MEMORIA_MB = '100';
  process.env.ATALAYA_DB_MEMORIA_CARGA_MB = '300';
  tmp = await tempWarehouse();
});
afterEach(() => {
  tmp?.close();
  for (const [k, v] of [['ATALAYA_DB_MEMORIA_MB', saved.reads], ['ATALAYA_DB_MEMORIA_CARGA_MB', saved.load]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** DuckDB's memory_limit in force, in bytes (it answers "95.3 MiB"). */
async function limitBytes(): Promise<number> {
  const r = await tmp.wh.one<{ v: string }>(`SELECT current_setting('memory_limit') AS v`);
  const m = /^([\d.]+)\s*(KiB|MiB|GiB)$/.exec(r!.v);
  if (!m) throw new Error(`memory_limit inesperado: ${r!.v}`);
  return Number(m[1]) * { KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30 }[m[2] as 'KiB' | 'MiB' | 'GiB'];
}

describe('memory limit while loading', () => {
  it('is the load limit inside a load, and the reads limit again after it, also when the load fails', async () => {
    expect(Math.round((await limitBytes()) / 1e6)).toBe(100);
    const during = await tmp.wh.withConnection((c) => withLoadMemory(c, limitBytes));
    expect(Math.round(during / 1e6)).toBe(300);
    expect(Math.round((await limitBytes()) / 1e6)).toBe(100);
    await expect(tmp.wh.withConnection((c) => withLoadMemory(c, async () => { throw new Error('falla'); }))).rejects.toThrow('falla');
    expect(Math.round((await limitBytes()) / 1e6)).toBe(100);
  });

  it('set back through another connection, which the load does not wait for; a failed change stops no later one', async () => {
    const other = (sql: string): Promise<unknown> => tmp.wh.withConnection((o) => o.run(sql));
    const failing = async (): Promise<unknown> => Promise.reject(new Error('sin conexión'));
    expect(Math.round((await tmp.wh.withConnection((c) => withLoadMemory(c, limitBytes, failing))) / 1e6)).toBe(300);
    await loadMemorySettled();
    // Setting it back failed: the load's limit is still in force, and the next load raises and lowers it as usual.
    expect(Math.round((await limitBytes()) / 1e6)).toBe(300);
    expect(Math.round((await tmp.wh.withConnection((c) => withLoadMemory(c, limitBytes, other))) / 1e6)).toBe(300);
    await loadMemorySettled();
    expect(Math.round((await limitBytes()) / 1e6)).toBe(100);
  });

  it('a file run leaves the reads limit in force and loads its rows', async () => {
    dropFile(tmp.dataDir, 'tickets', 'tickets_1.csv', csv([ticket(1), ticket(2)]));
    const r = await runPipeline(tmp.wh, ticketsPipeline, { dataDir: tmp.dataDir });
    expect(r).toMatchObject({ estado: 'exito', cargadas: 2 });
    expect(Math.round((await limitBytes()) / 1e6)).toBe(100);
  });
});
