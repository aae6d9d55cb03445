/**
 * Uptime at scale (issue 3 benchmarks), printed as ratios against their targets:
 * 1. N HTTP monitors (default 1,000) every 60 s against a local server (a child process, so its CPU is not counted)
 *    for S seconds (default 300): CPU of this process (monitor + batch writer + warehouse) as a share of one core
 *    (target ≤ 5 %), and checks missed or late by more than one interval (target 0).
 * 2. Storage: 2 days of checks for 1,000 services every 60 s, rolled up; bytes per service per day of the rollups
 *    (kept for years) and of the raw checks (kept 30 days), projected to 1,000 services × 365 days (target ≤ 1 GB).
 * Run: `node --import tsx bench/uptime.ts [monitores] [segundos]`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig, warehouseFile } from '../src/config/index.js';
import { inTransaction } from '../src/db/warehouse.js';
import { openWarehouse } from '../src/server/startup.js';
import { Monitor } from '../src/domains/disponibilidad/engine.js';
import { realProbe, type ServiceDef } from '../src/domains/disponibilidad/probe.js';
import { runRollup } from '../pipelines/disponibilidad/rollup.js';
import { BatchWriter } from '../src/domains/disponibilidad/writer.js';

const TARGET_SERVER = `
const http = require('node:http');
const s = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('OPLE Veracruz en operación'); });
s.keepAliveTimeout = 120000;
s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;

async function monitors(n: number, seconds: number): Promise<Record<string, number>> {
  const child = spawn(process.execPath, ['-e', TARGET_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((r) => child.stdout!.once('data', (d) => r(Number(String(d).trim()))));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-bench-up-'));
  const wh = await openWarehouse(loadConfig({ ...process.env, ATALAYA_DATA_DIR: dataDir, ATALAYA_DEMO: '0' }));
  const defs: ServiceDef[] = Array.from({ length: n }, (_, i) => ({
    id: `svc${String(i).padStart(4, '0')}`, nombre: `Servicio ${i}`, tipo: 'http', destino: `{local}/s/${i}`, intervalo_s: 60, timeout_ms: 10_000, palabra_clave: null, codigos_ok: '200-399',
  }));
  const writer = new BatchWriter(wh, 5000);
  const monitor = new Monitor({ load: async () => defs, probe: realProbe(() => `http://127.0.0.1:${port}`), sink: (c) => writer.add(c), reloadMs: 30_000 });
  writer.start();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await monitor.start();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  monitor.stop();
  await writer.stop();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const rows = await wh.one<{ n: number; fallidas: number; retraso_max: number }>(
    'SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE NOT ok)::INTEGER AS fallidas, max(retraso_ms)::INTEGER AS retraso_max FROM core.disp_verificaciones',
  );
  wh.close();
  child.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const expected = Math.floor((n * seconds) / 60);
  return {
    monitores: n, segundos: seconds, verificaciones: rows?.n ?? 0, esperadas_aprox: expected, fallidas: rows?.fallidas ?? 0,
    omitidas: monitor.stats.omitidas, tardias: monitor.stats.tardias, retraso_max_ms: rows?.retraso_max ?? 0,
    lotes: writer.lotes, cpu_pct_un_nucleo: Math.round((1000 * (cpu.user + cpu.system)) / 1000 / wall) / 10,
  };
}

async function storage(services = 1000, days = 2): Promise<Record<string, number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-bench-st-'));
  const config = loadConfig({ ...process.env, ATALAYA_DATA_DIR: dataDir, ATALAYA_DEMO: '0' });
  const wh = await openWarehouse(config);
  await wh.exec('CHECKPOINT');
  const file = warehouseFile(dataDir);
  const size = (): number => fs.statSync(file).size + (fs.existsSync(`${file}.wal`) ? fs.statSync(`${file}.wal`).size : 0);
  const empty = size();
  const ahora = '2025-06-03T00:00:00-06:00';
  // Checks every 60 s, 0.2 % failing, latency 20–400 ms.
  await wh.exec(`INSERT INTO core.disp_verificaciones
    SELECT 'svc' || lpad(s::VARCHAR, 4, '0'), TIMESTAMPTZ '2025-06-01 00:00:00-06' + to_seconds(m * 60 + s % 60),
      hash(s, m) % 500 <> 0, 20 + hash(m, s) % 380, 200, NULL, 0
    FROM range(${services}) t(s), range(${days * 1440}) u(m) ORDER BY 2`);
  await wh.exec('CHECKPOINT');
  const withRaw = size();
  await wh.withConnection((c) => inTransaction(c, (tx) => runRollup(tx, { fallos: 2, retencionDias: 30, minutosDias: 7, histogramasDias: 35, ahora })));
  // What stays for years: hour and day rollups and the daily latency histograms (raw checks, minute rollups and
  // hourly histograms are pruned after 30, 7 and 35 days). Copied into a fresh file to measure them alone.
  const keep = path.join(dataDir, 'largo_plazo.duckdb');
  const emptyKeep = path.join(dataDir, 'vacio.duckdb');
  await wh.exec(`ATTACH '${emptyKeep}' AS v; CREATE TABLE v.t (x INTEGER); DETACH v`);
  await wh.exec(`ATTACH '${keep}' AS lp;
    CREATE TABLE lp.agregados AS SELECT * FROM core.disp_agregados WHERE nivel <> 'minuto' ORDER BY servicio_id, nivel, inicio;
    CREATE TABLE lp.latencias AS SELECT * FROM core.disp_latencias WHERE nivel = 'dia' ORDER BY servicio_id, inicio, bin;
    DETACH lp`);
  const rollups = fs.statSync(keep).size - fs.statSync(emptyKeep).size;
  const counts = await wh.one<{ agregados: number; latencias: number }>(
    `SELECT (SELECT count(*) FROM core.disp_agregados WHERE nivel <> 'minuto')::INTEGER AS agregados, (SELECT count(*) FROM core.disp_latencias WHERE nivel = 'dia')::INTEGER AS latencias`,
  );
  wh.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const rawPerSvcDay = (withRaw - empty) / services / days;
  const rollPerSvcDay = Math.max(0, rollups) / services / days;
  const projected = 1000 * 365 * rollPerSvcDay + 1000 * 30 * rawPerSvcDay;
  return {
    servicios: services, dias: days, filas_agregados: counts?.agregados ?? 0, filas_histogramas: counts?.latencias ?? 0,
    bytes_agregados_por_servicio_dia: Math.round(rollPerSvcDay), bytes_crudos_por_servicio_dia: Math.round(rawPerSvcDay),
    proyeccion_1000x365_gb: Math.round((projected / 1e9) * 1000) / 1000,
  };
}

/** 1,000 monitors for 5 minutes (ATALAYA_BENCH_MONITORES, ATALAYA_BENCH_SEGUNDOS) and the storage projection. */
export async function run(n = Number(process.env.ATALAYA_BENCH_MONITORES ?? 1000), s = Number(process.env.ATALAYA_BENCH_SEGUNDOS ?? 300)): Promise<void> {
  const st = await storage();
  console.log('Almacenamiento:', st);
  console.log(`  proyección 1,000 servicios × 365 días (agregados) + 30 días de verificaciones: ${st.proyeccion_1000x365_gb} GB — razón contra la meta de 1 GB: ${st.proyeccion_1000x365_gb}×`);
  const m = await monitors(n, s);
  console.log('Monitores:', m);
  console.log(`  CPU: ${m.cpu_pct_un_nucleo} % de un núcleo — razón contra la meta de 5 %: ${Math.round((m.cpu_pct_un_nucleo! / 5) * 100) / 100}×`);
  console.log(`  omitidas o tardías (> 1 intervalo): ${m.omitidas! + m.tardias!} (meta 0)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 300));
  process.exit(0);
}
