import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRollup } from '../../pipelines/disponibilidad/rollup.js';
import { inTransaction, type Warehouse } from '../../src/db/warehouse.js';
import { createMantenimiento, createServicio } from '../../src/domains/disponibilidad/catalog.js';
import type { CheckRecord } from '../../src/domains/disponibilidad/engine.js';
import { caidas, serviciosEstado } from '../../src/domains/disponibilidad/queries.js';
import { writeChecks } from '../../src/domains/disponibilidad/writer.js';
import { tempWarehouse } from '../helpers/warehouse.js';

/*
 * DESIGN.md §3 Uptime: «an outage starts at the first failed check of a run of failures (N consecutive) and ends at
 * the next success; planned maintenance windows do not count against uptime», with N = 2.
 *
 * A — a maintenance window ends a run of failures. Service «correo», one check a minute from 10:00 to 10:29
 * (Mexico City, 10/03/2025), i = 0 … 29:
 *   i = 5, 6 fail; window W1 10:06:30–10:10:00 holds i = 7, 8, 9 (failing too); i = 10, 11 fail; i = 12 ok
 *     → outage 10:05 → 10:06:30 (the window's start), 2 failures, 1.5 min
 *     → outage 10:10 → 10:12 (the next success), 2 failures, 2 min
 *     (before the fix: one outage 10:05 → 10:12 with 4 failures)
 *   i = 19 fails; window W2 10:20–10:22 holds i = 20, 21 (failing); i = 22 fails; i = 23 ok
 *     → one failure on each side of the window: no outage (before the fix: 10:19 → 10:23 with 2 failures)
 *   uptime = ok / (total − in maintenance) = (30 − 5 − 6) / (30 − 5) = 19 / 25 = 76 %
 *
 * B — an outage longer than the raw-check retention (1 day here) keeps its true start. Service «sij», one check an
 * hour from 01/03/2025 00:00 (Mexico City): ok at 00:00–05:00, failing from 06:00 on, ok again on 03/03 at 12:00.
 * The rollup runs as the checks arrive; each run prunes raw checks older than a day:
 *   run 1 (now 02/03 00:00, checks of 01/03): outage from 01/03 06:00, open, 18 failures; nothing pruned
 *   run 2 (now 03/03 00:00, + 24 failures of 02/03): 42 failures; the 18 of 01/03 are pruned
 *   run 3 (now 03/03 12:00, + 12 failures of 03/03 00:00–11:00): still from 01/03 06:00 (not from 02/03 00:00, the
 *     oldest check left), 18 + 24 + 12 = 54 failures, open
 *   run 4 (now 03/03 13:00, + the success at 12:00): 01/03 06:00 → 03/03 12:00 = 54 h = 3,240 min, 54 failures
 * (before the fix, run 3 moved the start to 02/03 00:00 with 36 failures).
 */
const at = (hhmm: string, day = '2025-03-10'): number => Date.parse(`${day}T${hhmm}:00-06:00`);
const iso = (t: number): string => new Date(t).toISOString();
const check = (servicio_id: string, ts: number, ok: boolean): CheckRecord => ({
  servicio_id, ts, ok, latencia_ms: ok ? 100 : null, codigo: ok ? 200 : 503, error: ok ? null : 'Código HTTP 503 fuera de 200-399', retraso_ms: 0,
});

// Each part has its own warehouse: the rollup follows one watermark for all services, so checks must arrive in order.
let env: Awaited<ReturnType<typeof tempWarehouse>>;
let wh: Warehouse;
const rollup = (ahora: string, retencionDias = 30) =>
  wh.withConnection((c) => inTransaction(c, (tx) => runRollup(tx, { fallos: 2, retencionDias, minutosDias: 7, ahora })));
async function freshWarehouse(): Promise<void> {
  env?.close();
  env = await tempWarehouse('atalaya-caidas-');
  wh = env.wh;
}
afterAll(() => env?.close());

describe('a maintenance window ends a run of failures', () => {
  const FAIL = new Set([5, 6, 7, 8, 9, 10, 11, 19, 20, 21, 22]);
  const AHORA = iso(at('10:30'));

  beforeAll(async () => {
    await freshWarehouse();
    await createServicio(wh, { id: 'correo', nombre: 'Correo institucional', tipo: 'http', destino: 'https://correo.oplever.org.mx' }, 'prueba');
    await createMantenimiento(wh, { servicio_id: 'correo', inicio: '2025-03-10T10:06:30', fin: '2025-03-10T10:10', motivo: 'Cambio de certificado' }, 'prueba');
    await createMantenimiento(wh, { servicio_id: 'correo', inicio: '2025-03-10T10:20', fin: '2025-03-10T10:22', motivo: 'Reinicio' }, 'prueba');
    await writeChecks(wh, Array.from({ length: 30 }, (_, i) => check('correo', at('10:00') + i * 60_000, !FAIL.has(i))));
    await rollup(AHORA);
  });

  it('a failure just before a window and one just after are two outages, not one spanning it', async () => {
    const rows = await caidas(wh, 'correo', { desde: iso(at('00:00')), hasta: iso(at('23:59')), ahora: AHORA });
    expect(rows.map((r) => [r.inicio, r.fin, r.duracion_min, r.fallos])).toEqual([
      [iso(at('10:10')), iso(at('10:12')), 2, 2],
      [iso(at('10:05')), iso(Date.parse('2025-03-10T10:06:30-06:00')), 1.5, 2],
    ]);
  });

  it('checks inside a window are left out of uptime', async () => {
    const s = (await serviciosEstado(wh, { ahora: AHORA })).find((x) => x.id === 'correo')!;
    expect(s.uptime_24h).toBe(76);
  });

  it('the state is «abajo» only while N failures follow the last success or window', async () => {
    const estado = async (hhmmss: string) => (await serviciosEstado(wh, { ahora: iso(Date.parse(`2025-03-10T${hhmmss}-06:00`)) })).find((x) => x.id === 'correo')!.estado;
    // 10:11:30 — i = 10, 11 failed after W1: the second outage is open.
    expect(await estado('10:11:30')).toBe('abajo');
    // 10:21:00 — inside W2.
    expect(await estado('10:21:00')).toBe('mantenimiento');
    // 10:22:30 — the last two checks are i = 21 (in W2) and i = 22 (failed): one failure since the window, not down.
    expect(await estado('10:22:30')).toBe('arriba');
    // 10:30:00 — i = 28, 29 ok.
    expect(await estado('10:30:00')).toBe('arriba');
  });

  it('rolling up again changes nothing', async () => {
    await rollup(AHORA);
    const rows = await caidas(wh, 'correo', { desde: iso(at('00:00')), hasta: iso(at('23:59')), ahora: AHORA });
    expect(rows.map((r) => r.inicio)).toEqual([iso(at('10:10')), iso(at('10:05'))]);
  });
});

