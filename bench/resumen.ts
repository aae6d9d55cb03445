/**
 * The leadership overview on the demo: p95 of GET /api/resumen (the real Hono API in process, auth and JSON; each
 * call with a `hasta` never asked before, so no answer cache can serve it) beside its target (≤ 50 ms, issue 11),
 * the CPU time it takes (DuckDB's threads included: they run in this process), the first call after the load (it
 * also reads the pieces kept per data version: src/db/memo.ts), and each card alone: p95, CPU and how many statements
 * it runs. BENCH_DETALLE=1 also lists each card's statements with their median time. Run: `npm run bench resumen`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PIPELINES } from '../pipelines/registry.js';
import { runPipeline } from '../pipelines/runner/run.js';
import { loadConfig } from '../src/config/index.js';
import { addDays, todayMx } from '../src/core/time.js';
import { generateDemo } from '../src/demo/index.js';
import type { Warehouse } from '../src/db/warehouse.js';
import { DOMAINS } from '../src/domains/registry.js';
import { ventanas } from '../src/domains/resumen/queries.js';
import { openWarehouse } from '../src/server/startup.js';
import { apiInProcess, p95 } from './harness.js';

const TARGET_MS = 50;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms1 = (x: number): number => Math.round(x * 10) / 10;
const cpuMs = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1000;

/** n timed calls after one untimed: wall and CPU time of each (ms). */
async function timed(n: number, fn: () => Promise<unknown>): Promise<{ wall: number[]; cpu: number[] }> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    cpu.push(cpuMs(process.cpuUsage(c0)));
  }
  return { wall, cpu };
}

/** Every statement the warehouse's read pool runs while `fn` runs: its first words and how long it took. */
async function statements<T>(wh: Warehouse, fn: () => Promise<T>): Promise<Array<{ sql: string; ms: number }>> {
  const log: Array<{ sql: string; ms: number }> = [];
  const all = wh.all.bind(wh);
  wh.all = (async (sql: string, params?: never) => {
    const t = performance.now();
    try {
      return await all(sql, params);
    } finally {
      log.push({ sql: sql.replace(/\s+/g, ' ').trim().slice(0, 60), ms: performance.now() - t });
    }
  }) as typeof wh.all;
  try {
    await fn();
  } finally {
    wh.all = all;
  }
  return log;
}

export async function run(reps = Number(process.env.BENCH_REPS ?? 30)): Promise<unknown> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-bench-resumen-'));
  const config = loadConfig({ ...process.env, ATALAYA_DATA_DIR: dataDir, ATALAYA_DEMO: '0' });
  const wh = await openWarehouse(config);
  try {
    const t0 = performance.now();
    await generateDemo(config, PIPELINES);
    for (const p of PIPELINES) if (p.demo) await runPipeline(wh, p, { dataDir });
    console.log(`resumen: demostración cargada en ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const api = await apiInProcess(wh, config, [...PIPELINES], 'admin');
    const hoy = todayMx();
    let i = 0;
    const pedir = async (): Promise<void> => {
      const r = await api.request(`/api/resumen?periodo=mes&hasta=${addDays(hoy, -(i++))}`);
      if (!r.ok) throw new Error(`/api/resumen: ${r.status}`);
      await r.text();
    };
    const c0 = process.cpuUsage();
    const p0 = performance.now();
    await pedir();
    const primera = { wall: performance.now() - p0, cpu: cpuMs(process.cpuUsage(c0)) };
    const apiT = await timed(reps, pedir);
    const rows: Array<Record<string, unknown>> = [
      { consulta: '/api/resumen (primera tras la carga)', p95_ms: ms1(primera.wall), mediana_ms: ms1(primera.wall), cpu_mediana_ms: ms1(primera.cpu), sentencias: '', meta_ms: '', cumple: '' },
      { consulta: '/api/resumen', p95_ms: ms1(p95(apiT.wall)), mediana_ms: ms1(median(apiT.wall)), cpu_mediana_ms: ms1(median(apiT.cpu)), sentencias: '', meta_ms: TARGET_MS, cumple: p95(apiT.wall) <= TARGET_MS ? '✓' : '✕' },
    ];
    const detalle: string[] = [];
    for (const card of DOMAINS.flatMap((d) => d.resumen ?? [])) {
      const n = Math.max(5, Math.round(reps / 3));
      const medir = () => card.figuras(wh, ventanas('mes', addDays(hoy, -(i++))));
      const ts = await timed(n, medir);
      const porSentencia = new Map<string, number[]>();
      let cuantas = 0;
      for (let k = 0; k < n; k++) {
        const log = await statements(wh, medir);
        cuantas = log.length;
        for (const s of log) porSentencia.set(s.sql, [...(porSentencia.get(s.sql) ?? []), s.ms]);
      }
      rows.push({ consulta: `tarjeta ${card.id}`, p95_ms: ms1(p95(ts.wall)), mediana_ms: ms1(median(ts.wall)), cpu_mediana_ms: ms1(median(ts.cpu)), sentencias: cuantas, meta_ms: '', cumple: '' });
      for (const [sql, xs] of porSentencia) detalle.push(`  ${card.id.padEnd(15)} ${String(xs.length / n).padStart(4)}× ${ms1(median(xs)).toFixed(1).padStart(6)} ms  ${sql}`);
    }
    console.table(rows);
    if (process.env.BENCH_DETALLE === '1') console.log(`sentencias por tarjeta (veces por llamada, mediana):\n${detalle.join('\n')}`);
    console.log(`objetivo: /api/resumen p95 ≤ ${TARGET_MS} ms con la caché fría (issue 11); CPU = tiempo de CPU del proceso (incluye los hilos de DuckDB)`);
    return rows;
  } finally {
    wh.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
