import fs from 'node:fs';
import path from 'node:path';
import { inTransaction, type Warehouse } from '../../src/db/warehouse.js';
import { runChecks } from './checks.js';
import { writeRowsCsv } from './extract/files.js';
import { findHeaderRow } from './headers.js';
import { safeTempDir } from './inbox/safe-path.js';
import { loadTable } from './load.js';
import { loadMemorySettled } from './load-memory.js';
import { withRetry } from './retry.js';
import { runFiles } from './run-files.js';
import { setRunId } from './run-id.js';
import { confirmLoad } from './interrupted.js';
import type { LoadCounts, Pipeline, Progress, RunContext } from './types.js';

export interface RunOptions {
  dataDir: string;
  origen?: 'manual' | 'programada' | 'inicio' | 'cli';
  options?: Record<string, string>;
  onProgress?: (p: Progress) => void;
  /** Called as soon as the run has its id, before any work. */
  onStart?: (runId: number) => void;
  retry?: { retries: number; baseMs: number };
}

export interface RunResult extends LoadCounts {
  id: number;
  estado: 'exito' | 'fallo';
  error: string | null;
  avisos: string[];
}

export class PipelineBusyError extends Error {
  constructor(public pipeline: string, public runId: number) {
    super(`El proceso «${pipeline}» ya está en ejecución (ejecución ${runId}).`);
  }
}

/** Runs in progress in this process, with their last progress report. */
export const activeRuns = new Map<number, { pipeline: string; progress: Progress }>();
const running = new Map<string, number>();

export function runningId(pipeline: string): number | undefined {
  return running.get(pipeline);
}

async function startRun(wh: Warehouse, p: Pipeline, origen: string): Promise<number> {
  return wh.write(async (c) => {
    const r = await c.runAndReadAll(
      `INSERT INTO ops.ejecuciones (pipeline, estado, origen) VALUES ($1, 'en_curso', $2) RETURNING id`,
      [p.name, origen],
    );
    return Number(r.getRows()[0]![0]);
  });
}

async function finishRun(wh: Warehouse, id: number, r: Omit<RunResult, 'id'>): Promise<void> {
  await wh.exec(
    `UPDATE ops.ejecuciones SET estado = $estado, fin = now(), filas_leidas = $leidas, filas_cargadas = $cargadas,
       filas_rechazadas = $rechazadas, error = $error, avisos = $avisos WHERE id = $id`,
    { estado: r.estado, leidas: r.leidas, cargadas: r.cargadas, rechazadas: r.rechazadas, error: r.error,
      avisos: r.avisos.length ? r.avisos.join('\n') : null, id },
  );
}

/**
 * Reads every page of an HTTP source first (retrying transient errors), then loads it in one transaction, with the
 * source's own bookkeeping (its watermark: when the read that succeeded began).
 */
