import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWarehouse } from '../helpers/warehouse.js';
import { inTransaction, type Warehouse } from '../../src/db/warehouse.js';
import { writeChecks } from '../../src/domains/disponibilidad/writer.js';
import { runRollup } from '../../pipelines/disponibilidad/rollup.js';
import { createMantenimiento, createServicio } from '../../src/domains/disponibilidad/catalog.js';
import { horaGuardada, serviciosEstado } from '../../src/domains/disponibilidad/queries.js';
import type { CheckRecord } from '../../src/domains/disponibilidad/engine.js';

/*
 * The services page reads the 24 h / 7 d windows the last rollup kept for the hour of `ahora`
 * (core.disp_ventana_hora) and computes them from the rollups for any other hour. Both must give the same page:
 * three services over nine days of checks every 10 minutes (failures, a maintenance window, latencies spread over
 * many bins), compared field by field at instants inside and outside the kept hours, before and after new checks.
 */
const H = 3_600_000;
const AHORA = Date.parse('2026-05-20T15:20:00Z'); // 09:20 in Mexico City
const iso = (ms: number): string => new Date(ms).toISOString();

function checks(desde: number, hasta: number): CheckRecord[] {
  const out: CheckRecord[] = [];
  for (const [n, id] of ['portal', 'correo', 'prep'].entries()) {
    for (let t = desde, i = 0; t < hasta; t += 10 * 60_000, i++) {
      const ok = (i + n * 7) % 23 !== 0 && (id !== 'prep' || t < AHORA - 3 * H || t > AHORA - 2 * H);
      const latencia = 40 + ((i * 37 + n * 101) % 900);
      out.push({ servicio_id: id, ts: t, ok, latencia_ms: ok ? latencia : null, codigo: ok ? 200 : 503, error: ok ? null : 'Código HTTP 503', retraso_ms: 0 });
    }
  }
  return out;
}

let env: Awaited<ReturnType<typeof tempWarehouse>>;
let wh: Warehouse;
const rollup = (ahora: number) => wh.withConnection((c) => inTransaction(c, (tx) => runRollup(tx, { fallos: 2, retencionDias: 30, minutosDias: 7, ahora: iso(ahora) })));
const ambas = async (ahora: number) => ({
  guardadas: await serviciosEstado(wh, { ahora: iso(ahora) }),
  en_vivo: await serviciosEstado(wh, { ahora: iso(ahora), enVivo: true }),
});

beforeAll(async () => {
  env = await tempWarehouse();
  wh = env.wh;
  for (const id of ['portal', 'correo', 'prep']) await createServicio(wh, { id, nombre: id, tipo: 'http', destino: `https://${id}.example.mx` }, 'prueba');
  await createMantenimiento(wh, { servicio_id: 'correo', inicio: '2026-05-19T22:00', fin: '2026-05-20T01:30', motivo: 'Migración' }, 'prueba');
  await writeChecks(wh, checks(AHORA - 9 * 24 * H, AHORA));
  await rollup(AHORA);
});
afterAll(() => env?.close());

describe('ventanas por hora guardadas', () => {
  it('the rollup keeps the previous, current and next hour', async () => {
    const horas = await wh.all<{ hora: string; n: number }>(`SELECT strftime(hora AT TIME ZONE 'UTC', '%H') AS hora, count(*)::INTEGER AS n FROM core.disp_ventana_hora GROUP BY 1 ORDER BY 1`);
    expect(horas).toEqual([{ hora: '14', n: 3 }, { hora: '15', n: 3 }, { hora: '16', n: 3 }]);
    for (const t of [AHORA - H, AHORA, AHORA + 39 * 60_000, AHORA + H]) expect(await horaGuardada(wh, iso(t))).toBe(true);
    for (const t of [AHORA - 2 * H, AHORA + 2 * H]) expect(await horaGuardada(wh, iso(t))).toBe(false);
  });

  it.each([
    ['the hour before', -H + 7 * 60_000],
    ['now', 0],
    ['the end of this hour', 39 * 60_000 + 59_999],
    ['the next hour, before its first run', H + 5 * 60_000],
    ['two hours later (not kept: computed)', 2 * H],
    ['a day earlier (not kept: computed)', -24 * H],
  ])('%s: the page equals the one computed from the rollups', async (_, d) => {
    const { guardadas, en_vivo } = await ambas(AHORA + d);
    expect(guardadas).toEqual(en_vivo);
    expect(guardadas.map((s) => s.uptime_24h).every((u) => u !== null)).toBe(true);
    expect(guardadas.map((s) => s.latencia_p95_ms).every((u) => u !== null && u > 40)).toBe(true);
  });

  it('the maintenance window and the failures reach the kept figures', async () => {
    const { guardadas } = await ambas(AHORA);
    const prep = guardadas.find((s) => s.id === 'prep')!;
    const portal = guardadas.find((s) => s.id === 'portal')!;
    expect(prep.uptime_24h!).toBeLessThan(portal.uptime_24h!); // prep failed for a whole hour
    expect(guardadas.find((s) => s.id === 'correo')!.uptime_7d).not.toBeNull();
  });

  it('new checks change nothing until the next run, which keeps the new windows', async () => {
    const antes = (await ambas(AHORA + 30 * 60_000)).guardadas;
    // A failing half hour for portal.
    await writeChecks(wh, Array.from({ length: 3 }, (_, i) => ({ servicio_id: 'portal', ts: AHORA + (i + 1) * 10 * 60_000, ok: false, latencia_ms: null, codigo: 503, error: 'Código HTTP 503', retraso_ms: 0 })));
    const sinCorrer = await ambas(AHORA + 30 * 60_000);
    expect(sinCorrer.guardadas).toEqual(sinCorrer.en_vivo);
    await rollup(AHORA + 31 * 60_000);
    const despues = await ambas(AHORA + 31 * 60_000);
    expect(despues.guardadas).toEqual(despues.en_vivo);
    const u = (xs: typeof antes) => xs.find((s) => s.id === 'portal')!.uptime_24h!;
    expect(u(despues.guardadas)).toBeLessThan(u(antes));
  });

  it('a service added after the run has no figures either way', async () => {
    await createServicio(wh, { id: 'nuevo', nombre: 'nuevo', tipo: 'http', destino: 'https://nuevo.example.mx' }, 'prueba');
    const { guardadas, en_vivo } = await ambas(AHORA + 32 * 60_000);
    expect(guardadas).toEqual(en_vivo);
    expect(guardadas.find((s) => s.id === 'nuevo')).toMatchObject({ uptime_24h: null, latencia_p50_ms: null });
  });
});
