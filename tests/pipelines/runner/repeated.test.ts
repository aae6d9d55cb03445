import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runChecks } from '../../../pipelines/runner/checks.js';
import { RANGE_MAX, repeatedIntegers } from '../../../pipelines/runner/repeated.js';
import { tempWarehouse, type TempWarehouse } from '../../helpers/warehouse.js';

// Repeated integer keys counted with a bitmap of their range, against DuckDB's count(DISTINCT) on the same rows.
let tmp: TempWarehouse;
beforeEach(async () => {
  tmp = await tempWarehouse();
});
afterEach(() => tmp?.close());

const rows = (sql: string): Promise<Array<Record<string, unknown>>> => tmp.wh.all(sql);
const byHand = async (from: string): Promise<{ repetidas: number; nulos: number }> => {
  const [r] = await tmp.wh.all<{ repetidas: number; nulos: number }>(
    `SELECT (count(k) - count(DISTINCT k))::INTEGER AS repetidas, (count(*) - count(k))::INTEGER AS nulos FROM ${from}`,
  );
  return { repetidas: Number(r!.repetidas), nulos: Number(r!.nulos) };
};

describe('repeated integer keys', () => {
  it.each([
    ['no rows', 'SELECT NULL::BIGINT AS k WHERE false', { repetidas: 0, nulos: 0 }],
    ['all distinct', 'SELECT i AS k FROM range(1000) t(i)', { repetidas: 0, nulos: 0 }],
    ['three repeats, negatives and nulls', 'SELECT * FROM (VALUES (-5), (-5), (0), (7), (7), (7), (NULL), (NULL), (9223372036854775807)) v(k)', null],
    ['a range wider than the bitmap', `SELECT * FROM (VALUES (1), (${RANGE_MAX + 10}), (1), (NULL)) v(k)`, { repetidas: 1, nulos: 1 }],
    ['a range just within it', `SELECT * FROM (VALUES (0), (${RANGE_MAX - 1}), (${RANGE_MAX - 1})) v(k)`, { repetidas: 1, nulos: 0 }],
    ['only nulls', 'SELECT NULL::INTEGER AS k FROM range(3)', { repetidas: 0, nulos: 3 }],
    ['100k keys with every tenth repeated', 'SELECT CASE WHEN i % 10 = 0 THEN i + 1 ELSE i END AS k FROM range(100000) t(i)', { repetidas: 10000, nulos: 0 }],
  ])('%s', async (_name, sql, expected) => {
    const from = `(${sql})`;
    const got = await repeatedIntegers(rows, from, 'k');
    expect(got).toEqual(await byHand(from));
    if (expected) expect(got).toEqual(expected);
  });

  it('the unique check reports what its own query finds: the repeated keys and a sample, or nothing', async () => {
    await tmp.wh.exec(`CREATE TABLE core.prueba AS SELECT * FROM (VALUES (1), (2), (2), (3), (3), (3), (NULL), (NULL)) v(k)`);
    const check = { kind: 'unique' as const, table: 'core.prueba', columns: ['k'], integer: true };
    const [fallas] = await runChecks(tmp.wh, [check]);
    // Keys 2 and 3 repeat, and the two rows without a key make a group of their own.
    expect(fallas).toMatchObject({ fallas: 3, tipo: 'unique' });
    expect((fallas!.muestra as Array<{ k: number | null; repeticiones: number }>).map((m) => [m.k === null ? null : Number(m.k), m.repeticiones]).sort())
      .toEqual([[2, 2], [3, 3], [null, 2]].sort());
    await tmp.wh.exec('DELETE FROM core.prueba WHERE k IS NULL OR k IN (2, 3)');
    await tmp.wh.exec('INSERT INTO core.prueba VALUES (NULL), (2)');
    expect((await runChecks(tmp.wh, [check]))[0]).toMatchObject({ fallas: 0, muestra: [] });
  });
});
