/**
 * The leadership overview on the demo: p95 of GET /api/resumen (the real Hono API in process, auth and JSON; each
 * call with a `hasta` never asked before, so no answer cache can serve it) beside its target (≤ 50 ms, issue 11), and the p95 of
 * each card's figures alone, to see which card costs what. Run: `npm run bench resumen`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PIPELINES } from '../pipelines/registry.js';
import { runPipeline } from '../pipelines/runner/run.js';
import { loadConfig } from '../src/config/index.js';
import { addDays, todayMx } from '../src/core/time.js';
import { generateDemo } from '../src/demo/index.js';
import { DOMAINS } from '../src/domains/registry.js';
import { ventanas } from '../src/domains/resumen/queries.js';
import { openWarehouse } from '../src/server/startup.js';
import { apiInProcess, p95, time } from './harness.js';

const TARGET_MS = 50;

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
    const apiT = await time(reps, async () => {
      const r = await api.request(`/api/resumen?periodo=mes&hasta=${addDays(hoy, -(i++))}`);
      if (!r.ok) throw new Error(`/api/resumen: ${r.status}`);
      await r.text();
    });
    const rows: Array<Record<string, unknown>> = [{ consulta: '/api/resumen', p95_ms: Math.round(p95(apiT) * 10) / 10, meta_ms: TARGET_MS, cumple: p95(apiT) <= TARGET_MS ? '✓' : '✕' }];
    for (const card of DOMAINS.flatMap((d) => d.resumen ?? [])) {
      const ts = await time(Math.max(5, Math.round(reps / 3)), () => card.figuras(wh, ventanas('mes', addDays(hoy, -(i++ % 7)))));
      rows.push({ consulta: `tarjeta ${card.id}`, p95_ms: Math.round(p95(ts) * 10) / 10, meta_ms: '', cumple: '' });
    }
    console.table(rows);
    console.log(`objetivo: /api/resumen p95 ≤ ${TARGET_MS} ms con la caché fría (issue 11)`);
    return rows;
  } finally {
    wh.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
