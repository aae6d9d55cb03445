import type { Observation } from './evaluator.js';
import type { EventoAlerta, Regla, Severidad } from './types.js';

/**
 * What one evaluation of a rule changes, decided from the evaluator's observations and the rule's active alerts
 * (a pure function: the engine reads, plans, then writes the plan in one transaction).
 *
 * - A subject observed with no active alert: a new alert; it fires (`disparada`).
 * - A subject still observed: the same alert (never a second one). A reminder when `recordatorio_horas` > 0 and
 *   that long has passed since the last firing or reminder. Message, severity, link or area that changed are
 *   updated in place, without a notice.
 * - An active alert whose subject is no longer observed: resolved (`fin`), with a `resuelta` notice.
 *
 * Held notices (DESIGN.md §3: a silence or a maintenance window holds notices back; the alert is still recorded):
 * a notice that falls inside a silence of the rule and/or subject, or while the evaluator flags the subject as
 * in maintenance, is recorded as held and never sent later — no storm when the silence ends. Two consequences:
 * - reminders due during a silence are dropped, and the reminder clock goes on as if they had been sent;
 * - an alert whose firing was held is not announced yet (`anunciada` false): if the condition still holds when
 *   the silence or maintenance ends, ONE `disparada` notice goes out then (people learn of what is still going
 *   on); if it resolves before, its `resuelta` notice is held too (no one was told it began).
 * A paused rule (activa false) resolves its active alerts with held notices.
 */

export interface ActiveAlert {
  id: number;
  sujeto: string;
  severidad: Severidad;
  mensaje: string;
  mensaje_resuelta: string | null;
  enlace: string;
  area: string | null;
  anunciada: boolean;
  en_mantenimiento: boolean;
  /** ms since epoch. */
  ultimo_aviso: number;
}

export interface CurrentSilence {
  id: number;
  regla_id: number | null;
  sujeto: string | null;
  motivo: string;
}

export interface Opening {
  obs: Observation;
  inicio: number;
  /** Why its firing is held, or null when it is sent. */
  retenido: string | null;
}

export interface Change {
  id: number;
  sujeto: string;
  severidad: Severidad;
  mensaje: string;
  mensaje_resuelta: string | null;
  enlace: string;
  area: string | null;
  en_mantenimiento: boolean;
  anunciada: boolean;
  ultimo_aviso: number;
  evento: Exclude<EventoAlerta, 'resuelta'> | null;
  retenido: string | null;
}

export interface Closing {
  id: number;
  sujeto: string;
  retenido: string | null;
}

export interface Plan {
  open: Opening[];
  change: Change[];
  close: Closing[];
}

export const isEmptyPlan = (p: Plan): boolean => p.open.length === 0 && p.change.length === 0 && p.close.length === 0;

const HOUR_MS = 3_600_000;

/** The observations that concern the rule: its subject only when it names one; one per subject (the last). */
export function observationsOfRule(regla: Pick<Regla, 'sujeto'>, obs: readonly Observation[]): Map<string, Observation> {
  const out = new Map<string, Observation>();
  for (const o of obs) if (regla.sujeto === null || o.sujeto === regla.sujeto) out.set(o.sujeto, o);
  return out;
}

/** The silence that holds a subject's notices now, if any (a silence without rule and subject holds every alert). */
export function silenceFor(silencios: readonly CurrentSilence[], reglaId: number, sujeto: string): CurrentSilence | undefined {
  return silencios.find((s) => (s.regla_id === null || s.regla_id === reglaId) && (s.sujeto === null || s.sujeto === sujeto));
}

const silenceReason = (s: CurrentSilence): string => `Silenciada (silencio #${s.id}: ${s.motivo})`;
export const HELD_MAINTENANCE = 'En mantenimiento programado';
export const HELD_UNANNOUNCED = 'Su disparo no se avisó (silencio o mantenimiento): tampoco se avisa su resolución';
export const HELD_PAUSED = 'La regla está pausada';

function instant(v: string | null | undefined, ahora: number): number {
  if (!v) return ahora;
  const t = Date.parse(v);
  // A start in the future (clock skew between a source and this server) is clamped to now.
  return Number.isNaN(t) ? ahora : Math.min(t, ahora);
}

export function planEvaluation(
  regla: Pick<Regla, 'id' | 'sujeto' | 'recordatorio_horas' | 'activa'>,
  observaciones: readonly Observation[],
  activas: readonly ActiveAlert[],
  silencios: readonly CurrentSilence[],
  ahora: number,
): Plan {
  const obs = regla.activa ? observationsOfRule(regla, observaciones) : new Map<string, Observation>();
  const bySubject = new Map(activas.map((a) => [a.sujeto, a]));
  const heldReason = (sujeto: string, mantenimiento: boolean): string | null => {
    const s = silenceFor(silencios, regla.id, sujeto);
    if (s) return silenceReason(s);
    return mantenimiento ? HELD_MAINTENANCE : null;
  };
  const plan: Plan = { open: [], change: [], close: [] };

  for (const o of obs.values()) {
    const a = bySubject.get(o.sujeto);
    const mant = o.mantenimiento === true;
    const held = heldReason(o.sujeto, mant);
    if (!a) {
      plan.open.push({ obs: o, inicio: instant(o.inicio, ahora), retenido: held });
      continue;
    }
    const c: Change = {
      id: a.id,
      sujeto: a.sujeto,
      severidad: o.severidad,
      mensaje: o.mensaje,
      mensaje_resuelta: o.resuelta ?? null,
      enlace: o.enlace,
      area: o.area ?? null,
      en_mantenimiento: mant,
      anunciada: a.anunciada,
      ultimo_aviso: a.ultimo_aviso,
      evento: null,
      retenido: null,
    };
    if (!a.anunciada) {
      // Its firing was held: announce it once the hold is over.
      if (!held) Object.assign(c, { evento: 'disparada', anunciada: true, ultimo_aviso: ahora });
    } else if (regla.recordatorio_horas > 0 && ahora - a.ultimo_aviso >= regla.recordatorio_horas * HOUR_MS) {
      Object.assign(c, { evento: 'recordatorio', ultimo_aviso: ahora, retenido: held });
    }
    const changed =
      c.evento !== null ||
      c.severidad !== a.severidad ||
      c.mensaje !== a.mensaje ||
      c.mensaje_resuelta !== a.mensaje_resuelta ||
      c.enlace !== a.enlace ||
      c.area !== a.area ||
      c.en_mantenimiento !== a.en_mantenimiento;
    if (changed) plan.change.push(c);
  }

  for (const a of activas) {
    if (obs.has(a.sujeto)) continue;
    const held = !regla.activa
      ? HELD_PAUSED
      : (heldReason(a.sujeto, a.en_mantenimiento) ?? (a.anunciada ? null : HELD_UNANNOUNCED));
    plan.close.push({ id: a.id, sujeto: a.sujeto, retenido: held });
  }
  return plan;
}
