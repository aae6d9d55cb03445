/**
 * Uptime page data at scale: 10M raw checks (ATALAYA_BENCH_CHECKS) spread over 1,000 services and the 30-day raw
 * window, rolled up by the `disponibilidad` pipeline; then the p95 of GET /api/disponibilidad/servicios and
 * …/<id>/caidas through the real Hono API (in process, bearer token, JSON) against the bare DuckDB query behind
 * each (the answer cache bypassed: every request is computed), as a ratio (target ≤ 1.3×). Run: `node --import tsx bench/disponibilidad.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SQL_CAIDAS, SQL_SERVICIOS, SQL_SERVICIOS_EN_VIVO, horaGuardada, serviciosParams } from '../src/domains/disponibilidad/queries.js';
import { loadConfig } from '../src/config/index.js';
import { openWarehouse } from '../src/server/startup.js';
import { uptimeConfig } from '../src/config/uptime.js';
import { disponibilidadPipeline } from '../pipelines/disponibilidad/index.js';
import { runPipeline } from '../pipelines/runner/run.js';
import { apiInProcess, p95, time } from './harness.js';
import { releaseMemory } from '../src/core/memory.js';

export async function run(checks = Number(process.env.ATALAYA_BENCH_CHECKS ?? 10_000_000), reps = Number(process.env.BENCH_REPS ?? 60)): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-bench-disp-'));
  const config = loadConfig({ ...process.env, ATALAYA_DATA_DIR: dataDir, ATALAYA_DEMO: '0' });
  const wh = await openWarehouse(config);
  try {
    const servicios = 1000;
    const porServicio = Math.ceil(checks / servicios);
    // Evenly spaced checks ending now, over at most the 30-day raw window; ~0.5 % failures in short runs. Written in
    // time order, as the probes write them (a batch every few seconds), so the table's row groups follow time.
    const paso = Math.max(1, Math.floor((30 * 86400) / porServicio));
    const t0 = performance.now();
    await wh.exec(`INSERT INTO core.servicios (id, nombre, tipo, destino, criticidad, publico)
      SELECT 's' || i, 'Servicio ' || i, 'http', 'http://127.0.0.1:9/' || i, CASE WHEN i % 10 = 0 THEN 'alta' ELSE 'media' END, i % 3 = 0
      FROM range(${servicios}) t(i)`);
    await wh.exec(`INSERT INTO core.disp_verificaciones (servicio_id, ts, ok, latencia_ms, codigo, error, retraso_ms)
      SELECT 's' || s, now() - to_seconds((${porServicio} - k) * ${paso}), (k // 7 + s) % 200 <> 0,
             20 + (hash(s, k) % 200)::DOUBLE, 200, NULL, 0
      FROM range(${porServicio}) b(k), range(${servicios}) a(s) ORDER BY k`);
    const r = await runPipeline(wh, disponibilidadPipeline, { dataDir });
    if (r.estado !== 'exito') throw new Error(`el resumen falló: ${r.error}`);
    const n = await wh.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM core.disp_verificaciones');
    console.log(`disponibilidad: ${Number(n?.n).toLocaleString('es-MX')} verificaciones crudas de ${servicios} servicios, resumidas en ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // As a server holds it: written to the file, the generation's garbage collected (a server never inserts 10M
    // checks in one statement; its probes write a batch every few seconds and the runs commit small).
    await wh.exec('CHECKPOINT');
    releaseMemory();
    const api = await apiInProcess(wh, config, [disponibilidadPipeline], 'utsi');
    const ahora = new Date().toISOString();
    const hasta = ahora.slice(0, 10);
    const desde = new Date(Date.now() - 90 * 86400_000).toISOString().slice(0, 10);
    if (!(await horaGuardada(wh, ahora))) throw new Error('el resumen no guardó las ventanas de la hora actual');
    const cases: Array<[string, string, () => Promise<unknown>]> = [
      ['servicios', '/api/disponibilidad/servicios', () => wh.all(SQL_SERVICIOS, serviciosParams(ahora, uptimeConfig().fallosCaida, null))],
      ['caidas', `/api/disponibilidad/servicios/s10/caidas?desde=${desde}&hasta=${hasta}`, () => wh.all(SQL_CAIDAS, { id: 's10', desde, hasta, ahora })],
    ];
    const rows = [];
    for (const [nombre, url, bare] of cases) {
      // Warmed up as a server that has been answering is: the first answers after the 10M-row load pay for its garbage.
      const apiT = await time(reps, async () => {
        // A new data version before each request: the answer is computed, not served from the cache.
        wh.versions.bump('datos');
        const res = await api.request(url);
        if (!res.ok) throw new Error(`${nombre}: ${res.status}`);
        await res.text();
      }, 5);
      const sqlT = await time(reps, bare, 5);
      const meta = nombre === 'servicios' ? 30 : null;
      rows.push({
        endpoint: nombre, api_p95_ms: Math.round(p95(apiT) * 10) / 10, sql_p95_ms: Math.round(p95(sqlT) * 10) / 10, razon: Math.round((p95(apiT) / p95(sqlT)) * 100) / 100,
        meta_ms: meta ?? '', cumple: meta === null ? '' : p95(apiT) <= meta ? '✓' : '✕',
      });
    }
    // For reference: the same page computing its hour windows from the rollups (an hour no run has kept yet).
    const vivo = await time(reps, () => wh.all(SQL_SERVICIOS_EN_VIVO, serviciosParams(ahora, uptimeConfig().fallosCaida, null, true)), 5);
    console.table(rows);
    console.log(`servicios con las ventanas por hora calculadas en la consulta (sin las del último resumen): p95 ${p95(vivo).toFixed(1)} ms`);
    console.log('objetivo: razón API / consulta directa ≤ 1.3×; /api/disponibilidad/servicios p95 ≤ 30 ms con 1,000 servicios (issue 11)');
  } finally {
    wh.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run(Number(process.argv[2] ?? 10_000_000));
  process.exit(0);
}
