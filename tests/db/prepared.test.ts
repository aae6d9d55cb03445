import { describe, expect, test } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { PREPARED_PER_CONNECTION, preparedCount, runPrepared } from '../../src/db/prepared.js';
import { warehouseForTests } from '../helpers/warehouse.js';

/** Reads through kept prepared statements answer exactly as fresh statements would. */
describe('prepared statements kept per connection', () => {
  const t = warehouseForTests();
  const SQL = 'SELECT count(*)::INTEGER AS n, max(x) AS m FROM core.prueba_preparada WHERE x >= $lo';

  test('a kept statement sees later commits, survives a table recreated with other columns and refuses a missing parameter', async () => {
    await t.wh.exec('CREATE TABLE core.prueba_preparada (x INTEGER)');
    await t.wh.exec('INSERT INTO core.prueba_preparada VALUES (1), (2)');
    expect(await t.wh.one(SQL, { lo: 1 })).toEqual({ n: 2, m: 2 });
    await t.wh.exec('INSERT INTO core.prueba_preparada VALUES (3)');
    expect(await t.wh.one(SQL, { lo: 2 })).toEqual({ n: 2, m: 3 });
    await t.wh.exec('DROP TABLE core.prueba_preparada');
    await expect(t.wh.one(SQL, { lo: 1 })).rejects.toThrow(/prueba_preparada/);
    await t.wh.exec("CREATE TABLE core.prueba_preparada (y VARCHAR, x INTEGER); INSERT INTO core.prueba_preparada VALUES ('a', 10)");
    expect(await t.wh.one(SQL, { lo: 5 })).toEqual({ n: 1, m: 10 });
    // The value bound by the previous run is never reused.
    await expect(t.wh.one(SQL, {})).rejects.toThrow(/lo/);
    expect(await t.wh.one(SQL, { lo: 11 })).toEqual({ n: 0, m: null });
  });

  test('a plan is not reused over rows written after it: DuckDB plans with the statistics of the data then', async () => {
    // Planned over x in 0..15: the GROUP BY gets a perfect hash aggregate sized for 16 groups and `x > 20` is pruned
    // as never true. After 100 more values a kept plan fails on the first and answers 0 to the second.
    await t.wh.exec('CREATE TABLE core.prueba_estadisticas AS SELECT range::INTEGER AS x FROM range(16)');
    const GRUPOS = 'SELECT count(*)::INTEGER AS n FROM (SELECT x, count(*) FROM core.prueba_estadisticas GROUP BY x)';
    const MAYORES = 'SELECT count(*)::INTEGER AS n FROM core.prueba_estadisticas WHERE x > 20';
    expect([await t.wh.one(GRUPOS), await t.wh.one(MAYORES)]).toEqual([{ n: 16 }, { n: 0 }]);
    expect([await t.wh.one(GRUPOS), await t.wh.one(MAYORES)]).toEqual([{ n: 16 }, { n: 0 }]);
    await t.wh.exec('INSERT INTO core.prueba_estadisticas SELECT range::INTEGER FROM range(16, 116)');
    expect([await t.wh.one(GRUPOS), await t.wh.one(MAYORES)]).toEqual([{ n: 116 }, { n: 95 }]);
  });

  test('several statements in one text still run (unprepared) and a connection keeps a bounded number', async () => {
    const inst = await DuckDBInstance.create(':memory:');
    const c = await inst.connect();
    try {
      const epoca = (): number => 0;
      const r = await runPrepared(c, 'CREATE TABLE t AS SELECT 1 AS x; SELECT x + $d AS y FROM t', { d: 1 }, epoca);
      expect(r.getRowObjectsJS()).toEqual([{ y: 2 }]);
      expect(preparedCount(c)).toBe(0);
      for (let i = 0; i < PREPARED_PER_CONNECTION + 10; i++) {
        expect((await runPrepared(c, `SELECT ${i} + $d AS y`, { d: 1 }, epoca)).getRowObjectsJS()).toEqual([{ y: i + 1 }]);
      }
      expect(preparedCount(c)).toBe(PREPARED_PER_CONNECTION);
      // The most recently used stay: the first statement, used again, is prepared anew and still answers.
      expect((await runPrepared(c, 'SELECT 0 + $d AS y', { d: 5 }, epoca)).getRowObjectsJS()).toEqual([{ y: 5 }]);
    } finally {
      c.closeSync();
      inst.closeSync();
    }
  });
});
