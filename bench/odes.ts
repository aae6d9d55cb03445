/**
 * Benchmark of the ODES map/ranking API: 242 councils × 3 processes with a year of weekly history.
 * Prints the p95 of GET /api/odes/cumplimiento and GET /api/odes/tendencia over real HTTP (Hono on
 * @hono/node-server, bearer token) against the bare DuckDB query they run, as a ratio (target ≤ 1.3×).
 *
 *   npx tsx bench/odes.ts [--iter 40]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { HEADERS, odesRows, readCatalogos, type OdesTable, type ProcesoDemo } from '../pipelines/odes/demo.js';
import { odesPipeline } from '../pipelines/odes/index.js';
import { runPipeline } from '../pipelines/runner/run.js';
import { PIPELINES } from '../pipelines/registry.js';
import { createApi } from '../src/api/app.js';
import { createToken, createUser } from '../src/auth/users.js';
import { loadConfig } from '../src/config/index.js';
import { writeCsv } from '../src/demo/files.js';
import { getOdesConfig } from '../src/domains/odes/settings.js';
import { INDICE_SQL, indiceParams, weeklyCortes } from '../src/domains/odes/indice.js';
import { addDays } from '../src/core/time.js';
import { listProcesos } from '../src/domains/odes/queries.js';
import { openWarehouse } from '../src/server/startup.js';
import { p95, time } from './harness.js';

const iter = Number(process.argv[process.argv.indexOf('--iter') + 1]) || 40;


/** Loads the data set, then times the API against the bare query (see the header). */
export async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-bench-odes-'));
  const config = { ...loadConfig({ ...process.env, ATALAYA_DATA_DIR: dataDir, ATALAYA_DEMO: '0' }) };
  const wh = await openWarehouse(config);
  try {
    // 242 councils (30 district + 212 municipal) in each of three processes, each about a year long.
    const { municipios, distritos } = readCatalogos(config.geoDir);
    const consejos = [...distritos, ...municipios];
    const procesos: ProcesoDemo[] = [
      { proceso: 'BENCH_2022_2023', consejos, instalacion: '2022-10-01', jornada: '2023-06-04', conclusion: '2023-09-30', debiles: new Set(['M083', 'M063', 'D01']) },
      { proceso: 'BENCH_2023_2024', consejos, instalacion: '2023-10-01', jornada: '2024-06-02', conclusion: '2024-09-30', debiles: new Set(['M027', 'M150', 'D02']) },
      { proceso: 'BENCH_2024_2025', consejos, instalacion: '2024-10-01', jornada: '2025-06-01', conclusion: '2025-09-30', debiles: new Set(['M045', 'M129', 'D06']) },
    ];
    const inbox = path.join(dataDir, 'inbox', 'odes');
    let t0 = performance.now();
    for (const p of procesos) {
      const rows = odesRows(p, 2026, '2026-03-15');
      for (const t of Object.keys(HEADERS) as OdesTable[]) writeCsv(path.join(inbox, `${t}_${p.proceso}.csv`), HEADERS[t], rows[t]);
    }
    const gen = performance.now() - t0;
    t0 = performance.now();
    const run = await runPipeline(wh, odesPipeline, { dataDir });
    const load = performance.now() - t0;
    const counts = await wh.one<Record<string, number>>(
      `SELECT (SELECT count(*) FROM core.odes_consejos)::INT AS consejos, (SELECT count(*) FROM core.odes_sesiones)::INT AS sesiones,
              (SELECT count(*) FROM core.odes_acuerdos)::INT AS acuerdos, (SELECT count(*) FROM core.odes_integracion)::INT AS integracion,
              (SELECT count(*) FROM core.odes_entregables)::INT AS entregables, (SELECT count(*) FROM core.odes_supervision)::INT AS supervision`,
    );
    console.log(`Datos: ${JSON.stringify(counts)}; generados en ${gen.toFixed(0)} ms, cargados en ${load.toFixed(0)} ms (${run.estado}).`);

    await createUser(wh, { usuario: 'bench', password: 'Bench-Clave-2026!', rol: 'utvodes' }, null);
    const token = await createToken(wh, 'bench', 'bench', null);
    const api = createApi({
      wh, config, pipelines: PIPELINES,
      startRun: async () => { throw new Error('no disponible en el benchmark'); },
      scheduler: { running: false, jobs: () => [] },
    });
    const server = serve({ fetch: api.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const headers = { authorization: `Bearer ${token}` };
    const get = async (route: string): Promise<unknown> => {
      const r = await fetch(base + route, { headers });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json();
    };

    const proceso = 'BENCH_2024_2025';
    const hasta = '2025-06-30';
    const cfg = await getOdesConfig(wh);
    const info = (await listProcesos(wh)).find((p) => p.proceso === proceso)!;
    const end = info.ultimo_vencimiento && info.ultimo_vencimiento < hasta ? info.ultimo_vencimiento : hasta;

    const results: Array<{ caso: string; api: number; bare: number }> = [];
    // The map and the ranking: the index at hasta and four weeks earlier (for the trend arrow).
    {
      const params = indiceParams(proceso, [hasta, addDays(end, -28)], cfg);
      const bare = await time(iter, () => wh.all(INDICE_SQL, params), 3);
      const http = await time(iter, () => get(`/api/odes/cumplimiento?proceso=${proceso}&hasta=${hasta}`), 3);
      results.push({ caso: 'cumplimiento (mapa y ranking)', api: p95(http), bare: p95(bare) });
    }
    // The weekly trend of every council over the process.
    {
      const params = indiceParams(proceso, weeklyCortes(info.primera_instalacion!, end), cfg);
      const bare = await time(Math.max(10, Math.round(iter / 2)), () => wh.all(INDICE_SQL, params), 3);
      const http = await time(Math.max(10, Math.round(iter / 2)), () => get(`/api/odes/tendencia?proceso=${proceso}&hasta=${hasta}`), 3);
      results.push({ caso: 'tendencia semanal (242 consejos)', api: p95(http), bare: p95(bare) });
    }
    server.close();
    console.log('caso'.padEnd(36), 'p95 API ms'.padStart(11), 'p95 DuckDB ms'.padStart(14), 'razón'.padStart(7));
    for (const r of results) {
      console.log(r.caso.padEnd(36), r.api.toFixed(1).padStart(11), r.bare.toFixed(1).padStart(14), `${(r.api / r.bare).toFixed(2)}×`.padStart(7));
    }
  } finally {
    wh.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run();
  process.exit(0);
}
