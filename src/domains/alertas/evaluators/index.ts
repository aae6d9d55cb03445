import type { Pipeline } from '../../../../pipelines/runner/types.js';
import { InputError, inputErrorOf } from '../../../core/errors.js';
import type { Evaluator, SourceFreshness } from '../evaluator.js';
import { certificadoPorVencer } from './certificado-por-vencer.js';
import { cuarentenaExcesiva } from './cuarentena-excesiva.js';
import { fuenteVencida } from './fuente-vencida.js';
import { procesoFallido } from './proceso-fallido.js';
import { servicioCaido } from './servicio-caido.js';

/** The evaluator of each rule type (TIPOS_REGLA in ../types.ts holds their titles and access domains). */
// Each evaluator is typed by its own parameters; the registry holds them as evaluators of any parameters, which
// is sound because the engine passes each one only what its own schema parsed.
const erase = <P extends Record<string, unknown>>(e: Evaluator<P>): Evaluator => e as unknown as Evaluator;

const EVALUATORS: Record<string, Evaluator> = {
  servicio_caido: erase(servicioCaido),
  certificado_por_vencer: erase(certificadoPorVencer),
  proceso_fallido: erase(procesoFallido),
  fuente_vencida: erase(fuenteVencida),
  cuarentena_excesiva: erase(cuarentenaExcesiva),
};

/** The rule types the other domains declare (DomainModule.reglas), added by alertasDomain() at start. */
export function declareEvaluator(e: Evaluator): void {
  EVALUATORS[e.tipo] = e;
}

/** Every known rule type. */
export function ruleTypes(): string[] {
  return Object.keys(EVALUATORS);
}

export function evaluatorOf(tipo: string): Evaluator | undefined {
  return Object.hasOwn(EVALUATORS, tipo) ? EVALUATORS[tipo] : undefined;
}

/** A rule's parameters checked against its type's schema, defaults filled; a 400 naming the field otherwise. */
export function parseRuleParams(tipo: string, parametros: unknown): Record<string, unknown> {
  const ev = evaluatorOf(tipo);
  if (!ev) throw new InputError('tipo', `El campo «tipo» debe ser uno de: ${Object.keys(EVALUATORS).join(', ')}.`);
  const r = ev.parametros.safeParse(parametros ?? {});
  if (!r.success) {
    const e = inputErrorOf({ issues: r.error.issues.map((i) => ({ ...i, path: ['parametros', ...i.path] })) }, 'campo');
    throw e;
  }
  return r.data;
}

/** The sources of this installation as the evaluators need them (name, title, freshness in hours). */
export function sourcesOf(pipelines: readonly Pick<Pipeline, 'name' | 'titulo' | 'freshnessHours'>[]): SourceFreshness[] {
  return pipelines.map((p) => ({ nombre: p.name, titulo: p.titulo, horas: p.freshnessHours }));
}
