import cron, { type ScheduledTask } from 'node-cron';
import { errorFields, logEvent } from '../core/log.js';

export interface Job {
  nombre: string;
  programacion: string | null;
  run: () => Promise<unknown>;
}

/** node-cron jobs in Mexico City time; a job still running when its next tick comes is skipped, not stacked. */
export class Scheduler {
  private tasks = new Map<string, { job: Job; task: ScheduledTask | null }>();
  private stoppers: Array<() => Promise<void> | void> = [];
  running = false;

  add(job: Job): void {
    this.tasks.set(job.nombre, { job, task: null });
  }

  /** Background loops that are not cron jobs (the uptime monitors); stopped with the scheduler. */
  addLoop(start: () => () => Promise<void> | void): void {
    if (this.running) this.stoppers.push(start());
    else this.pendingLoops.push(start);
  }

  private pendingLoops: Array<() => () => Promise<void> | void> = [];

  start(): void {
    for (const entry of this.tasks.values()) {
      if (!entry.job.programacion) continue;
      entry.task = cron.schedule(entry.job.programacion, async () => {
        await entry.job.run().catch((e) => logEvent('error', { origen: 'programador', tarea: entry.job.nombre, ...errorFields(e) }, 'error'));
      }, { timezone: 'America/Mexico_City', noOverlap: true, name: entry.job.nombre });
    }
    for (const s of this.pendingLoops) this.stoppers.push(s());
    this.pendingLoops = [];
    this.running = true;
  }

  /** Stops the cron jobs (a job under way goes on; its caller waits for it) and the loops, waiting for their last writes. */
  async stop(): Promise<void> {
    for (const entry of this.tasks.values()) {
      void entry.task?.stop();
      entry.task = null;
    }
    const stoppers = this.stoppers;
    this.stoppers = [];
    this.running = false;
    await Promise.allSettled(stoppers.map(async (s) => s()));
  }

  jobs(): Array<{ nombre: string; programacion: string | null; proxima: string | null }> {
    return [...this.tasks.values()].map(({ job, task }) => {
      const next = task?.getNextRun?.() ?? null;
      return { nombre: job.nombre, programacion: job.programacion, proxima: next ? next.toISOString() : null };
    });
  }
}
