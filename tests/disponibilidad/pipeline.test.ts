import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { tempWarehouse } from '../helpers/warehouse.js';
import { demoContext, todayMx } from '../../src/demo/index.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { disponibilidadPipeline } from '../../pipelines/disponibilidad/index.js';
import { DEMO_SERVICIOS } from '../../src/demo/servicios.js';
import { diario, serviciosEstado } from '../../src/domains/disponibilidad/queries.js';

let env: Awaited<ReturnType<typeof tempWarehouse>>;
// Yesterday, so the history is complete (it ends at the end of that day) and within every retention window.
const HOY = new Date(Date.parse(`${todayMx()}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const AHORA = `${HOY}T23:59:00-06:00`;

beforeAll(async () => {
  env = await tempWarehouse();
  await disponibilidadPipeline.demo!(demoContext(env.config, { today: HOY }));
});
afterAll(() => env?.close());

describe('pipeline disponibilidad', () => {
  it('el demo escribe catálogo, mantenimientos e historial de 90 días', () => {
    const dir = path.join(env.dataDir, 'inbox', 'disponibilidad');
    expect(fs.readdirSync(dir).sort()).toEqual(['mantenimientos.csv', 'servicios.csv', 'verificaciones_historial.csv']);
    const lines = fs.readFileSync(path.join(dir, 'verificaciones_historial.csv'), 'utf8').trim().split('\r\n');
    // header + 10 services × 90 days × 288 checks a day + 3 bad rows
    expect(lines.length).toBe(1 + 10 * 90 * 288 + 3);
  });

  it('carga, rechaza las 3 filas malas y agrega; una segunda ejecución no cambia nada', async () => {
    const r = await runPipeline(env.wh, disponibilidadPipeline, { dataDir: env.dataDir });
    expect(r.error).toBeNull();
    expect(r.estado).toBe('exito');
    expect(r.rechazadas).toBe(3);
    const q = await env.wh.all<{ campo: string; fila: number }>(`SELECT campo, fila FROM ops.cuarentena WHERE ejecucion_id = $1 ORDER BY fila`, [r.id]);
    expect(q.map((x) => x.campo)).toEqual(['servicio_id', 'ts', 'ok']);
    expect(q[0]!.fila).toBe(2 + 10 * 90 * 288);
    const cat = await env.wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM core.servicios');
    expect(cat!.n).toBe(DEMO_SERVICIOS.length);
    // Raw checks are pruned to the retention window (30 days before now); rollups keep the 90 days.
    const dias = await diario(env.wh, 'portal', 90, AHORA);
    expect(dias.length).toBe(90);
    const before = await serviciosEstado(env.wh, { ahora: AHORA });
    const computos = before.find((s) => s.id === 'computos')!;
    // Fails at minute 10 of every hour: 1 of the 12 checks an hour (5-min history) → ≈ 91.7 %, minus random incidents.
    expect(computos.uptime_90d!).toBeLessThan(92);
    expect(computos.uptime_90d!).toBeGreaterThan(85);
    const prep = before.find((s) => s.id === 'prep')!;
    expect(prep.latencia_p50_ms!).toBeGreaterThan(500);
    const again = await runPipeline(env.wh, disponibilidadPipeline, { dataDir: env.dataDir });
    expect(again.estado).toBe('exito');
    expect(await serviciosEstado(env.wh, { ahora: AHORA })).toEqual(before);
    const caidas = await env.wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM core.disp_caidas');
    expect(caidas!.n).toBeGreaterThan(10);
  });
});
