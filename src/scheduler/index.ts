import cron, { type ScheduledTask } from 'node-cron';

export interface Job {
  nombre: string;
  programacion: string | null;
  run: () => Promise<unknown>;
}

/** node-cron jobs in Mexico City time; a job still running when its next tick comes is skipped, not stacked. */
export class Scheduler {
  private tasks = new Map<string, { job: Job; task: ScheduledTask | null }>();
  private stoppers: Array<() => void> = [];
  running = false;

  add(job: Job): void {
    this.tasks.set(job.nombre, { job, task: null });
  }

  /** Background loops that are not cron jobs (the uptime monitors); stopped with the scheduler. */
  addLoop(start: () => () => void): void {
    if (this.running) this.stoppers.push(start());
    else this.pendingLoops.push(start);
  }

  private pendingLoops: Array<() => () => void> = [];

  start(): void {
    for (const entry of this.tasks.values()) {
      if (!entry.job.programacion) continue;
      entry.task = cron.schedule(entry.job.programacion, async () => {
        await entry.job.run().catch((e) => console.error(`[programador] ${entry.job.nombre}: ${(e as Error).message}`));
      }, { timezone: 'America/Mexico_City', noOverlap: true, name: entry.job.nombre });
    }
    for (const s of this.pendingLoops) this.stoppers.push(s());
    this.pendingLoops = [];
    this.running = true;
  }

  stop(): void {
    for (const entry of this.tasks.values()) {
      void entry.task?.stop();
      entry.task = null;
    }
    for (const s of this.stoppers) s();
    this.stoppers = [];
    this.running = false;
  }

  jobs(): Array<{ nombre: string; programacion: string | null; proxima: string | null }> {
    return [...this.tasks.values()].map(({ job, task }) => {
      const next = task?.getNextRun?.() ?? null;
      return { nombre: job.nombre, programacion: job.programacion, proxima: next ? next.toISOString() : null };
    });
  }
}
