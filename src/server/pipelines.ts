import type { Config } from '../config/index.js';
import type { Warehouse } from '../db/warehouse.js';
import { runPipeline, type RunOptions, type RunResult } from '../../pipelines/runner/run.js';
import type { Pipeline } from '../../pipelines/runner/types.js';
import type { Tasks } from './tasks.js';
import { errorFields, logEvent } from '../core/log.js';
import { METRICS } from '../api/metrics/registry.js';
import { releaseMemory } from '../core/memory.js';

/** One structured log line per finished run, and the run metrics. */
function recordRun(p: Pipeline, origen: string | undefined, t0: number, r: RunResult | null, e?: unknown): void {
  const ms = Math.round(performance.now() - t0);
  const estado = r?.estado ?? 'fallo';
  METRICS.runs.inc({ pipeline: p.name, estado });
  METRICS.runDuration.observe({ estado }, ms);
  logEvent('ejecucion', {
    pipeline: p.name, id: r?.id ?? null, origen: origen ?? null, estado, ms,
    filas_leidas: r?.leidas ?? null, filas_cargadas: r?.cargadas ?? null, filas_rechazadas: r?.rechazadas ?? null,
    ...(r?.error ? { error: r.error } : e ? errorFields(e) : {}),
  }, estado === 'exito' ? 'info' : 'aviso');
  // A load leaves its parsed rows behind as garbage; collecting now returns it instead of letting the heap grow.
  if ((r?.leidas ?? 0) > 0) releaseMemory();
}

/**
 * Starts a run and resolves as soon as it has an id; the run itself goes on in the background, tracked so a
 * graceful stop waits for it.
 */
export function runStarter(wh: Warehouse, config: Config, tasks?: Tasks) {
  return (p: Pipeline, opts: Partial<RunOptions> = {}): Promise<{ id: number; done: Promise<RunResult> }> =>
    new Promise((resolve, reject) => {
      let started = false;
      const t0 = performance.now();
      const done = runPipeline(wh, p, {
        ...opts,
        dataDir: config.dataDir,
        onStart: (id) => {
          started = true;
          resolve({ id, done });
        },
      });
      tasks?.track(done).catch(() => undefined);
      done.then(
        (r) => recordRun(p, opts.origen, t0, r),
        (e) => {
          if (!started) return reject(e);
          recordRun(p, opts.origen, t0, null, e);
        },
      );
    });
}
