import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runChecks } from '../../../pipelines/runner/checks.js';
import type { Check } from '../../../pipelines/runner/types.js';
import { tempWarehouse, type TempWarehouse } from '../../helpers/warehouse.js';

// The row-at-a-time checks of a table are counted in one scan: each still reports its own count and sample.
let tmp: TempWarehouse;
beforeEach(async () => {
  tmp = await tempWarehouse();
});
afterEach(() => tmp?.close());

describe('quality checks', () => {
  it('count the rows breaking each not-null and accepted-values check of two tables, with a sample of each', async () => {
    await tmp.wh.exec(`CREATE TABLE core.a AS SELECT * FROM (VALUES (1, 'x', 'rojo'), (2, NULL, 'verde'), (3, NULL, 'azul'), (4, 'y', NULL), (5, 'z', 'morado')) v(id, nombre, color)`);
    await tmp.wh.exec(`CREATE TABLE core.b AS SELECT * FROM (VALUES (10, 'si'), (11, 'no'), (12, 'tal vez')) v(id, respuesta)`);
    const checks: Check[] = [
      { kind: 'not_null', table: 'core.a', column: 'nombre' },
      { kind: 'accepted_values', table: 'core.b', column: 'respuesta', values: ['si', 'no'] },
      { kind: 'accepted_values', table: 'core.a', column: 'color', values: ['rojo', 'verde', 'azul'] },
      { kind: 'not_null', table: 'core.a', column: 'id' },
      { kind: 'unique', table: 'core.a', columns: ['id'], integer: true },
    ];
    const r = await runChecks(tmp.wh, checks);
    expect(r.map((x) => [x.tipo, x.tabla, x.fallas])).toEqual([
      ['not_null', 'core.a', 2], ['accepted_values', 'core.b', 1], ['accepted_values', 'core.a', 1], ['not_null', 'core.a', 0], ['unique', 'core.a', 0],
    ]);
    expect((r[0]!.muestra as Array<{ id: number }>).map((m) => Number(m.id)).sort()).toEqual([2, 3]);
    expect(r[1]!.muestra).toMatchObject([{ respuesta: 'tal vez' }]);
    // A NULL is not a value outside the list (the not-null check says whether it may be empty).
    expect(r[2]!.muestra).toMatchObject([{ color: 'morado' }]);
    expect(r[3]!.muestra).toEqual([]);
  });
});
