/** What the page-data benchmarks share: p95, a timed loop with warm-up, and the real API in process. */
import { createApi } from '../src/api/app.js';
import type { AppContext } from '../src/api/context.js';
import { createToken, createUser } from '../src/auth/users.js';
import type { Config } from '../src/config/index.js';
import type { Warehouse } from '../src/db/warehouse.js';
import type { Pipeline } from '../pipelines/runner/types.js';
import type { Rol } from '../src/core/roles.js';

export function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
}

/** n timed calls (ms) after `warmups` untimed ones. */
export async function time(n: number, fn: () => Promise<unknown>, warmups = 1): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** The Hono API over the warehouse, with a bearer token of a user of the given role (auth and JSON included). */
export async function apiInProcess(wh: Warehouse, config: Config, pipelines: Pipeline[], rol: Rol): Promise<{ request: (url: string) => Promise<Response> }> {
  // No JSON line per request in the benchmark's output (a server writes them to its log, not to a terminal).
  process.env.ATALAYA_LOG ??= 'silencio';
  await createUser(wh, { usuario: 'bench', password: 'Bench-Clave-2026!', rol }, null);
  const token = await createToken(wh, 'bench', 'bench', null);
  const ctx = {
    wh, config, pipelines,
    startRun: async () => { throw new Error('no disponible'); },
    scheduler: { running: true, jobs: () => [] },
  } as unknown as AppContext;
  const api = createApi(ctx);
  return { request: (url) => Promise.resolve(api.request(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } })) };
}
