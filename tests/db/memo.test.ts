import { describe, expect, test } from 'vitest';
import { porVersion } from '../../src/db/memo.js';
import { warehouseForTests } from '../helpers/warehouse.js';

/** Pieces kept per data version: the same value until a commit of the datasets they read, never after it. */
describe('porVersion', () => {
  const t = warehouseForTests();

  test('computed once per version of its datasets; a commit of another dataset keeps it; a failure is not kept', async () => {
    await t.wh.exec('CREATE TABLE core.prueba_memo (x INTEGER); INSERT INTO core.prueba_memo VALUES (1)');
    let calls = 0;
    const suma = () => porVersion(t.wh, 'prueba:suma', ['datos'], async () => {
      calls++;
      return (await t.wh.one<{ s: number }>('SELECT sum(x)::INTEGER AS s FROM core.prueba_memo'))!.s;
    });
    expect(await Promise.all([suma(), suma()])).toEqual([1, 1]);
    expect(calls).toBe(1);
    // A login (dataset «sesiones») does not change what it reads.
    await t.wh.exec('SELECT 1', undefined, 'sesiones');
    expect(await suma()).toBe(1);
    expect(calls).toBe(1);
    // A commit of the data: the next read sees it.
    await t.wh.exec('INSERT INTO core.prueba_memo VALUES (41)');
    expect(await suma()).toBe(42);
    expect(calls).toBe(2);

    let intentos = 0;
    const falla = () => porVersion(t.wh, 'prueba:falla', ['datos'], async () => {
      if (++intentos === 1) throw new Error('primera vez');
      return 'bien';
    });
    await expect(falla()).rejects.toThrow('primera vez');
    expect(await falla()).toBe('bien');
  });

  test('a piece that depends on the clock is computed again once its time limit passes', async () => {
    let calls = 0;
    const ahora = () => porVersion(t.wh, 'prueba:reloj', ['datos', 'sondeos'], async () => ++calls, 30);
    expect(await ahora()).toBe(1);
    expect(await ahora()).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(await ahora()).toBe(2);
    // A batch of checks (dataset «sondeos») is new data for it.
    await t.wh.exec('SELECT 1', undefined, 'sondeos');
    expect(await ahora()).toBe(3);
  });
});
