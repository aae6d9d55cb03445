import type { z } from 'zod';
import type { Warehouse } from '../db/warehouse.js';
import type { Severidad } from './alertas/types.js';



/**
 * The contract between the engine and a rule type. An evaluator answers one question: for which subjects does the
 * condition hold right now? It returns that whole set (set-based SQL, one query per rule type — never one per
 * subject); the engine compares it with the active alerts and decides what fires, reminds or resolves.
 */
export interface Observation {
  /** Stable key of the subject (a service id, a pipeline name, a council's clave…). */
  sujeto: string;
  severidad: Severidad;
  /** Spanish, complete on its own (it is the notice's text): name the subject by its name, not only its key. */
  mensaje: string;
  /** Spanish text of the resolved notice, e.g. «El servicio «Portal» volvió a responder.» (default: «Se resolvió: <mensaje>»). */
  resuelta?: string;
  /** Dashboard path of the page that explains it, e.g. `/disponibilidad?servicio=portal`. */
  enlace: string;
  /** Siglas of the area the subject belongs to, when it belongs to one (an `area` user sees only its own). */
  area?: string | null;
  /** When the condition began (ISO instant), when the evaluator knows; default: the evaluation's instant. */
  inicio?: string | null;
  /** The subject is inside a planned maintenance window: the alert is recorded, its notices held. */
  mantenimiento?: boolean;
}

/** What an evaluation may need besides the warehouse. The wiring fills it; tests build it by hand. */
export interface EvaluationContext {
  /** The evaluation's instant (ms since epoch): the injected clock. */
  ahora: number;
  /** Consecutive failed checks that make an outage (ATALAYA_UPTIME_FALLOS_CAIDA, DESIGN.md §3 Uptime). */
  fallosCaida: number;
  /** This installation's sources and their freshness (from pipelines/registry.ts): see sourcesOf(). */
  fuentes: ReadonlyArray<SourceFreshness>;
  /** Domain → roles (the registry's access table): who may receive which alert. Default: admins only. */
  acceso?: Readonly<Record<string, readonly string[]>>;
}

export interface SourceFreshness {
  nombre: string;
  titulo: string;
  /** Hours after which the last success is stale (Pipeline.freshnessHours). */
  horas: number;
}

export interface Evaluator<P extends Record<string, unknown> = Record<string, unknown>> {
  tipo: string;
  /** zod schema of the rule's `parametros`, with defaults: the API validates rules with it. */
  parametros: z.ZodType<P>;
  /**
   * Every subject of the type for which the condition holds now. It does not depend on the rule's `sujeto` (the
   * engine keeps the rule's subject only), so rules of one type with the same parameters share one evaluation.
   */
  evaluar: (wh: Warehouse, parametros: P, ctx: EvaluationContext) => Promise<Observation[]>;
  /**
   * Evaluated at most this often (ms): for figures that change only when a load commits and cost more than a probe
   * check. Between evaluations the rule's alerts stay as they are. Default: every pass.
   */
  cadaMs?: number;
}

/**
 * A rule type a domain declares over its own figures (DomainModule.reglas): the alerts domain evaluates it, with
 * the domain's access roles deciding who may see its alerts. Its evaluator calls the domain's own queries.
 */
export interface RuleType<P extends Record<string, unknown> = Record<string, unknown>> extends Evaluator<P> {
  titulo: string;
  descripcion: string;
}

/** A rule type held with its parameters erased: sound because the engine passes it only what its schema parsed. */
export const ruleType = <P extends Record<string, unknown>>(r: RuleType<P>): RuleType => r as unknown as RuleType;

/**
 * For rule types over figures that change only with loads (and the clock, in hours or days): evaluated every
 * 5 minutes instead of on every pass of the alerts cycle.
 */
export const SOBRE_CARGAS = { cadaMs: 5 * 60_000 } as const;
