import { DuckDBTimestampTZValue } from '@duckdb/node-api';
import type { Warehouse } from '../../db/warehouse.js';
import type { CheckRecord } from './engine.js';

/**
 * Buffers check results and writes them every few seconds in one batch: one appender (one transaction) per flush
 * on the warehouse's serialized writer, never one transaction per check.
 */
export class BatchWriter {
  private buffer: CheckRecord[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private flushing: Promise<void> | null = null;
  lotes = 0;
  escritas = 0;

  constructor(private wh: Warehouse, private everyMs: number) {}

  add(c: CheckRecord): void {
    this.buffer.push(c);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.everyMs);
  }

  /** Stops the timer and writes everything buffered, including what arrived while a flush was under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (let tries = 0; (this.flushing || this.buffer.length) && tries < 20; tries++) await (this.flushing ?? this.flush());
  }

  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = (async () => {
      try {
        await writeChecks(this.wh, batch);
        this.lotes++;
        this.escritas += batch.length;
      } catch (e) {
        // Keep the batch for the next flush unless the warehouse is gone (shutdown).
        if (!/cerrado/i.test((e as Error).message)) {
          console.error(`[disponibilidad] no se pudieron guardar ${batch.length} verificaciones: ${(e as Error).message}`);
          this.buffer = batch.concat(this.buffer).slice(-100_000);
        }
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }
}

const SQL_CERTIFICADOS = `
UPDATE core.servicios s SET certificado_vence = j.vence::TIMESTAMPTZ
FROM (SELECT unnest(from_json($filas::JSON, '[{"id":"VARCHAR","vence":"VARCHAR"}]'), recursive := true)) j
WHERE s.id = j.id AND s.certificado_vence IS DISTINCT FROM j.vence::TIMESTAMPTZ`;

/** Appends checks to core.disp_verificaciones in one appender (one commit). */
export async function writeChecks(wh: Warehouse, batch: readonly CheckRecord[]): Promise<void> {
  await wh.write(async (c) => {
    const app = await c.createAppender('disp_verificaciones', 'core');
    try {
      for (const r of batch) {
        app.appendVarchar(r.servicio_id);
        app.appendTimestampTZ(new DuckDBTimestampTZValue(BigInt(Math.round(r.ts)) * 1000n));
        app.appendBoolean(r.ok);
        r.latencia_ms === null ? app.appendNull() : app.appendDouble(r.latencia_ms);
        r.codigo === null ? app.appendNull() : app.appendInteger(r.codigo);
        r.error === null ? app.appendNull() : app.appendVarchar(r.error.slice(0, 500));
        app.appendInteger(r.retraso_ms);
        app.endRow();
      }
    } finally {
      app.closeSync();
    }
    // The certificate expiry the HTTPS checks read (the last one per service), in the same commit.
    const vence = new Map<string, number | null>();
    for (const r of batch) if (r.certificado_vence !== undefined) vence.set(r.servicio_id, r.certificado_vence);
    if (vence.size) {
      await c.run(SQL_CERTIFICADOS, { filas: JSON.stringify([...vence].map(([id, v]) => ({ id, vence: v === null ? null : new Date(v).toISOString() }))) });
    }
  }, 'sondeos');
}
