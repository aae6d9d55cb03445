import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { warehouseForTests } from '../helpers/warehouse.js';

/*
 * Migration 0795 fills core.tickets_reaperturas from the history an installation already has: every history row in
 * a state other than resuelto/cerrado after a resuelto/cerrado row of the same ticket, and no other.
 *   ticket 1: nuevo → resuelto → asignado (reopened) → cerrado → en espera (reopened again)
 *   ticket 2: nuevo → asignado → resuelto (never reopened)
 *   ticket 3: cerrado (first seen closed) → nuevo (reopened)
 */
const t = warehouseForTests();
const BACKFILL = fs.readFileSync(new URL('../../warehouse/migrations/0795_tickets_reaperturas.sql', import.meta.url), 'utf8')
  .split(';').map((s) => s.replace(/^\s*--.*$/gm, '').trim()).find((s) => s.startsWith('INSERT'))!;

describe('reopenings kept from the history (migration 0795)', () => {
  it('the backfill finds exactly the history rows that reopen a ticket', async () => {
    const historia: Array<[number, string, string]> = [
      [1, 'nuevo', '2026-03-01 09:00'], [2, 'nuevo', '2026-03-01 09:30'], [3, 'cerrado', '2026-03-01 10:00'],
      [1, 'resuelto', '2026-03-02 09:00'], [2, 'asignado', '2026-03-02 09:30'], [3, 'nuevo', '2026-03-02 10:00'],
      [1, 'asignado', '2026-03-03 09:00'], [2, 'resuelto', '2026-03-03 09:30'],
      [1, 'cerrado', '2026-03-04 09:00'], [1, 'en espera', '2026-03-05 09:00'],
    ];
    for (const [id, estado, visto] of historia) {
      await t.wh.exec(`INSERT INTO core.tickets_estados (id, estado, observado_en) VALUES ($1, $2, $3::TIMESTAMPTZ)`, [id, estado, visto]);
    }
    await t.wh.exec('DELETE FROM core.tickets_reaperturas');
    await t.wh.exec(BACKFILL);
    const filas = await t.wh.all<{ id: number; visto: string }>(
      `SELECT id::INTEGER AS id, strftime(observado_en, '%Y-%m-%d %H:%M') AS visto FROM core.tickets_reaperturas ORDER BY observado_en`);
    expect(filas).toEqual([{ id: 3, visto: '2026-03-02 10:00' }, { id: 1, visto: '2026-03-03 09:00' }, { id: 1, visto: '2026-03-05 09:00' }]);
  });
});
