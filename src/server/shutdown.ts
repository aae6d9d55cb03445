import type http from 'node:http';
import type { Warehouse } from '../db/warehouse.js';
import type { Scheduler } from '../scheduler/index.js';
import type { Tasks } from './tasks.js';

/**
 * How long a graceful stop lets the runs and backups under way finish before it interrupts them (their transactions
 * roll back and the run log says so): ATALAYA_CIERRE_ESPERA_S, default 20.
 */
export function stopWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.ATALAYA_CIERRE_ESPERA_S);
  return (Number.isFinite(s) && s >= 0 ? s : 20) * 1000;
}

export interface StopParts {
  wh: Warehouse;
  scheduler: Scheduler;
  tasks: Tasks;
  server: http.Server | null;
}

function closeHttp(server: http.Server, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      server.closeAllConnections?.();
      resolve();
    }, ms);
    server.close(() => {
      clearTimeout(t);
      resolve();
    });
    server.closeIdleConnections?.();
  });
}

/**
 * The graceful stop (SIGTERM, SIGINT, `atalaya detener`), in an order where nothing buffered is lost:
 * 1. no new run or backup starts; the cron jobs stop;
 * 2. the probes under way finish and their last batch is written, while the runs and backups under way get
 *    ATALAYA_CIERRE_ESPERA_S to finish, then are interrupted (rolled back, logged as cancelled);
 * 3. the HTTP server stops accepting and lets the requests under way end (their audit rows are writes, queued);
 * 4. every queued write (run log, audit, probe batches) commits, and only then the warehouse closes.
 */
export async function gracefulStop(parts: StopParts, log: (m: string) => void = console.log): Promise<void> {
  const { wh, scheduler, tasks, server } = parts;
  wh.beginStop();
  const settleTasks = async (): Promise<void> => {
    if (tasks.size === 0) return;
    log(`Esperando ${tasks.size === 1 ? 'la ejecución o respaldo en curso' : `${tasks.size} ejecuciones o respaldos en curso`}…`);
    if (await tasks.settle(stopWaitMs())) return;
    const n = wh.interruptLent();
    log(`Se interrumpe${n === 1 ? '' : 'n'} ${n} transacci${n === 1 ? 'ón' : 'ones'} en curso; se revierte${n === 1 ? '' : 'n'} y quedan registradas como canceladas.`);
    await tasks.settle(15_000);
  };
  await Promise.all([scheduler.stop(), settleTasks()]);
  if (server) await closeHttp(server, 5000);
  await wh.drainWrites();
  wh.close();
}
