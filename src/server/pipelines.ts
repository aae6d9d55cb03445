import type { Config } from '../config/index.js';
import type { Warehouse } from '../db/warehouse.js';
import { runPipeline, type RunOptions, type RunResult } from '../../pipelines/runner/run.js';
import type { Pipeline } from '../../pipelines/runner/types.js';
import type { Tasks } from './tasks.js';

/**
 * Starts a run and resolves as soon as it has an id; the run itself goes on in the background, tracked so a
 * graceful stop waits for it.
 */
export function runStarter(wh: Warehouse, config: Config, tasks?: Tasks) {
  return (p: Pipeline, opts: Partial<RunOptions> = {}): Promise<{ id: number; done: Promise<RunResult> }> =>
    new Promise((resolve, reject) => {
      let started = false;
      const done = runPipeline(wh, p, {
        ...opts,
        dataDir: config.dataDir,
        onStart: (id) => {
          started = true;
          resolve({ id, done });
        },
      });
      tasks?.track(done).catch(() => undefined);
      done.catch((e) => {
        if (!started) reject(e);
        else console.error(`[etl] ${p.name}: ${(e as Error).message}`);
      });
    });
}
