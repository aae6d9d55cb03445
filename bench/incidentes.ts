/**
 * Incidents page data at scale: p95 latency of GET /api/incidentes/* (the real Hono API, in process, with auth and
 * JSON) on a warehouse with ~1M demo tickets, against the bare DuckDB query behind each endpoint, as a ratio
 * (target ≤ 1.3×). Run: `node --import tsx bench/incidentes.ts [tickets]`.
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
import { BACKLOG_SQL, DESGLOSE_SQL, params as sqlParams, RESUMEN_SQL, SEMANAL_SQL } from '../src/domains/incidentes/queries.js';
import { slaHoras } from '../src/domains/incidentes/settings.js';

export async function benchIncidentes(tickets = 1_000_000, reps = Number(process.env.BENCH_REPS ?? 30)): Promise<Array<{ endpoint: string; api_p95_ms: number; sql_p95_ms: number; ratio: number }>> {
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
    const params = sqlParams({ desde, hasta }, slaHoras.predeterminado);
    const cases: Array<[string, string]> = [
      ['resumen', RESUMEN_SQL],
      ['semanal', SEMANAL_SQL],
      ['backlog', BACKLOG_SQL],
      ['desglose?dimension=categoria', DESGLOSE_SQL('categoria')],
    ];
    const out = [];
    for (const [endpoint, sql] of cases) {
      const sep = endpoint.includes('?') ? '&' : '?';
      const url = `/api/incidentes/${endpoint}${sep}desde=${desde}&hasta=${hasta}`;
      const apiT = await time(reps, async () => {
        const r = await api.request(url);
        if (!r.ok) throw new Error(`${endpoint}: ${r.status}`);
        await r.text();
      });
      const sqlT = await time(reps, () => wh.all(sql, params));
      const a = p95(apiT);
      const s = p95(sqlT);
      out.push({ endpoint, api_p95_ms: Math.round(a * 10) / 10, sql_p95_ms: Math.round(s * 10) / 10, ratio: Math.round((a / s) * 100) / 100 });
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
  console.log('objetivo: razón API / consulta directa ≤ 1.3× («resumen» hace además por_prioridad, reabiertos y frescura)');
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 1_000_000);
  benchIncidentes(n).then((rows) => {
    console.table(rows);
    console.log('objetivo: razón API / consulta directa ≤ 1.3× (nota: «resumen» hace además por_prioridad, reabiertos y frescura)');
  }, (e) => {
    console.error(e);
    process.exit(1);
  });
}
