import fs from 'node:fs';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { readerRows, type Row } from './values.js';
import { Mutex } from './mutex.js';
import { DataVersions, type Dataset } from './versions.js';
import { dbLimits } from './limits.js';
import { Semaphore } from './semaphore.js';
import { runPrepared } from './prepared.js';

/** Thrown when another process holds the warehouse file. */
export class WarehouseLockedError extends Error {
  constructor(public file: string, public pid: number | null) {
    super(
      `El almacén ${file} ya está abierto por otro proceso${pid ? ` (PID ${pid})` : ''}. ` +
        'Detenga ese servidor o use la CLI contra él (atalaya etl …), que habla con el servidor por HTTP.',
    );
  }
}

type Params = Record<string, DuckDBValue> | DuckDBValue[] | undefined;

/** A run or backup refused or cancelled because the server is stopping; its transaction rolled back. */
export class StoppingError extends Error {
  constructor() {
    super('cancelada: el servidor se detuvo antes de terminar; el almacén quedó como antes de la ejecución');
  }
}

const SESSION_SETUP = "SET TimeZone='America/Mexico_City'";

/** Connections whose transaction a stop cancelled: interrupted mid-query, and refused at COMMIT if between queries. */
const cancelled = new WeakSet<DuckDBConnection>();

/**
 * The one handle on the warehouse file in this process. Reads take one of a fixed pool of connections (and wait
 * in line past it), so they keep answering while a load commits and never pile up unbounded; app writes go
 * through one serialized connection; each pipeline run takes a connection of its own for its transaction.
 * Every write bumps the data version of its dataset once it has committed (src/db/versions.ts).
 */
export class Warehouse {
  private idle: DuckDBConnection[] = [];
  private idleReaders: DuckDBConnection[] = [];
  private readSlots: Semaphore;
  private idleLight: DuckDBConnection[] = [];
  /** Short lookups on every request (sessions, tokens) have their own connections: never queued behind figures. */
  private lightSlots = new Semaphore(2);
  readonly versions = new DataVersions();
  /** Every connection opened, so close() can release the file (the instance alone keeps the lock while any is open). */
  private all_: Set<DuckDBConnection> = new Set();
  private writer: DuckDBConnection | null = null;
  private writeLock = new Mutex();
  private closed = false;
  /** Connections lent to withConnection (runs, backups), so a stop can interrupt them. */
  private lent: Set<DuckDBConnection> = new Set();
  private stopping = false;
  /**
   * Writes under way, and a counter bumped when one starts and when it ends: a prepared statement planned in one
   * epoch (with the statistics of the data then) is reused only in that epoch (src/db/prepared.ts).
   */
  private writing = 0;
  private writeEpoch = 0;
  private readonly planEpoch = (): number | null => (this.writing ? null : this.writeEpoch);

  private constructor(public readonly instance: DuckDBInstance, public readonly file: string, readers: number) {
    this.readSlots = new Semaphore(readers);
  }

  static async open(file: string): Promise<Warehouse> {
    const limits = dbLimits();
    try {
      const inst = await DuckDBInstance.create(file, {
        threads: String(limits.threads),
        memory_limit: `${limits.memoryMb}MB`,
        // Return freed memory to the system after each task and in the background, instead of keeping up to
        // 128 MB per thread cached in DuckDB's allocator (the server's RSS is what a machine budgets for).
        allocator_flush_threshold: '8MB',
        allocator_background_threads: 'true',
      });
      return new Warehouse(inst, file, limits.readers);
    } catch (e) {
      const msg = String((e as Error)?.message ?? e);
      if (/Could not set lock|Conflicting lock/i.test(msg)) {
        const m = /PID (\d+)/.exec(msg);
        throw new WarehouseLockedError(file, m ? Number(m[1]) : null);
      }
      throw e;
    }
  }

  /** A fresh connection with the session settings; the caller closes it. */
  async connect(): Promise<DuckDBConnection> {
    if (this.closed) throw new Error('El almacén está cerrado');
    const c = await this.instance.connect();
    this.all_.add(c);
    await c.run(SESSION_SETUP);
    return c;
  }

  private async borrow(): Promise<DuckDBConnection> {
    return this.idle.pop() ?? (await this.connect());
  }

  private giveBack(c: DuckDBConnection): void {
    // Connections stay open for reuse: closing them one by one while results may still be collected has
    // crashed the native binding here; the instance closes them all at shutdown.
    if (!this.closed) this.idle.push(c);
  }

