import type { DuckDBConnection } from '@duckdb/node-api';
import { rowsOf, type Warehouse } from '../../db/warehouse.js';
import type { Observation } from './evaluator.js';
import { isEmptyPlan, planEvaluation, type ActiveAlert, type CurrentSilence, type Plan } from './plan.js';
import {
  SQL_ABRIR,
  SQL_ACTIVAS,
  SQL_CAMBIAR,
  SQL_CANALES_ACTIVOS,
  SQL_CERRAR,
  SQL_ENCOLAR,
  SQL_SILENCIOS_VIGENTES,
  SQL_SUSCRIPTORES,
} from './queries/engine.js';
import type { EventoAlerta, Regla } from './types.js';
import { canSee, domainOfType, type AccessTable } from './visibility.js';

export interface EvaluateOptions {
  /** The evaluation's instant (ms since epoch): the injected clock. Default: now. */
  ahora?: number;
  /** Access domain of the rule's alerts; default: its type's (TIPOS_REGLA). */
  dominio?: string;
  /** Domain → roles, to address subscribers only what they may see (default: none, so only admins get notices). */
  acceso?: AccessTable;
}

export interface EvaluationResult {
  regla: number;
  /** Ids of the alerts opened, reminded and resolved by this evaluation. */
  disparadas: number[];
  recordatorios: number[];
  resueltas: number[];
  /** Notices queued for delivery, and notices recorded as held. */
  avisos: number;
  retenidos: number;
}

type RuleRef = Pick<Regla, 'id' | 'tipo' | 'sujeto' | 'recordatorio_horas' | 'activa' | 'canales'>;

interface Event {
  alerta_id: number;
  evento: EventoAlerta;
  area: string | null;
  retenido: string | null;
}

const emptyResult = (regla: number): EvaluationResult => ({ regla, disparadas: [], recordatorios: [], resueltas: [], avisos: 0, retenidos: 0 });

async function readState(q: <T>(sql: string, p: Record<string, unknown>) => Promise<T[]>, regla: number, iso: string): Promise<[ActiveAlert[], CurrentSilence[]]> {
  return Promise.all([q<ActiveAlert>(SQL_ACTIVAS, { regla }), q<CurrentSilence>(SQL_SILENCIOS_VIGENTES, { regla, ahora: iso })]);
}

/**
 * One evaluation of a rule: `observations` is the evaluator's answer (the subjects for which the condition holds
 * now). Opens, reminds and resolves alerts as planEvaluation() decides, and queues their notices, in one
 * transaction. The common case — nothing changed — only reads. The plan is made again inside the transaction
 * (writes are serialized), so concurrent evaluations of one rule never open two alerts for one subject; the
 * UNIQUE `clave_activa` of app.alertas enforces it for any other writer.
 */
export async function evaluate(wh: Warehouse, regla: RuleRef, observations: readonly Observation[], opts: EvaluateOptions = {}): Promise<EvaluationResult> {
  const ahora = opts.ahora ?? Date.now();
  const iso = new Date(ahora).toISOString();
  const [activas, silencios] = await readState((sql, p) => wh.all(sql, p as never), regla.id, iso);
  if (isEmptyPlan(planEvaluation(regla, observations, activas, silencios, ahora))) return emptyResult(regla.id);
  return wh.transaction(async (c) => {
    const [a, s] = await readState((sql, p) => rowsOf(c, sql, p as never), regla.id, iso);
    const plan = planEvaluation(regla, observations, a, s, ahora);
    if (isEmptyPlan(plan)) return emptyResult(regla.id);
    return apply(c, regla, plan, a, { ahora: iso, dominio: opts.dominio ?? domainOfType(regla.tipo), acceso: opts.acceso ?? {} });
  }, 'alertas');
}