async function runHttp(wh: Warehouse, p: Pipeline, ctx: RunContext, retry: { retries: number; baseMs: number }): Promise<LoadCounts> {
  if (p.source.kind !== 'http') throw new Error('not http');
  const src = p.source;
  const table = p.tables.find((t) => t.table === src.table);
  if (!table) throw new Error(`La tabla ${src.table} no está declarada en ${p.name}`);
  let readStartedAt = new Date();
  const records = await withRetry(
    async () => {
      readStartedAt = new Date();
      const all: Array<Record<string, string | null>> = [];
      for await (const page of src.fetch(ctx)) {
        all.push(...page);
        ctx.progress({ fase: `leyendo ${src.label}`, hechos: all.length, total: null });
      }
      return all;
    },
    { ...retry, onRetry: (n, e, ms) => ctx.progress({ fase: `reintento ${n} en ${ms} ms: ${e.message}`, hechos: 0, total: null }) },
  );
  if (records.length === 0 && !src.afterLoad) return { leidas: 0, cargadas: 0, rechazadas: 0 };
  const names = table.columns.map((col) => col.name);
  const found = findHeaderRow([names], table)!;
  const tmpDir = safeTempDir(path.join(ctx.dataDir, 'tmp', `${p.name}-${ctx.runId}`));
  const tmp = path.join(tmpDir, 'http.csv');
  if (records.length) writeRowsCsv(tmp, records.map((r, i) => ({ fila: i + 1, cells: names.map((n) => r[n] ?? null) })), names.length);
  try {
    return await wh.withConnection((c) => inTransaction(c, async (tx) => {
        await setRunId(tx, ctx.runId);
        let n: LoadCounts = { leidas: 0, cargadas: 0, rechazadas: 0 };
        if (records.length) {
          n = await loadTable(tx, table, {
            archivo: src.label, csvPath: tmp, delimiter: ',', skip: 0, width: names.length + 1, filaColumn: true, firstFila: 0, header: found.match,
          }, { runId: ctx.runId, pipeline: p.name });
          for (const sql of p.transform ?? []) await tx.run(sql);
        }
        await src.afterLoad?.(tx, ctx, readStartedAt);
        await confirmLoad(tx, ctx.runId, n);
        return n;
      }));
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

async function runCustom(wh: Warehouse, p: Pipeline, ctx: RunContext): Promise<LoadCounts> {
  if (p.source.kind !== 'custom') throw new Error('not custom');
  const src = p.source;
  return wh.withConnection((c) => inTransaction(c, async (tx) => {
    await setRunId(tx, ctx.runId);
    const n = await src.load(tx, ctx);
    for (const sql of p.transform ?? []) await tx.run(sql);
    await confirmLoad(tx, ctx.runId, n);
    return n;
  }));
}

/**
 * The one way a pipeline runs: one run at a time per pipeline, a run log row from start to end, extract with
 * retries, load in one transaction, then the data-quality checks.
 */
export async function runPipeline(wh: Warehouse, p: Pipeline, opts: RunOptions): Promise<RunResult> {
  const busy = running.get(p.name);
  if (busy !== undefined) throw new PipelineBusyError(p.name, busy);
  running.set(p.name, -1);
  let id = -1;
  try {
    id = await startRun(wh, p, opts.origen ?? 'manual');
    running.set(p.name, id);
    activeRuns.set(id, { pipeline: p.name, progress: { fase: 'iniciando', hechos: 0, total: null } });
    opts.onStart?.(id);
    const ctx: RunContext = {
      wh, dataDir: opts.dataDir, runId: id, pipeline: p.name, options: opts.options ?? {},
      progress: (pr) => {
        activeRuns.set(id, { pipeline: p.name, progress: pr });
        opts.onProgress?.(pr);
      },
    };
    const avisos: string[] = [];
    let result: Omit<RunResult, 'id'>;
    try {
      const retry = opts.retry ?? { retries: 3, baseMs: 500 };
      const counts =
        p.source.kind === 'files' ? await runFiles(wh, p, ctx, avisos)
        : p.source.kind === 'http' ? await runHttp(wh, p, ctx, retry)
        : await runCustom(wh, p, ctx);
      result = { ...counts, estado: 'exito', error: null, avisos };
    } catch (e) {
      result = { leidas: 0, cargadas: 0, rechazadas: 0, estado: 'fallo', error: String((e as Error).message ?? e).split('\n')[0]!, avisos };
    }
    if (result.estado === 'exito' && p.checks.length) {
      ctx.progress({ fase: 'verificaciones de calidad', hechos: 0, total: p.checks.length });
      const checks = await runChecks(wh, p.checks);
      await wh.transaction(async (c) => {
        for (const ch of checks) {
          await c.run(
            `INSERT INTO ops.verificaciones (ejecucion_id, pipeline, nombre, tipo, tabla, fallas, muestra) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [id, p.name, ch.nombre, ch.tipo, ch.tabla, ch.fallas, JSON.stringify(ch.muestra)],
          );
        }
      });
    }
    // The load's memory limit is set back beside the checks; the run ends once it has.
    await loadMemorySettled();
    await finishRun(wh, id, result);
    return { id, ...result };
  } finally {
    running.delete(p.name);
    activeRuns.delete(id);
  }
}
