import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { archiveDir, inboxDir, rejectedDir } from '../../src/config/index.js';
import { inTransaction, type Warehouse } from '../../src/db/warehouse.js';
import { extractFile, type ExtractedFile } from './extract/files.js';
import { faultPoint } from './fault.js';
import { unorderedWrites } from './insertion-order.js';
import { confirmLoad } from './interrupted.js';
import { inboxLimits, megabytes, type InboxLimits } from './inbox/limits.js';
import { moveAside } from './inbox/move.js';
import { safeTempDir } from './inbox/safe-path.js';
import { readInboxFile, scanInbox, type InboxEntry } from './inbox/scan.js';
import { dropStaged, mergeStaged, stageInput, type Staged } from './load.js';
import { withLoadMemory } from './load-memory.js';
import { withRetry } from './retry.js';
import { setRunId } from './run-id.js';
import { RejectedFileError, type LoadCounts, type Pipeline, type RunContext } from './types.js';

/** What a run does with one settled inbox file. */
type Plan =
  | { kind: 'load'; entry: InboxEntry; sha256: string; extracted: ExtractedFile; staged: Staged[] }
  | { kind: 'rejected'; entry: InboxEntry; sha256: string | null; motivo: string }
  /** Same content as a file loaded before, or as `of`, an earlier file of this run: it follows that file's fate. */
  | { kind: 'repeated'; entry: InboxEntry; of: Plan | null }
  /** Names no table of the pipeline: reported and left in the inbox. */
  | { kind: 'left'; entry: InboxEntry };

const STAGE_FAILED = 'no se pudo leer como CSV: revise que sea texto delimitado, con las comillas cerradas y una fila por línea';
const MERGE_FAILED = 'no se pudo cargar en el almacén: sus datos violan una restricción de la tabla destino';
/** DuckDB errors a file's own data causes (others, like a write conflict or a full disk, fail the run). */
const DATA_ERROR = /Constraint Error|Conversion Error|Invalid Input Error|Out of Range Error/i;

function reasonOf(e: unknown, fallback: string, name: string): string {
  if (e instanceof RejectedFileError) return e.message;
  const msg = String((e as Error)?.message ?? e);
  // DuckDB quotes the offending line, which may be megabytes long.
  console.warn(`[carga] ${name}: ${msg.slice(0, 400)}`);
  const long = /Maximum line size of (\d+) bytes/.exec(msg);
  const line = /CSV Error on Line: (\d+)/.exec(msg);
  if (long) return `no se pudo leer como CSV: la línea ${line?.[1] ?? '?'} mide más de ${megabytes(Number(long[1]))} (¿unas comillas sin cerrar?)`;
  return fallback;
}

function reject(plans: Plan[], plan: Plan, motivo: string): Plan {
  const rejected: Plan = { kind: 'rejected', entry: plan.entry, sha256: plan.kind === 'load' ? plan.sha256 : null, motivo };
  plans[plans.indexOf(plan)] = rejected;
  for (const [i, p] of plans.entries()) if (p.kind === 'repeated' && p.of === plan) plans[i] = { ...p, of: rejected };
  return rejected;
}

/** Whether a file ends in rechazados/: rejected whole, every sheet rejected at its header, or a copy of such. */
function isRejected(plan: Plan): boolean {
  if (plan.kind === 'rejected') return true;
  if (plan.kind === 'load') return plan.staged.length === 0;
  return plan.kind === 'repeated' && plan.of !== null && isRejected(plan.of);
}

async function planFile(entry: InboxEntry, i: number, p: Pipeline, limits: InboxLimits, tmpDir: string,
  loaded: Set<string>, seen: Map<string, Plan>, avisos: string[]): Promise<Plan | null> {
  const read = await readInboxFile(entry, limits);
  if (read.kind === 'waiting') {
    avisos.push(`${entry.name}: ${read.motivo}`);
    return null;
  }
  if (read.kind === 'rejected') return { kind: 'rejected', entry, sha256: null, motivo: read.motivo };
  if (loaded.has(read.sha256)) return { kind: 'repeated', entry, of: null };
  const first = seen.get(read.sha256);
  if (first) return first.kind === 'left' ? { kind: 'left', entry } : { kind: 'repeated', entry, of: first };
  let plan: Plan;
  try {
    const extracted = await extractFile({ name: entry.name, path: entry.path, sha256: read.sha256, content: read.content, scan: read.scan }, p.tables, tmpDir, limits, i);
    plan = extracted.unrecognized ? { kind: 'left', entry } : { kind: 'load', entry, sha256: read.sha256, extracted, staged: [] };
  } catch (e) {
    // A system error (disk full, too many open files) is not the file's fault: the run fails and the file stays.
    if (!(e instanceof RejectedFileError) && /^E[A-Z0-9]+$/.test(String((e as NodeJS.ErrnoException).code))) throw e;
    plan = { kind: 'rejected', entry, sha256: read.sha256, motivo: reasonOf(e, 'no se pudo leer el archivo', entry.name) };
  }
  seen.set(read.sha256, plan);
  return plan;
}