describe('an outage longer than the raw-check retention keeps its true start', () => {
  const hora = (day: string, h: number): number => at(`${String(h).padStart(2, '0')}:00`, day);
  const dia = (day: string, from: number, to: number, ok: (h: number) => boolean): CheckRecord[] =>
    Array.from({ length: to - from + 1 }, (_, k) => check('sij', hora(day, from + k), ok(from + k)));
  const INICIO = iso(hora('2025-03-01', 6));
  const sij = async (ahora: string) =>
    (await caidas(wh, 'sij', { desde: iso(hora('2025-02-28', 0)), hasta: iso(hora('2025-03-05', 0)), ahora })).map((r) => [r.inicio, r.fin, r.fallos]);

  beforeAll(async () => {
    await freshWarehouse();
    await createServicio(wh, { id: 'sij', nombre: 'Sistema de información jurídica', tipo: 'http', destino: 'https://sij.oplever.org.mx', intervalo_s: 3600 }, 'prueba');
  });

  it('follows the outage across four runs while its first checks are pruned', async () => {
    await writeChecks(wh, dia('2025-03-01', 0, 23, (h) => h < 6));
    await rollup(iso(hora('2025-03-02', 0)), 1);
    expect(await sij(iso(hora('2025-03-02', 0)))).toEqual([[INICIO, null, 18]]);

    await writeChecks(wh, dia('2025-03-02', 0, 23, () => false));
    await rollup(iso(hora('2025-03-03', 0)), 1);
    expect(await sij(iso(hora('2025-03-03', 0)))).toEqual([[INICIO, null, 42]]);
    // The checks of 01/03 are gone: the oldest left is 02/03 00:00.
    const oldest = await wh.one<{ t: number }>(`SELECT epoch_ms(min(ts))::DOUBLE AS t FROM core.disp_verificaciones WHERE servicio_id = 'sij'`);
    expect(oldest!.t).toBe(hora('2025-03-02', 0));

    await writeChecks(wh, dia('2025-03-03', 0, 11, () => false));
    await rollup(iso(hora('2025-03-03', 12)), 1);
    expect(await sij(iso(hora('2025-03-03', 12)))).toEqual([[INICIO, null, 54]]);

    await writeChecks(wh, dia('2025-03-03', 12, 12, () => true));
    await rollup(iso(hora('2025-03-03', 13)), 1);
    const [c] = await caidas(wh, 'sij', { desde: iso(hora('2025-02-28', 0)), hasta: iso(hora('2025-03-05', 0)), ahora: iso(hora('2025-03-03', 13)) });
    expect([c!.inicio, c!.fin, c!.fallos, c!.duracion_min, c!.en_curso]).toEqual([INICIO, iso(hora('2025-03-03', 12)), 54, 3240, false]);

    // Another run at the same moment prunes nothing new and changes nothing.
    await rollup(iso(hora('2025-03-03', 13)), 1);
    expect(await sij(iso(hora('2025-03-03', 13)))).toEqual([[INICIO, iso(hora('2025-03-03', 12)), 54]]);
  });

  it('a maintenance window registered later over every check left still ends it, at the window’s start', async () => {
    // Pruned so far (cut-offs 02/03 00:00, 12:00, 13:00): 18 + 12 + 1 = 31 failures, 01/03 06:00 … 02/03 12:00.
    // A window 02/03 12:30 – 03/03 11:30 holds every failure still kept (02/03 13:00 … 03/03 11:00): the outage is
    // 01/03 06:00 → 02/03 12:30 (the window's start) = 30.5 h = 1,830 min, with the 31 pruned failures.
    await createMantenimiento(wh, { servicio_id: 'sij', inicio: '2025-03-02T12:30', fin: '2025-03-03T11:30', motivo: 'Migración' }, 'prueba');
    await rollup(iso(hora('2025-03-03', 13)), 1);
    const rows = await caidas(wh, 'sij', { desde: iso(hora('2025-02-28', 0)), hasta: iso(hora('2025-03-05', 0)), ahora: iso(hora('2025-03-03', 13)) });
    expect(rows.map((r) => [r.inicio, r.fin, r.fallos, r.duracion_min])).toEqual([[INICIO, iso(Date.parse('2025-03-02T12:30:00-06:00')), 31, 1830]]);
  });
});
