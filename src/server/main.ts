import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { loadConfig, ROOT, type Config } from '../config/index.js';
import { createApi } from '../api/app.js';
import { createMetricsApp } from '../api/metrics/route.js';
import type { AppContext } from '../api/context.js';
import { SESSION_COOKIE, userForSession } from '../auth/sessions.js';
import { startAuthMaintenance } from '../auth/maintenance.js';
import { sessionTokenOf } from '../api/input/client.js';
import { API_CSP, securityHeaders } from '../api/middleware/headers/index.js';
import { makePrivate, PRIVATE_UMASK } from '../core/private-files.js';
import { decodablePath, guarded, logStrayRejections } from './boundary.js';
import { Scheduler } from '../scheduler/index.js';
import { PIPELINES } from '../../pipelines/registry.js';
import { PipelineBusyError } from '../../pipelines/runner/run.js';
import { scheduleBackups } from '../backup/schedule.js';
import { ensureAdmin, issueCliToken, openWarehouse, writeServerFile } from './startup.js';
import { runStarter } from './pipelines.js';
import { ensureDashboardBuilt, DASHBOARD_BUILD } from './build.js';
import { DOMAINS } from '../domains/registry.js';
import { navigation } from './nav.js';
import { loadDemo, StartupCancelled } from './demo.js';
import { gracefulStop } from './shutdown.js';
import { Tasks } from './tasks.js';
import { settleMemory, watchMemory } from '../core/memory.js';

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Opens the warehouse, finishes the first-start demo, starts the scheduler, the domain services and the HTTP server.
 * `signal` aborted during start-up (SIGTERM while the demo loads) cancels the run under way, closes the warehouse
 * and throws StartupCancelled; the demo resumes on the next start.
 */
export async function startServer(config: Config = loadConfig(), signal?: AbortSignal): Promise<RunningServer> {
  process.umask(PRIVATE_UMASK);
  logStrayRejections();
  await ensureDashboardBuilt();
  makePrivate(config.dataDir);
  const wh = await openWarehouse(config);
  const onAbort = (): void => {
    wh.beginStop();
    wh.interruptLent();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await ensureAdmin(wh, config);
    await issueCliToken(wh, config);
    await loadDemo(wh, config, signal);
    if (signal?.aborted) throw new StartupCancelled();
  } catch (e) {
    await wh.drainWrites().catch(() => undefined);
    wh.close();
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  // Files that existed before this start (an older install, a copied folder) lose any group or other access.
  makePrivate(config.dataDir);
  const stopAuthMaintenance = startAuthMaintenance(wh, config);
  const stopMemoryWatch = watchMemory(config.memoryTargetMb);

  const scheduler = new Scheduler();
  const tasks = new Tasks();
  const startRun = runStarter(wh, config, tasks);
  const ctx: AppContext = { wh, config, pipelines: PIPELINES, startRun, scheduler, tasks };
  for (const p of PIPELINES) {
    if (p.configured && !p.configured()) continue;
    scheduler.add({
      nombre: p.name,
      programacion: p.schedule,
      run: async () => {
        try {
          const { done } = await startRun(p, { origen: 'programada' });
          await done;
        } catch (e) {
          if (!(e instanceof PipelineBusyError)) throw e;
        }
      },
    });
  }
  scheduleBackups(scheduler, wh, config.dataDir, tasks);
  // The domains' background work (the uptime probes…) runs while the scheduler does.
  const services = DOMAINS.flatMap((d) => d.services ?? []);
  for (const s of services) scheduler.addLoop(() => s.start(ctx));

  const api = createApi(ctx);
  const apiListener = getRequestListener(api.fetch);
  const metricsListener = getRequestListener(createMetricsApp(ctx).fetch);
  const { handler } = (await import(path.join(DASHBOARD_BUILD, 'handler.js'))) as { handler: NodeHandler };

  const headers = Object.entries(securityHeaders(config.https));
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // Every response, API, page or file: the common security headers, and a CSP that pages replace with their own.
    for (const [k, v] of headers) res.setHeader(k, v);
    res.setHeader('Content-Security-Policy', API_CSP);
    const url = req.url ?? '/';
    if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) return void (await apiListener(req, res));
    if (url === '/metrics' || url.startsWith('/metrics?')) return void (await metricsListener(req, res));
    // A path that does not decode is refused here: SvelteKit's own handling of it lets a hook's redirect escape.
    if (!decodablePath(url)) {
      res.statusCode = 400;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Solicitud inválida: la dirección no está bien codificada.');
      return;
    }
    // The dashboard learns who is logged in from the same session store, without opening the warehouse itself…
    const token = sessionTokenOf(req.headers.cookie, SESSION_COOKIE);
    const user = token ? await userForSession(wh, token, config).catch(() => null) : null;
    const forDashboard = req as http.IncomingMessage & { atalayaUser?: unknown; atalayaNav?: unknown };
    forDashboard.atalayaUser = user ? { usuario: user.usuario, rol: user.rol, area: user.area, csrf: user.csrf } : null;
    // Its navigation and access table too, computed from the domains' registry (the dashboard copies no roles).
    forDashboard.atalayaNav = navigation(user?.rol ?? null);
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('No encontrado');
    });
  };
  // The Node layer's boundary: whatever a handler throws answers 500 to that request alone; the server stays up.
  const server = http.createServer(guarded(handle));
  // An idle keep-alive connection lives 65 s (Node's default is 5 s), longer than the usual proxy's upstream idle time:
  // a client busy for a few seconds between two requests reused a connection the server had just closed, and its
  // request failed with «other side closed». Headers must still arrive within a bounded time.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // What starting left behind (a first start's demo: ~250 MB of garbage; the dashboard's modules; the services' first
  // work) goes back to the system before the first request: collected and settled now, it was still coming back
  // in the first seconds of serving, the busiest of a start (50 users began at ~430 MB and fell to ~315 MB). A start
  // that stayed under the memory target has little to give back and does not wait.
  if (process.memoryUsage.rss() > config.memoryTargetMb * 1024 * 1024) await settleMemory();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host}:${port}`;
  config.publicUrl = process.env.ATALAYA_PUBLIC_URL ?? url;
  writeServerFile(config, url);
  scheduler.start();
  console.log(`Atalaya escuchando en ${url} (datos en ${config.dataDir})`);

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      stopAuthMaintenance();
      stopMemoryWatch();
      await gracefulStop({ wh, scheduler, tasks, server });
      for (const s of services) await s.close?.();
      fs.rmSync(path.join(config.dataDir, 'servidor.json'), { force: true });
    })());
  return { url, close };
}

export { ROOT };