async function recordFile(c: DuckDBConnection, ctx: RunContext, name: string, sha256: string, estado: 'cargado' | 'rechazado'): Promise<void> {
  // A file rejected before may come back (the same bytes after a contract change): its record is updated.
  await c.run(
    `INSERT INTO ops.archivos_cargados (pipeline, sha256, archivo, ejecucion_id, estado) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (pipeline, sha256) DO UPDATE SET archivo = excluded.archivo, ejecucion_id = excluded.ejecucion_id,
       estado = excluded.estado, cargado_en = now()`,
    [ctx.pipeline, sha256, name, ctx.runId, estado],
  );
}

async function quarantineFile(c: DuckDBConnection, ctx: RunContext, r: { archivo: string; hoja: string | null; campo: string | null; motivo: string }): Promise<void> {
  await c.run(
    `INSERT INTO ops.cuarentena (ejecucion_id, pipeline, tabla, archivo, hoja, fila, campo, motivo) VALUES ($1, $2, NULL, $3, $4, NULL, $5, $6)`,
    [ctx.runId, ctx.pipeline, r.archivo, r.hoja, r.campo, r.motivo],
  );
}

/**
 * Files apply in the order they arrived; across tables, in the order the pipeline declares its tables (a
 * catalogue before the rows that refer to it). The sort is stable, so files of one table keep their arrival order.
 */
function applyOrder(p: Pipeline, plans: Plan[]): Plan[] {
  const rank = (plan: Plan): number =>
    plan.kind === 'load' && plan.extracted.inputs.length ? Math.min(...plan.extracted.inputs.map((x) => p.tables.indexOf(x.table))) : p.tables.length;
  return [...plans].sort((a, b) => rank(a) - rank(b));
}

/** The run's transaction: every file's quarantine and merge, the pipeline's own work, the transform. */
async function commitPlans(c: DuckDBConnection, p: Pipeline, ctx: RunContext, plans: Plan[], at: { plan: Plan | null }): Promise<{ totals: LoadCounts; notes: string[] }> {
  return inTransaction(c, async (tx) => {
    await setRunId(tx, ctx.runId);
    const totals: LoadCounts = { leidas: 0, cargadas: 0, rechazadas: 0 };
    const add = (n: LoadCounts): void => {
      totals.leidas += n.leidas;
      totals.cargadas += n.cargadas;
      totals.rechazadas += n.rechazadas;
    };
    const notes: string[] = [];
    const rejectedTo = `rechazados/${p.name}/`;
    for (const [i, plan] of applyOrder(p, plans).entries()) {
      const name = plan.entry.name;
      if (plan.kind === 'load') {
        at.plan = plan;
        ctx.progress({ fase: `cargando ${name}`, hechos: i, total: plans.length });
        notes.push(...plan.extracted.avisos);
        for (const r of plan.extracted.rejections) {
          await quarantineFile(tx, ctx, r);
          totals.rechazadas += 1;
          notes.push(`${r.hoja ? `${r.archivo} › ${r.hoja}` : r.archivo}: ${r.motivo}${plan.staged.length ? '' : `; se movió a ${rejectedTo}`}`);
        }
        for (const s of plan.staged) add(await mergeStaged(tx, s, { runId: ctx.runId, pipeline: p.name }));
        await recordFile(tx, ctx, name, plan.sha256, plan.staged.length ? 'cargado' : 'rechazado');
        at.plan = null;
      } else if (plan.kind === 'rejected') {
        await quarantineFile(tx, ctx, { archivo: name, hoja: null, campo: null, motivo: plan.motivo });
        if (plan.sha256) await recordFile(tx, ctx, name, plan.sha256, 'rechazado');
        totals.rechazadas += 1;
        notes.push(`${name}: rechazado: ${plan.motivo}; se movió a ${rejectedTo}`);
      } else if (plan.kind === 'repeated') {
        if (!plan.of) notes.push(`${name}: ya se había cargado (mismo contenido); no cambió nada`);
        else if (isRejected(plan.of)) {
          const motivo = `mismo contenido que «${plan.of.entry.name}», que se rechazó`;
          await quarantineFile(tx, ctx, { archivo: name, hoja: null, campo: null, motivo });
          totals.rechazadas += 1;
          notes.push(`${name}: rechazado: ${motivo}; se movió a ${rejectedTo}`);
        } else notes.push(`${name}: mismo contenido que «${plan.of.entry.name}»; se cargó una sola vez`);
      } else {
        notes.push(`${name}: no corresponde a ninguna tabla de «${p.name}» (${p.tables.map((t) => t.table).join(', ')}); se dejó en la bandeja`);
      }
    }
    if (p.afterFiles) add(await p.afterFiles(tx, ctx));
    for (const sql of p.transform ?? []) await tx.run(sql);
    await confirmLoad(tx, ctx.runId, totals);
    faultPoint('before-commit');
    return { totals, notes };
  });
}