async function apply(c: DuckDBConnection, regla: RuleRef, plan: Plan, activas: ActiveAlert[], o: { ahora: string; dominio: string; acceso: AccessTable }): Promise<EvaluationResult> {
  const out = emptyResult(regla.id);
  const events: Event[] = [];
  if (plan.open.length) {
    const filas = plan.open.map((p) => ({
      sujeto: p.obs.sujeto,
      area: p.obs.area ?? null,
      severidad: p.obs.severidad,
      inicio: new Date(p.inicio).toISOString(),
      mensaje: p.obs.mensaje,
      mensaje_resuelta: p.obs.resuelta ?? null,
      enlace: p.obs.enlace,
      anunciada: p.retenido === null,
      en_mantenimiento: p.obs.mantenimiento === true,
    }));
    const ids = await rowsOf<{ id: number; sujeto: string }>(c, SQL_ABRIR, {
      regla: regla.id,
      tipo: regla.tipo,
      dominio: o.dominio,
      ahora: o.ahora,
      filas: JSON.stringify(filas),
    });
    const idOf = new Map(ids.map((r) => [r.sujeto, r.id]));
    for (const p of plan.open) {
      const id = idOf.get(p.obs.sujeto)!;
      out.disparadas.push(id);
      events.push({ alerta_id: id, evento: 'disparada', area: p.obs.area ?? null, retenido: p.retenido });
    }
  }
  if (plan.change.length) {
    const filas = plan.change.map((ch) => ({ ...ch, ultimo_aviso: new Date(ch.ultimo_aviso).toISOString() }));
    await c.run(SQL_CAMBIAR, { filas: JSON.stringify(filas) });
    for (const ch of plan.change) {
      if (!ch.evento) continue;
      (ch.evento === 'disparada' ? out.disparadas : out.recordatorios).push(ch.id);
      events.push({ alerta_id: ch.id, evento: ch.evento, area: ch.area, retenido: ch.retenido });
    }
  }
  if (plan.close.length) {
    await c.run(SQL_CERRAR, { ahora: o.ahora, ids: JSON.stringify(plan.close.map((x) => x.id)) });
    const areaOf = new Map(activas.map((a) => [a.id, a.area]));
    for (const x of plan.close) {
      out.resueltas.push(x.id);
      events.push({ alerta_id: x.id, evento: 'resuelta', area: areaOf.get(x.id) ?? null, retenido: x.retenido });
    }
  }
  if (events.length) {
    const filas = await noticesFor(c, regla, events, o.dominio, o.acceso);
    if (filas.length) await c.run(SQL_ENCOLAR, { ahora: o.ahora, filas: JSON.stringify(filas) });
    out.avisos = filas.filter((f) => f.estado === 'pendiente').length;
    out.retenidos = filas.length - out.avisos;
  }
  return out;
}

interface NoticeRow {
  alerta_id: number;
  evento: EventoAlerta;
  canal_id: number | null;
  usuario: string | null;
  destino: string | null;
  estado: 'pendiente' | 'retenido';
  motivo: string | null;
}

/**
 * The recipients of each event: the rule's channels (every active channel when it names none) and the users
 * subscribed to the rule who may see that alert (their role's domains; an `area` user only its area's alerts).
 */
async function noticesFor(c: DuckDBConnection, regla: RuleRef, events: Event[], dominio: string, acceso: AccessTable): Promise<NoticeRow[]> {
  const activos = (await rowsOf<{ id: number }>(c, SQL_CANALES_ACTIVOS)).map((r) => r.id);
  const canales = regla.canales.length ? activos.filter((id) => regla.canales.includes(id)) : activos;
  const subs = await rowsOf<{ usuario: string; correo: string; rol: string; area: string | null }>(c, SQL_SUSCRIPTORES, { regla: regla.id });
  const rows: NoticeRow[] = [];
  for (const e of events) {
    const base = { alerta_id: e.alerta_id, evento: e.evento, estado: e.retenido ? 'retenido' : 'pendiente', motivo: e.retenido } as const;
    for (const canal_id of canales) rows.push({ ...base, canal_id, usuario: null, destino: null });
    for (const s of subs) {
      if (canSee(s, { dominio, area: e.area }, acceso)) rows.push({ ...base, canal_id: null, usuario: s.usuario, destino: s.correo });
    }
  }
  return rows;
}
