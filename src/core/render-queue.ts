import { HttpError } from './errors.js';
import { Mutex } from '../db/mutex.js';

/** 429 with Retry-After: the queue is full for this user, or the wait would be too long. */
export class BusyError extends HttpError {
  constructor(message: string, public readonly retryAfterSeconds: number) {
    super(429, message, {}, { 'Retry-After': String(retryAfterSeconds) });
  }
}

export interface QueueLimits {
  /** Jobs a user may have running or waiting at once. */
  perUser: number;
  /** A job that would wait longer than this to start is refused. */
  maxWaitMs: number;
  /** What a job is assumed to take before any has finished. */
  initialEstimateMs: number;
}

/**
 * Runs heavy jobs (PDF renders) one at a time, in arrival order. Before queueing, a job's wait is estimated from
 * the jobs ahead and the average duration so far; over the limit, or over the user's share, it is refused at once
 * (429 with Retry-After) instead of holding a connection open.
 */
export class RenderQueue {
  private lock = new Mutex();
  private pending = 0;
  private byUser = new Map<string, number>();
  private avgMs: number;

  constructor(private readonly limits: QueueLimits) {
    this.avgMs = limits.initialEstimateMs;
  }

  /** Milliseconds a job queued now would wait before it starts. */
  expectedWaitMs(): number {
    return this.pending * this.avgMs;
  }

  get size(): number {
    return this.pending;
  }

  async run<T>(user: string, fn: () => Promise<T>): Promise<T> {
    const wait = this.expectedWaitMs();
    const retry = Math.max(1, Math.ceil((wait + this.avgMs) / 1000));
    if ((this.byUser.get(user) ?? 0) >= this.limits.perUser) {
      throw new BusyError(`Ya tiene ${this.limits.perUser === 1 ? 'un reporte' : `${this.limits.perUser} reportes`} en preparación; espere a que termine${this.limits.perUser === 1 ? '' : 'n'}.`, retry);
    }
    if (wait > this.limits.maxWaitMs) {
      throw new BusyError(`Hay ${this.pending} reportes en preparación; intente de nuevo en ${retry} s.`, retry);
    }
    this.pending++;
    this.byUser.set(user, (this.byUser.get(user) ?? 0) + 1);
    try {
      return await this.lock.run(async () => {
        const t0 = Date.now();
        try {
          return await fn();
        } finally {
          // A moving average: recent renders say most about the next one.
          this.avgMs = 0.7 * this.avgMs + 0.3 * (Date.now() - t0);
        }
      });
    } finally {
      this.pending--;
      const n = (this.byUser.get(user) ?? 1) - 1;
      if (n > 0) this.byUser.set(user, n);
      else this.byUser.delete(user);
    }
  }
}
