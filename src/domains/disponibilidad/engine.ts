import type { Probe, ProbeResult, ServiceDef } from './probe.js';

/** One check as the engine records it. */
export interface CheckRecord extends ProbeResult {
  servicio_id: string;
  /** When the check started (ms since epoch). */
  ts: number;
  /** How late it started against its planned time, in ms. */
  retraso_ms: number;
  /** Its planned start (ms since epoch); not stored, for diagnostics and tests. */
  planeado?: number;
}

export interface MonitorStats {
  realizadas: number;
  /** Planned slots skipped because the previous run of the same service was still going. */
  omitidas: number;
  /** Checks that started more than one interval after their planned time. */
  tardias: number;
}

interface Slot {
  def: ServiceDef;
  /** Planned start of the next check (ms since epoch). */
  next: number;
  timer: ReturnType<typeof setTimeout> | null;
  running: boolean;
  controller: AbortController | null;
}

export interface MonitorOptions {
  /** The active services (reloaded every reloadMs). */
  load: () => Promise<ServiceDef[]>;
  probe: Probe;
  sink: (c: CheckRecord) => void;
  reloadMs?: number;
  now?: () => number;
  /** Spread first checks over the interval (by a hash of the id) so a thousand monitors do not fire at once. */
  spread?: boolean;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const sameSchedule = (a: ServiceDef, b: ServiceDef): boolean => a.intervalo_s === b.intervalo_s;

/**
 * Runs each service's check on its own interval without drift and without overlap:
 * the next planned time is the previous planned time + interval (never "now + interval"), and a service's next
 * check is only armed when its current one has finished; planned slots that passed while a slow check was still
 * running are skipped (counted in `omitidas`), never stacked.
 */
export class Monitor {
  private slots = new Map<string, Slot>();
  private reloadTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = true;
  /** Stopping gracefully: no new check starts, the ones under way finish and are recorded. */
  private draining = false;
  private inflight = new Set<Promise<void>>();
  private readonly now: () => number;
  readonly stats: MonitorStats = { realizadas: 0, omitidas: 0, tardias: 0 };

  constructor(private opts: MonitorOptions) {
    this.now = opts.now ?? Date.now;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.reload();
    if (this.stopped) return;
    this.reloadTimer = setInterval(() => void this.reload().catch((e) => console.error(`[disponibilidad] catálogo: ${(e as Error).message}`)), this.opts.reloadMs ?? 30_000);
  }

  /**
   * Graceful stop: no new check starts; the checks under way finish (each within its own timeout) and reach the
   * sink, so every request a service received is recorded. Then stop().
   */
  async drain(maxMs = 30_000): Promise<void> {
    this.draining = true;
    if (this.reloadTimer) clearInterval(this.reloadTimer);
    this.reloadTimer = null;
    for (const s of this.slots.values()) {
      if (s.timer) clearTimeout(s.timer);
      s.timer = null;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled([...this.inflight]),
      new Promise((r) => (timer = setTimeout(r, maxMs))),
    ]);
    clearTimeout(timer);
    this.stop();
  }

  stop(): void {
    this.stopped = true;
    if (this.reloadTimer) clearInterval(this.reloadTimer);
    this.reloadTimer = null;
    for (const s of this.slots.values()) {
      if (s.timer) clearTimeout(s.timer);
      s.controller?.abort();
    }
    this.slots.clear();
  }

  /** Picks up services added, changed or removed in the catalogue. */
  async reload(): Promise<void> {
    const defs = await this.opts.load();
    if (this.stopped) return;
    const seen = new Set<string>();
    for (const def of defs) {
      seen.add(def.id);
      const cur = this.slots.get(def.id);
      if (cur && sameSchedule(cur.def, def)) {
        cur.def = def;
        continue;
      }
      if (cur) this.drop(cur);
      const interval = Math.max(0.01, def.intervalo_s) * 1000;
      const offset = this.opts.spread === false ? 0 : hash(def.id) % interval;
      const slot: Slot = { def, next: this.now() + offset, timer: null, running: false, controller: null };
      this.slots.set(def.id, slot);
      this.arm(slot);
    }
    for (const [id, s] of this.slots) if (!seen.has(id)) this.drop(s);
  }

  private drop(s: Slot): void {
    if (s.timer) clearTimeout(s.timer);
    s.controller?.abort();
    this.slots.delete(s.def.id);
  }

  private arm(s: Slot): void {
    if (this.draining) return;
    s.timer = setTimeout(() => {
      const p = this.fire(s);
      this.inflight.add(p);
      void p.finally(() => this.inflight.delete(p));
    }, Math.max(0, s.next - this.now()));
  }

  private async fire(s: Slot): Promise<void> {
    if (this.stopped || this.draining || this.slots.get(s.def.id) !== s || s.running) return;
    const interval = Math.max(0.01, s.def.intervalo_s) * 1000;
    const planned = s.next;
    const start = this.now();
    s.running = true;
    s.controller = new AbortController();
    const retraso = Math.max(0, start - planned);
    if (retraso > interval) this.stats.tardias++;
    let r: ProbeResult;
    try {
      r = await this.opts.probe(s.def, s.controller.signal);
    } catch (e) {
      r = { ok: false, latencia_ms: null, codigo: null, error: `Error interno de la verificación: ${(e as Error).message}` };
    }
    s.running = false;
    s.controller = null;
    if (this.stopped || this.slots.get(s.def.id) !== s) return;
    this.stats.realizadas++;
    this.opts.sink({ ...r, servicio_id: s.def.id, ts: start, retraso_ms: Math.round(retraso), planeado: planned });
    // No drift: the next slot is planned + interval; slots that passed during a slow check are skipped.
    s.next = planned + interval;
    const now = this.now();
    while (s.next <= now) {
      s.next += interval;
      this.stats.omitidas++;
    }
    this.arm(s);
  }

  /** Planned next check per service (for tests and diagnostics). */
  planned(): Map<string, number> {
    return new Map([...this.slots].map(([id, s]) => [id, s.next]));
  }
}