/**
 * Stages every file on the run's connection, then commits them in one transaction. A file DuckDB cannot read,
 * or whose data a target table refuses, is rejected alone and the transaction is tried again without it.
 */
async function loadPlans(c: DuckDBConnection, p: Pipeline, ctx: RunContext, plans: Plan[], avisos: string[]): Promise<LoadCounts> {
  const staged: Staged[] = [];
  try {
    for (const [i, plan] of plans.entries()) {
      if (plan.kind !== 'load') continue;
      ctx.progress({ fase: `validando ${plan.entry.name}`, hechos: i, total: plans.length });
      try {
        for (const { table, input } of plan.extracted.inputs) {
          const s = await stageInput(c, table, input);
          staged.push(s);
          plan.staged.push(s);
        }
      } catch (e) {
        reject(plans, plan, reasonOf(e, STAGE_FAILED, plan.entry.name));
      }
    }
    for (;;) {
      const at: { plan: Plan | null } = { plan: null };
      try {
        const { totals, notes } = await unorderedWrites((sql) => ctx.wh.withConnection((o) => o.run(sql)), () => commitPlans(c, p, ctx, plans, at));
        avisos.push(...notes);
        return totals;
      } catch (e) {
        const culprit = at.plan;
        if (!culprit || !DATA_ERROR.test(String((e as Error)?.message))) throw e;
        reject(plans, culprit, reasonOf(e, MERGE_FAILED, culprit.entry.name));
      }
    }
  } finally {
    for (const s of staged) await dropStaged(c, s).catch(() => undefined);
  }
}

function dispose(ctx: RunContext, p: Pipeline, plans: Plan[], avisos: string[]): void {
  for (const plan of plans) {
    if (plan.kind === 'left') continue;
    const dir = isRejected(plan) ? rejectedDir(ctx.dataDir, p.name) : archiveDir(ctx.dataDir, p.name);
    try {
      moveAside(plan.entry.path, plan.entry.rawName, dir);
    } catch (e) {
      avisos.push(`${plan.entry.name}: no se pudo mover fuera de la bandeja (${(e as NodeJS.ErrnoException).code ?? 'error'}); su contenido ya quedó registrado`);
    }
  }
}

/**
 * Loads the settled files of the pipeline's inbox in the order they arrived, in one transaction; then moves each
 * to the archive, or to rechazados/ when it could not be loaded at all.
 */
export async function runFiles(wh: Warehouse, p: Pipeline, ctx: RunContext, avisos: string[]): Promise<LoadCounts> {
  const limits = inboxLimits();
  const scan = await withRetry(async () => scanInbox(inboxDir(ctx.dataDir, p.name), limits), { retries: 3, baseMs: 200 });
  for (const w of scan.waiting) avisos.push(`${w.name}: ${w.motivo}`);
  const loaded = new Set(
    (await wh.all<{ sha256: string }>(`SELECT sha256 FROM ops.archivos_cargados WHERE pipeline = $1 AND estado = 'cargado'`, [p.name])).map((r) => r.sha256),
  );
  const tmpDir = safeTempDir(path.join(ctx.dataDir, 'tmp', `${p.name}-${ctx.runId}`));
  try {
    const plans: Plan[] = [];
    const seen = new Map<string, Plan>();
    for (const [i, entry] of scan.ready.entries()) {
      ctx.progress({ fase: `leyendo ${entry.name}`, hechos: i, total: scan.ready.length });
      const plan = await planFile(entry, i, p, limits, tmpDir, loaded, seen, avisos);
      if (plan) plans.push(plan);
    }
    const totals = await wh.withConnection((c) => withLoadMemory(c, () => loadPlans(c, p, ctx, plans, avisos), (sql) => wh.withConnection((o) => o.run(sql))));
    dispose(ctx, p, plans, avisos);
    return totals;
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}
