import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWarehouse } from '../helpers/warehouse.js';
import type { Warehouse } from '../../src/db/warehouse.js';
import { inTransaction } from '../../src/db/warehouse.js';
import { writeChecks } from '../../src/domains/disponibilidad/writer.js';
import { runRollup } from '../../pipelines/disponibilidad/rollup.js';
import { binOf, binValue } from '../../src/core/uptime.js';
import { createMantenimiento, createServicio } from '../../src/domains/disponibilidad/catalog.js';
import { caidas, diario, latencia, serviciosEstado } from '../../src/domains/disponibilidad/queries.js';
import type { CheckRecord } from '../../src/domains/disponibilidad/engine.js';

/*
 * Hand-built sequence: service "portal", one check per minute from 10:00 to 11:59 (Mexico City, 10/03/2025),
 * 120 checks, minute i = 0 … 119.
 *   failures at i = 20, 21, 22        → outage A: 10:20 → 10:23 (next success) = 3 min
 *   failure  at i = 40                → a single failure: not an outage (N = 2)
 *   i = 60 … 69 fail, but maintenance 11:00–11:10 covers them → excluded from uptime and from outages
 *   failures at i = 90, 91            → outage B: 11:30 → 11:32 = 2 min
 *   failures at i = 118, 119          → outage C: 11:58, still open at "now" = 12:00 → 2 min so far
 * Uptime = ok / (total − maintenance) = (120 − 10 − 8) / (120 − 10) = 102 / 110 = 92.727 %.
 * Latency of successful checks outside maintenance: 1000 ms when i % 10 = 5 (i = 5, 15, … 115 except 65, in
 * maintenance: 11 checks), 100 ms otherwise (91 checks). p50 falls in the bin of 100 ms (91 ≥ 51 of 102);
 * p95 needs 96.9 of 102, past the 91 at 100 ms: the bin of 1000 ms.
 */
const T0 = Date.parse('2025-03-10T10:00:00-06:00');
const AHORA = '2025-03-10T18:00:00.000Z'; // 12:00 Mexico City
const FAIL = new Set([20, 21, 22, 40, ...Array.from({ length: 10 }, (_, k) => 60 + k), 90, 91, 118, 119]);

function check(i: number): CheckRecord {
  const ok = !FAIL.has(i);
  return { servicio_id: 'portal', ts: T0 + i * 60_000, ok, latencia_ms: ok ? (i % 10 === 5 ? 1000 : 100) : null, codigo: ok ? 200 : 503, error: ok ? null : 'Código HTTP 503 fuera de 200-399', retraso_ms: 0 };
}

let env: Awaited<ReturnType<typeof tempWarehouse>>;
let wh: Warehouse;
const rollup = () => wh.withConnection((c) => inTransaction(c, (tx) => runRollup(tx, { fallos: 2, retencionDias: 30, minutosDias: 7, ahora: AHORA })));

beforeAll(async () => {
  env = await tempWarehouse();
  wh = env.wh;
  await createServicio(wh, { id: 'portal', nombre: 'Portal institucional', tipo: 'http', destino: 'https://www.oplever.org.mx', publico: true }, 'prueba');
  // First hour arrives and is rolled up; then the second hour, and a maintenance window registered after the fact.
  await writeChecks(wh, Array.from({ length: 60 }, (_, i) => check(i)));
  await rollup();
  await writeChecks(wh, Array.from({ length: 60 }, (_, i) => check(60 + i)));
  await createMantenimiento(wh, { servicio_id: 'portal', inicio: '2025-03-10T11:00', fin: '2025-03-10T11:10', motivo: 'Actualización' }, 'prueba');
  await rollup();
});
afterAll(() => env?.close());

describe('rollups y caídas', () => {
  it('uptime por ventana = 102 / 110', async () => {
    const [s] = await serviciosEstado(wh, { ahora: AHORA });
    expect(s!.id).toBe('portal');
    expect(s!.uptime_24h).toBeCloseTo(92.727, 3);
    expect(s!.uptime_7d).toBeCloseTo(92.727, 3);
    expect(s!.uptime_30d).toBeCloseTo(92.727, 3);
    expect(s!.uptime_90d).toBeCloseTo(92.727, 3);
    expect(s!.uptime_365d).toBeCloseTo(92.727, 3);
    expect(s!.estado).toBe('abajo'); // the last 2 checks failed
    expect(s!.latencia_p50_ms).toBe(binValue(binOf(100)));
    expect(s!.latencia_p95_ms).toBe(binValue(binOf(1000)));
    expect(Math.abs(s!.latencia_p50_ms! - 100) / 100).toBeLessThan(0.05);
  });

  it('caídas: inicio en la primera falla, fin en el siguiente éxito; el mantenimiento no cuenta', async () => {
    const rows = await caidas(wh, 'portal', { desde: '2025-03-10T00:00:00-06:00', hasta: '2025-03-11T00:00:00-06:00', ahora: AHORA });
    expect(rows.map((r) => [r.inicio, r.fin, r.duracion_min, r.fallos])).toEqual([
      [new Date(T0 + 118 * 60_000).toISOString(), null, 2, 2],
      [new Date(T0 + 90 * 60_000).toISOString(), new Date(T0 + 92 * 60_000).toISOString(), 2, 2],
      [new Date(T0 + 20 * 60_000).toISOString(), new Date(T0 + 23 * 60_000).toISOString(), 3, 3],
    ]);
  });

  it('día y latencia por hora', async () => {
    const d = await diario(wh, 'portal', 90, AHORA);
    expect(d).toEqual([{ dia: '2025-03-10', total: 120, ok: 102, mantenimiento: 10, uptime: 92.727 }]);
    const l = await latencia(wh, 'portal', 24, AHORA);
    // 10:00 hour: ok = 60 − 4 = 56, of them i = 5 … 55 at 1000 ms (6) → average (6·1000 + 50·100) / 56 = 196.4
    expect(l.map((p) => p.promedio_ms)).toEqual([196.4, expect.any(Number)]);
    // 11:00 hour: ok = 60 − 10 (maintenance) − 4 = 46, 5 at 1000 ms (75, 85, 95, 105, 115) → (5000 + 4100) / 46 = 197.8
    expect(l[1]!.promedio_ms).toBe(197.8);
  });

  it('volver a agregar no cambia nada; el estado es «mantenimiento» dentro de la ventana', async () => {
    await rollup();
    const [s] = await serviciosEstado(wh, { ahora: AHORA });
    expect(s!.uptime_24h).toBeCloseTo(92.727, 3);
    const rows = await caidas(wh, 'portal', { desde: '2025-03-10T00:00:00-06:00', hasta: '2025-03-11T00:00:00-06:00', ahora: AHORA });
    expect(rows).toHaveLength(3);
    const [m] = await serviciosEstado(wh, { ahora: '2025-03-10T11:05:00-06:00' });
    expect(m!.estado).toBe('mantenimiento');
  });
});
