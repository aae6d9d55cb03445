/**
 * Incidents page data at scale: p95 latency of GET /api/incidentes/* (the real Hono API, in process, with auth and
 * JSON; each request with its own range, so no answer cache can serve it) on a warehouse with ~1M demo tickets,
 * beside the target (p95 ≤ 100 ms, issue 11), the p95 of the figure's function alone, and the median CPU time of a
 * request (this process, DuckDB's threads included: less noisy than wall time on a shared machine).
 * Run: `node --import tsx bench/incidentes.ts [tickets]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config/index.js';
import { defaultDesde, todayMx } from '../src/core/time.js';
import { openWarehouse } from '../src/server/startup.js';
import { writeCsv } from '../src/demo/files.js';
import { runPipeline } from '../pipelines/runner/run.js';
import { ticketRows, TICKET_HEADER } from '../pipelines/tickets/demo.js';
import { ticketsPipeline } from '../pipelines/tickets/index.js';
import { apiInProcess, p95, time } from './harness.js';
import { addDays } from '../src/core/time.js';
import { backlogPorEdad, desglose, resumen, semanal, type Filtros } from '../src/domains/incidentes/queries.js';

const TARGET_MS = 100;

export async function benchIncidentes(tickets = 1_000_000, reps = Number(process.env.BENCH_REPS ?? 30)): Promise<Array<{ endpoint: string; api_p95_ms: number; funcion_p95_ms: number; cpu_mediana_ms: number; meta_ms: number; cumple: string }>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-bench-inc-'));
  const config = loadConfig({ ...process.env, ATALAYA_DATA_DIR: dataDir, ATALAYA_DEMO: '0' });
  const wh = await openWarehouse(config);
  try {
    const today = todayMx();
    const t0 = performance.now();
    const rows = ticketRows({ seed: 7, scale: tickets / 3200, today });
    writeCsv(path.join(dataDir, 'inbox', 'tickets', 'tickets_bench.csv'), TICKET_HEADER, rows);
    const run = await runPipeline(wh, ticketsPipeline, { dataDir });
    console.log(`incidentes: ${run.cargadas.toLocaleString('es-MX')} tickets cargados en ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const api = await apiInProcess(wh, config, [ticketsPipeline], 'utsi');
    const hasta = today;
    const desde = defaultDesde(today);
    const cases: Array<[string, (f: Filtros) => Promise<unknown>]> = [
      ['resumen', (f) => resumen(wh, f)],
      ['semanal', (f) => semanal(wh, f)],
      ['backlog', (f) => backlogPorEdad(wh, f)],
      ['desglose?dimension=categoria', (f) => desglose(wh, f, 'categoria')],
    ];
    const out = [];
    // Every call its own range (hasta a day earlier each time, desde a day earlier every 7 calls): no answer cache
    // can serve it.
    const rango = (k: number): Filtros => ({ desde: addDays(desde, -Math.floor(k / 7)), hasta: addDays(hasta, -(k % 7)) });
    for (const [endpoint, fn] of cases) {
      const sep = endpoint.includes('?') ? '&' : '?';
      let i = 0;
      const cpu: number[] = [];
      const apiT = await time(reps, async () => {
        const r0 = rango(i++);
        const c0 = process.cpuUsage();
        const r = await api.request(`/api/incidentes/${endpoint}${sep}desde=${r0.desde}&hasta=${r0.hasta}`);
        if (!r.ok) throw new Error(`${endpoint}: ${r.status}`);
        await r.text();
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      });
      const fnT = await time(reps, () => fn(rango(i++)));
      const a = Math.round(p95(apiT) * 10) / 10;
      const cpuMediana = [...cpu].sort((x, y) => x - y)[Math.floor(cpu.length / 2)]!;
      out.push({ endpoint, api_p95_ms: a, funcion_p95_ms: Math.round(p95(fnT) * 10) / 10, cpu_mediana_ms: Math.round(cpuMediana * 10) / 10, meta_ms: TARGET_MS, cumple: a <= TARGET_MS ? '✓' : '✕' });
    }
    return out;
  } finally {
    wh.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Entry point of `npm run bench incidentes` (ATALAYA_BENCH_TICKETS overrides the 1M tickets). */
export async function run(): Promise<unknown> {
  const rows = await benchIncidentes(Number(process.env.ATALAYA_BENCH_TICKETS ?? 1_000_000));
  console.table(rows);
  console.log(`objetivo: p95 ≤ ${TARGET_MS} ms por consulta con la caché fría (issue 11)`);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 1_000_000);
  benchIncidentes(n).then((rows) => {
    console.table(rows);
  }, (e) => {
    console.error(e);
    process.exit(1);
  });
}