  /**
   * Runs fn on a connection of its own (a pipeline run's transaction, a backup), then returns it to the pool.
   * Refused once the server is stopping; interrupted (and rolled back by the caller) by interruptLent().
   */
  async withConnection<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.stopping) throw new StoppingError();
    const c = await this.borrow();
    this.lent.add(c);
    this.writing++;
    this.writeEpoch++;
    try {
      return await fn(c);
    } catch (e) {
      if (this.stopping && /interrupt/i.test(String((e as Error)?.message))) throw new StoppingError();
      throw e;
    } finally {
      this.writing--;
      this.writeEpoch++;
      this.lent.delete(c);
      cancelled.delete(c);
      this.giveBack(c);
      // A run or a backup: whatever it committed is new data.
      this.versions.bump('datos');
    }
  }

  /** Reads waiting for a connection right now (the pool is full), and the pool's size. */
  get readQueue(): { waiting: number; busy: number; size: number } {
    return this.readSlots.stats();
  }

  /** From now on, no new run or backup transaction starts; writes on the app writer still go through (run log, flushes). */
  beginStop(): void {
    this.stopping = true;
  }

  /** Interrupts the queries of the runs and backups still going; their transactions roll back. Returns how many. */
  interruptLent(): number {
    for (const c of this.lent) {
      cancelled.add(c);
      try {
        c.interrupt();
      } catch {
        // finished meanwhile
      }
    }
    return this.lent.size;
  }

  /** Resolves once every write queued so far (run log, audit, probe batches) has committed. */
  async drainWrites(): Promise<void> {
    await this.writeLock.run(async () => undefined);
  }

  /**
   * Runs a read query on one of the pool's connections (waiting for one when all are busy); plain JSON-safe rows.
   * Each connection keeps its statements prepared between writes (src/db/prepared.ts): the same figures are asked
   * again and again.
   */
  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    return this.readSlots.run(async () => {
      const c = this.idleReaders.pop() ?? (await this.connect());
      try {
        const r = await runPrepared(c, sql, params, this.planEpoch);
        return readerRows(r) as T[];
      } finally {
        if (!this.closed) this.idleReaders.push(c);
      }
    });
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** A short lookup (one row by key: the caller's session or token) on the connections kept for them. */
  async lookup<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return this.lightSlots.run(async () => {
      const c = this.idleLight.pop() ?? (await this.connect());
      try {
        const r = await runPrepared(c, sql, params, this.planEpoch);
        return (readerRows(r) as T[])[0];
      } finally {
        if (!this.closed) this.idleLight.push(c);
      }
    });
  }

  /**
   * Serialized write on the app connection (users, sessions, settings, run log). `dataset` names what it changes
   * (default: the data the figures read); its version is bumped once the write has finished.
   */
  async write<T>(fn: (c: DuckDBConnection) => Promise<T>, dataset: Dataset = 'datos'): Promise<T> {
    return this.writeLock.run(async () => {
      if (!this.writer) this.writer = await this.connect();
      this.writing++;
      this.writeEpoch++;
      try {
        return await fn(this.writer);
      } finally {
        this.writing--;
        this.writeEpoch++;
        this.versions.bump(dataset);
      }
    });
  }

  async exec(sql: string, params?: Params, dataset: Dataset = 'datos'): Promise<void> {
    await this.write(async (c) => {
      await c.run(sql, params as never);
    }, dataset);
  }

  /** Runs fn inside one transaction on the app writer; rolls back on error. */
  async transaction<T>(fn: (c: DuckDBConnection) => Promise<T>, dataset: Dataset = 'datos'): Promise<T> {
    return this.write(async (c) => inTransaction(c, fn), dataset);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.idle = [];
    this.idleReaders = [];
    this.idleLight = [];
    this.writer = null;
    for (const c of this.all_) {
      try {
        c.disconnectSync();
      } catch {
        // already gone
      }
    }
    this.all_.clear();
    this.instance.closeSync();
  }
}

export async function inTransaction<T>(c: DuckDBConnection, fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  await c.run('BEGIN TRANSACTION');
  try {
    const out = await fn(c);
    if (cancelled.has(c)) throw new StoppingError();
    await c.run('COMMIT');
    return out;
  } catch (e) {
    await c.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Rows of a query on a given connection, JSON-safe. */
export async function rowsOf<T = Row>(c: DuckDBConnection, sql: string, params?: Params): Promise<T[]> {
  const r = await c.runAndReadAll(sql, params as never);
  return readerRows(r) as T[];
}

export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
}
