/**
 * Alerts at scale (issue 13): the cost of evaluating every rule — the four defaults, one rule of every type the
 * domains declare, and the delivery pass — over 1,000 monitors with two hours of checks (2 % of them down), as the
 * alerts service does every 15 s. Printed as CPU share of one core over five simulated minutes (20 passes; the
 * domain-figure rules run once in them, as their 5-minute throttle allows), beside its target: under 1 %, on top
 * of probing. Run: `npm run bench alertas` (ATALAYA_BENCH_MONITORES for another size).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config/index.js';
import { openWarehouse } from '../src/server/startup.js';
import { ACCESS } from '../src/auth/roles.js';
import { DOMAINS } from '../src/domains/registry.js';
import { PIPELINES } from '../pipelines/registry.js';
import { evaluateAll } from '../src/domains/alertas/cycle.js';
import { deliver } from '../src/domains/alertas/delivery.js';
import { sourcesOf, ruleTypes } from '../src/domains/alertas/evaluators/index.js';
import { createRule, listRules } from '../src/domains/alertas/rules.js';
import type { Transports } from '../src/domains/alertas/transports/index.js';

const PASS_S = 15;

export async function run(n = Number(process.env.ATALAYA_BENCH_MONITORES ?? 1000)): Promise<void> {
  void DOMAINS; // the registry declares the domains' rule types
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-bench-alertas-'));
  const wh = await openWarehouse(loadConfig({ ...process.env, ATALAYA_DATA_DIR: dataDir, ATALAYA_DEMO: '0' }));
  try {
    const ahora0 = Date.parse('2026-03-02T12:00:00-06:00');
    await wh.exec(`INSERT INTO core.servicios (id, nombre, tipo, destino, intervalo_s, criticidad, certificado_vence)
      SELECT 'svc' || lpad(s::VARCHAR, 4, '0'), 'Servicio ' || s, 'http', 'https://svc' || s || '.ople.test', 60, 'media',
        TIMESTAMPTZ '2026-03-02 12:00:00-06' + to_days((s % 120)::INTEGER)
      FROM range(${n}) t(s)`);
    // Two hours of checks every 60 s; services with s % 50 = 0 fail for the last 10 minutes.
    await wh.exec(`INSERT INTO core.disp_verificaciones
      SELECT 'svc' || lpad(s::VARCHAR, 4, '0'), TIMESTAMPTZ '2026-03-02 10:00:00-06' + to_seconds(m * 60 + s % 60),
        NOT (s % 50 = 0 AND m >= 110), 20 + hash(m, s) % 380, 200, NULL, 0
      FROM range(${n}) t(s), range(120) u(m) ORDER BY 2`);
    await wh.exec('CHECKPOINT');
    const predeterminadas = new Set((await listRules(wh)).map((r) => r.tipo));
    for (const tipo of ruleTypes()) if (!predeterminadas.has(tipo)) await createRule(wh, { tipo }, 'bench');
    const reglas = (await listRules(wh)).length;

    let enviados = 0;
    const transports: Transports = { sendMail: async () => void enviados++, postWebhook: async () => void enviados++ };
    const ctx = { fallosCaida: 2, fuentes: sourcesOf(PIPELINES), acceso: ACCESS };
    const pass = async (ahora: number) => {
      const c = await evaluateAll(wh, { ...ctx, ahora });
      await deliver(wh, transports, { ahora, publicUrl: 'http://localhost', acceso: ACCESS });
      return c;
    };
    // The first pass opens the alerts of the services already down (a one-time cost, reported apart).
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const first = await pass(ahora0);
    const primera = { cpu_ms: Math.round((process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000), ms: Math.round(performance.now() - t0) };
    const passes = 20;
    const cpu0 = process.cpuUsage();
    const w0 = performance.now();
    for (let i = 1; i <= passes; i++) await pass(ahora0 + i * PASS_S * 1000 + 5 * 60_000);
    const cpu = process.cpuUsage(cpu0);
    const wall = performance.now() - w0;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const pct = Math.round((cpuMs / (passes * PASS_S * 1000)) * 100 * 1000) / 1000;
    const activas = await wh.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM app.alertas WHERE estado = 'activa'`);
    console.log('Alertas:', {
      monitores: n, reglas, errores_primera_pasada: first.errores.map((e) => `${e.tipo}: ${e.error}`), alertas_activas: activas?.n ?? 0, mensajes_enviados: enviados,
      primera_pasada: primera, pasadas: passes, cpu_ms_por_pasada: Math.round((cpuMs / passes) * 10) / 10, ms_por_pasada: Math.round((wall / passes) * 10) / 10,
    });
    console.log(`  CPU de evaluar todas las reglas cada ${PASS_S} s: ${pct} % de un núcleo — razón contra la meta de 1 %: ${Math.round(pct * 100) / 100}×`);
  } finally {
    wh.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run();
  process.exit(0);
}
