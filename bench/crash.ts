/**
 * Crash trial: SIGKILLs at random moments of a server's life, each followed by a real restart (`atalaya serve`) in
 * the same data folder. The first kill falls within the first start (migrations, demo files, demo loads); the others
 * anywhere in a start or in what follows it: a load of a ticket file with known ids, user creation through the API
 * (admin writes), a backup, the checkpoints DuckDB runs on its own.
 * After each kill: did the next start open the warehouse by itself? Every ticket file is then all there or not at
 * all, a file recorded as loaded is all there, and no id is stored twice; every user the API acknowledged (201)
 * exists. At the end the inbox is loaded once more and every file must be whole.
 * Targets: 20/20 restarts opened, 0 rows lost, 0 rows doubled. BENCH_KILLS (20), BENCH_SEED to repeat a trial.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropTickets, openData, ticketCounts, type TicketRange } from '../tests/helpers/crash.js';
import { spawnServer, waitForHealth, type SpawnedServer } from '../tests/helpers/server.js';

const KILLS = Number(process.env.BENCH_KILLS ?? 20);
const ROWS = Number(process.env.BENCH_ROWS ?? 30_000);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function api(url: string, dataDir: string, method: string, route: string, body?: unknown): Promise<number> {
  const token = fs.readFileSync(path.join(dataDir, 'cli.token'), 'utf8').trim();
  const r = await fetch(url + route, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  }).catch(() => null);
  return r?.status ?? 0;
}

/** Work for the server while the kill is pending: a load, a backup, and users created one after another. */
async function activity(s: SpawnedServer, cycle: number, acknowledged: string[], stop: { done: boolean }): Promise<void> {
  let url: string;
  try {
    url = await waitForHealth(s, 60_000);
  } catch {
    return; // killed during the start
  }
  void api(url, s.dataDir, 'POST', '/api/pipelines/tickets/ejecutar');
  if (cycle % 3 === 0) void api(url, s.dataDir, 'POST', '/api/respaldos');
  for (let k = 0; !stop.done; k++) {
    const usuario = `u${cycle}_${k}`;
    const status = await api(url, s.dataDir, 'POST', '/api/usuarios', { usuario, password: 'Clave-Prueba-2026!', rol: 'direccion' });
    if (status === 201) acknowledged.push(usuario);
    if (status === 0) return;
  }
}

export async function run(): Promise<void> {
  const seed = Number(process.env.BENCH_SEED ?? Date.now() % 1_000_000);
  const rand = rng(seed);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-bench-crash-'));
  const ranges: TicketRange[] = [];
  const acknowledged: string[] = [];
  let opened = 0;
  let lost = 0;
  let doubled = 0;
  let half = 0;
  const moments: string[] = [];
  console.log(`Semilla ${seed}; ${KILLS} SIGKILL; archivos de ${ROWS.toLocaleString('es-MX')} tickets; datos en ${dataDir}`);
  try {
    for (let cycle = 1; cycle <= KILLS; cycle++) {
      const first = cycle === 1;
      if (!first) {
        const r = { firstId: cycle * 1_000_000, n: ROWS };
        dropTickets(dataDir, `lote_${cycle}.csv`, r.firstId, r.n);
        ranges.push(r);
      }
      const s = spawnServer({ demo: true, dataDir });
      const stop = { done: false };
      const work = activity(s, cycle, acknowledged, stop);
      // The first start is killed anywhere in its first 10 s; later ones either while starting (a third of them)
      // or in the first 2.5 s of the load, backup and user writes that follow.
      let delay: number;
      if (first || rand() < 1 / 3) {
        delay = Math.round((first ? 10_000 : 2_500) * rand());
        await sleep(delay);
      } else {
        const t0 = Date.now();
        await s.waitForLog(/escuchando/, 60_000).catch(() => undefined);
        await sleep(Math.round(2_500 * rand()));
        delay = Date.now() - t0;
      }
      const phase = /escuchando/.test(s.log()) ? 'en servicio' : /generando|éxito/.test(s.log()) ? 'demo' : 'arranque';
      await s.kill9();
      stop.done = true;
      await work;

      // The restart a user would do: it must open by itself.
      const again = spawnServer({ demo: true, dataDir });
      try {
        await waitForHealth(again, 180_000);
        opened++;
        const cut = /se interrumpió antes/.test(again.log()) ? ', carga revertida' : /se interrumpió después/.test(again.log()) ? ', carga confirmada' : '';
        moments.push(`${(delay / 1000).toFixed(1)} s (${phase}${cut})`);
      } catch (e) {
        console.log(`  reinicio ${cycle}: NO abrió\n${again.log().split('\n').slice(-5).join('\n')}`);
        await again.kill9();
        break;
      }
      again.proc.kill('SIGTERM');
      await again.exited;

      const wh = await openData(dataDir);
      try {
        const c = await ticketCounts(wh, ranges);
        const loadedFiles = new Set((await wh.all<{ archivo: string }>("SELECT archivo FROM ops.archivos_cargados WHERE pipeline = 'tickets'")).map((r) => r.archivo));
        c.per.forEach((n, i) => {
          if (n !== 0 && n !== ranges[i]!.n) half++;
          if (loadedFiles.has(`lote_${Math.round(ranges[i]!.firstId / 1_000_000)}.csv`) && n < ranges[i]!.n) lost += ranges[i]!.n - n;
        });
        doubled += c.doubled;
        const users = new Set((await wh.all<{ usuario: string }>('SELECT usuario FROM app.usuarios')).map((r) => r.usuario));
        lost += acknowledged.filter((u) => !users.has(u)).length;
        acknowledged.length = 0;
        for (const u of users) if (/^u\d+_\d+$/.test(u)) acknowledged.push(u);
        const open = await wh.one<{ n: number }>("SELECT count(*)::INTEGER AS n FROM ops.ejecuciones WHERE estado = 'en_curso'");
        if ((open?.n ?? 0) > 0) half++;
      } finally {
        wh.close();
      }
    }

    // Everything left in the inbox loads now; every file must be whole, once.
    const last = spawnServer({ demo: true, dataDir });
    const url = await waitForHealth(last, 180_000);
    await api(url, dataDir, 'POST', '/api/pipelines/tickets/ejecutar');
    for (let i = 0; i < 600 && fs.readdirSync(path.join(dataDir, 'inbox', 'tickets')).some((f) => f.endsWith('.csv')); i++) await sleep(200);
    await sleep(500);
    last.proc.kill('SIGTERM');
    await last.exited;
    const wh = await openData(dataDir);
    try {
      const c = await ticketCounts(wh, ranges);
      c.per.forEach((n, i) => {
        if (n < ranges[i]!.n) lost += ranges[i]!.n - n;
      });
      doubled += c.doubled;
      const demo = await wh.one<{ valor: string }>("SELECT valor FROM ops.instalacion WHERE clave = 'demo'");
      console.log(`Demostración tras los cortes: ${demo?.valor ?? 'sin registrar'}`);
    } finally {
      wh.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`Momentos de los cortes: ${moments.join(', ')}`);
  console.log(`Reinicios que abrieron solos     ${opened}/${KILLS}   (objetivo ${KILLS}/${KILLS})`);
  console.log(`Filas perdidas                   ${lost}        (objetivo 0)`);
  console.log(`Filas duplicadas                 ${doubled}        (objetivo 0)`);
  console.log(`Cargas a medias                  ${half}        (objetivo 0)`);
}
