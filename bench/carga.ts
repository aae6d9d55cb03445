/**
 * Load trial: `npm start` on the demo in a temporary data folder, 50 users logged in, each cycling without pause
 * through the dashboard's API reads over real HTTP for 60 s. Prints requests/s, p50/p95/p99, errors and the peak RSS
 * of the whole `npm start` process tree, each beside its target; and the size of each answer sent plain and
 * compressed. BENCH_USUARIOS (50), BENCH_SEGUNDOS (60).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../src/config/index.js';
import { processTree, rssOfTree } from './proc.js';

const USERS = Number(process.env.BENCH_USUARIOS ?? 50);
const SECONDS = Number(process.env.BENCH_SEGUNDOS ?? 60);
const PASSWORD = 'Bench-Carga-2026!';
const TARGET_P99_MS = 300;
const TARGET_RSS_MB = 400;

/** The reads the dashboard's pages make (the same list acceptance 09 drives). */
export const READS = [
  '/api/resumen?periodo=mes',
  '/api/incidentes/resumen?desde=2025-11-30&hasta=2026-11-30',
  '/api/incidentes/semanal?desde=2025-11-30&hasta=2026-11-30',
  '/api/odes/cumplimiento?proceso=PELO_2024_2025',
  '/api/disponibilidad/servicios',
  '/api/metas/resumen?ejercicio=2026&trimestre=3',
  '/api/metas/actividades?ejercicio=2026&trimestre=3',
  '/api/oficialia/resumen',
  '/api/sesiones/resumen',
  '/api/indicadores?ejercicio=2026',
  '/api/cartografia/municipios',
];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitHealthy(base: string, alive: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error('el servidor terminó antes de responder /api/health');
    const r = await fetch(`${base}/api/health`).catch(() => null);
    if (r?.status === 200) return;
    await sleep(1000);
  }
  throw new Error(`/api/health no respondió en ${ms / 1000} s`);
}

async function login(base: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ usuario: 'admin', password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`inicio de sesión: ${r.status}`);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

/** Bytes on the wire of one answer with the given Accept-Encoding (node's http, so nothing is decoded for us). */
async function wireSize(base: string, route: string, cookie: string, encoding: string): Promise<{ bytes: number; enc: string }> {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    http.get(`${base}${route}`, { headers: { cookie, 'accept-encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', () => resolve({ bytes, enc: String(res.headers['content-encoding'] ?? 'ninguna') }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const pct = (s: number[], q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
const mark = (ok: boolean): string => (ok ? 'cumple' : 'NO cumple');
const kb = (n: number): string => `${(n / 1024).toLocaleString('es-MX', { maximumFractionDigits: 1 })} kB`;

export async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-bench-carga-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(dataDir, '..', `${path.basename(dataDir)}.log`), 'w');
  const proc = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ATALAYA_DATA_DIR: dataDir, ATALAYA_DEMO: '1', ATALAYA_ADMIN_PASSWORD: PASSWORD },
    stdio: ['ignore', log, log],
    detached: true,
  });
  const alive = (): boolean => proc.exitCode === null && proc.signalCode === null;
  console.log(`npm start con la demostración en ${dataDir} (puerto ${port}); esperando /api/health…`);
  try {
    const t0 = Date.now();
    await waitHealthy(base, alive, 600_000);
    console.log(`Servidor listo en ${((Date.now() - t0) / 1000).toFixed(0)} s; RSS del árbol: ${rssOfTree(processTree(proc.pid!)).toFixed(0)} MB`);

    // Memory is watched from here, logins included (each checks a password with scrypt: 128 MB while it runs).
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, rssOfTree(processTree(proc.pid!)))), 500);
    const cookies: string[] = [];
    for (let i = 0; i < USERS; i++) cookies.push(await login(base));
    const afterLogins = peak;

    console.log('\nTamaño de cada respuesta (sin comprimir → comprimida):');
    for (const route of READS) {
      const plain = await wireSize(base, route, cookies[0]!, 'identity');
      const packed = await wireSize(base, route, cookies[0]!, 'br, gzip');
      console.log(`  ${route.padEnd(60)} ${kb(plain.bytes).padStart(10)} → ${kb(packed.bytes).padStart(10)} (${packed.enc})`);
    }

    const lat: number[] = [];
    const codes: Record<string, number> = {};
    let errors = 0;
    const start = Date.now();
    const user = async (i: number): Promise<void> => {
      for (let k = i; Date.now() - start < SECONDS * 1000; k++) {
        const route = READS[k % READS.length]!;
        const t = performance.now();
        try {
          const r = await fetch(base + route, { headers: { cookie: cookies[i]! } });
          await r.arrayBuffer();
          codes[r.status] = (codes[r.status] ?? 0) + 1;
          if (r.status !== 200) errors++;
        } catch {
          errors++;
          codes.error = (codes.error ?? 0) + 1;
        }
        lat.push(performance.now() - t);
      }
    };
    await Promise.all(cookies.map((_, i) => user(i)));
    clearInterval(watch);
    peak = Math.max(peak, rssOfTree(processTree(proc.pid!)));
    lat.sort((a, b) => a - b);
    const p99 = pct(lat, 0.99);
    console.log(`\n${USERS} usuarios durante ${SECONDS} s (${lat.length.toLocaleString('es-MX')} solicitudes):`);
    console.log(`  solicitudes/s   ${(lat.length / SECONDS).toFixed(1)}`);
    console.log(`  p50             ${pct(lat, 0.5).toFixed(0)} ms`);
    console.log(`  p95             ${pct(lat, 0.95).toFixed(0)} ms`);
    console.log(`  p99             ${p99.toFixed(0)} ms   objetivo ≤ ${TARGET_P99_MS} ms: ${mark(p99 <= TARGET_P99_MS)}`);
    console.log(`  errores         ${errors} ${JSON.stringify(codes)}   objetivo 0: ${mark(errors === 0)}`);
    console.log(`  RSS máximo      ${peak.toFixed(0)} MB   objetivo ≤ ${TARGET_RSS_MB} MB: ${mark(peak <= TARGET_RSS_MB)}  (durante los inicios de sesión: ${afterLogins.toFixed(0)} MB)`);
  } finally {
    if (alive()) {
      try {
        process.kill(-proc.pid!, 'SIGTERM');
      } catch {
        // gone already
      }
      const deadline = Date.now() + 20_000;
      while (alive() && Date.now() < deadline) await sleep(200);
      if (alive()) process.kill(-proc.pid!, 'SIGKILL');
    }
    fs.closeSync(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
