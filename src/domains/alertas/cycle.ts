import type { Warehouse } from '../../db/warehouse.js';
import { evaluate, type EvaluationResult } from './engine.js';
import type { EvaluationContext, Observation } from './evaluator.js';
import { evaluatorOf } from './evaluators/index.js';
import { listRules } from './rules.js';
import { SQL_PAUSADAS_CON_ACTIVAS } from './queries/engine.js';

export interface CycleResult {
  resultados: EvaluationResult[];
  /** Rules whose evaluation failed: their alerts were left as they were. */
  errores: Array<{ regla: number; tipo: string; error: string }>;
}

/**
 * One pass over every rule: each active rule's evaluator is run (rules of one type with the same parameters share
 * one evaluation) and the engine applies its answer; paused rules that still have active alerts resolve them
 * (held notices). A failing evaluator — a missing table or column, a bad parameter — never resolves its rule's
 * alerts: the rule is skipped and reported.
 */
/** When each throttled evaluation (Evaluator.cadaMs) last ran, by type and parameters. */
const lastEvaluated = new Map<string, number>();

export async function evaluateAll(wh: Warehouse, ctx: EvaluationContext): Promise<CycleResult> {
  const out: CycleResult = { resultados: [], errores: [] };
  const rules = await listRules(wh);
  const paused = new Set((await wh.all<{ id: number }>(SQL_PAUSADAS_CON_ACTIVAS)).map((r) => r.id));
  const shared = new Map<string, Promise<Observation[]>>();
  for (const regla of rules) {
    if (!regla.activa) {
      if (paused.has(regla.id)) out.resultados.push(await evaluate(wh, regla, [], { ahora: ctx.ahora, acceso: ctx.acceso }));
      continue;
    }
    try {
      const ev = evaluatorOf(regla.tipo);
      if (!ev) throw new Error(`no hay evaluador para el tipo «${regla.tipo}»`);
      const p = ev.parametros.safeParse(regla.parametros);
      if (!p.success) throw new Error(`parámetros no válidos: ${p.error.issues[0]?.message ?? ''}`);
      const key = `${regla.tipo}\u0000${JSON.stringify(p.data)}`;
      if (!shared.has(key)) {
        const last = lastEvaluated.get(key);
        if (ev.cadaMs && last !== undefined && ctx.ahora >= last && ctx.ahora - last < ev.cadaMs) continue;
        shared.set(key, ev.evaluar(wh, p.data, ctx));
        if (ev.cadaMs) lastEvaluated.set(key, ctx.ahora);
      }
      const obs = await shared.get(key)!;
      out.resultados.push(await evaluate(wh, regla, obs, { ahora: ctx.ahora, acceso: ctx.acceso }));
    } catch (e) {
      out.errores.push({ regla: regla.id, tipo: regla.tipo, error: String((e as Error)?.message ?? e).split('\n')[0]! });
    }
  }
  return out;
}
