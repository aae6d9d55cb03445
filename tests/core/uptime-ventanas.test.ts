import { describe, expect, it } from 'vitest';
import { ventanas } from '../../src/core/uptime-ventanas.js';
import { warehouseForTests } from '../helpers/warehouse.js';

// The windows' bounds computed in TypeScript are the instants DuckDB's calendar gives in Mexico City's time zone
// (what the statement computed itself before), also across the daylight-saving changes of the years before 2022.
const t = warehouseForTests();

const SQL = `
  SELECT epoch_ms(a) AS ahora, epoch_ms(a - INTERVAL 1 HOUR) AS ahora_1h, epoch_ms(date_trunc('hour', a)) AS h0,
    epoch_ms(date_trunc('hour', a) - INTERVAL 23 HOUR) AS h23, epoch_ms(date_trunc('hour', a) - INTERVAL 167 HOUR) AS h167,
    epoch_ms(date_trunc('day', a) - INTERVAL 29 DAY) AS d29, epoch_ms(date_trunc('day', a) - INTERVAL 89 DAY) AS d89,
    epoch_ms(date_trunc('day', a) - INTERVAL 364 DAY) AS d364
  FROM (SELECT $ahora::TIMESTAMPTZ AS a)`;

describe('uptime windows', () => {
  it.each([
    '2026-11-30T19:48:13.761Z', // today
    '2026-01-01T05:59:59.000Z', // the last second of a Mexico City day
    '2021-04-10T12:30:00.000Z', // days after the spring change of 2021 (−05:00 → its 29 days cross it)
    '2021-11-05T03:10:00.000Z', // days after the autumn change of 2021
    '2020-06-15T23:00:00.000Z',
  ])('at %s, each bound is the instant of the calendar in Mexico City', async (ahora) => {
    const db = (await t.wh.one<Record<string, number>>(SQL, { ahora }))!;
    const ours = Object.fromEntries(Object.entries(ventanas(ahora)).map(([k, v]) => [k, Date.parse(v)]));
    expect(ours).toEqual(Object.fromEntries(Object.entries(db).map(([k, v]) => [k, Number(v)])));
  });
});
