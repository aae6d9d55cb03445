// The contract between the engine and a rule type lives in the framework (src/domains/reglas.ts), so that every
// domain can declare rule types over its own figures.
export type { Evaluator, EvaluationContext, Observation, RuleType, SourceFreshness } from '../reglas.js';
