import type { Config } from '../config/index.js';
import type { Warehouse } from '../db/warehouse.js';
import type { SessionUser } from '../auth/sessions.js';
import type { Pipeline } from '../../pipelines/runner/types.js';
import type { RunResult, RunOptions } from '../../pipelines/runner/run.js';
import type { Tasks } from '../server/tasks.js';

/** What the API needs from the process that serves it. */
export interface AppContext {
  wh: Warehouse;
  config: Config;
  pipelines: readonly Pipeline[];
  /** Starts a run; resolves with its id once it has one (the run goes on). */
  startRun: (p: Pipeline, opts?: Partial<RunOptions>) => Promise<{ id: number; done: Promise<RunResult> }>;
  scheduler: { running: boolean; jobs: () => Array<{ nombre: string; programacion: string | null; proxima: string | null }> };
  /** Background work a graceful stop waits for (absent in benchmarks that build a bare context). */
  tasks?: Tasks;
}

export interface Env {
  Variables: {
    ctx: AppContext;
    user: SessionUser | null;
    /** The client's address (socket, or X-Forwarded-For behind trusted proxies). */
    direccion: string;
  };
}
