import type { DuckDBConnection } from '@duckdb/node-api';
import { audit } from '../../audit/log.js';
import { HttpError, InputError } from '../../core/errors.js';
import { rowsOf, type Warehouse } from '../../db/warehouse.js';
import { parseRuleParams } from './evaluators/index.js';
import { SQL_REGLAS } from './queries/engine.js';
import type { Regla } from './types.js';

export interface RuleInput {
  tipo: string;
  /** null or absent: every subject of the type. */
  sujeto?: string | null;
  parametros?: Record<string, unknown>;
  /** Channel ids; empty or absent: every active channel. */
  canales?: number[];
  recordatorio_horas?: number;
  activa?: boolean;
}

interface RuleRow extends Omit<Regla, 'parametros'> {
  parametros: string;
}

function ruleOf(r: RuleRow): Regla {
  let parametros: Record<string, unknown> = {};
  try {
    const v = JSON.parse(r.parametros) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) parametros = v as Record<string, unknown>;
  } catch {
    // a hand-edited row: evaluated with the defaults
  }
  return { ...r, parametros, canales: (r.canales ?? []).map(Number) };
}

export async function listRules(wh: Warehouse): Promise<Regla[]> {
  return (await wh.all<RuleRow>(SQL_REGLAS)).map(ruleOf);
}

export async function getRule(wh: Warehouse, id: number): Promise<Regla | undefined> {
  return (await listRules(wh)).find((r) => r.id === id);
}

export const ruleNotFound = (id: number): HttpError => new HttpError(404, `No existe la regla ${id}.`);

async function checkChannels(c: DuckDBConnection, canales: readonly number[]): Promise<void> {
  if (!canales.length) return;
  const known = new Set((await rowsOf<{ id: number }>(c, 'SELECT id FROM app.alertas_canales')).map((r) => r.id));
  const missing = canales.filter((id) => !known.has(id));
  if (missing.length) throw new InputError('canales', `El campo «canales» nombra canales que no existen: ${missing.join(', ')}.`);
}

function checkReminder(h: number | undefined): void {
  if (h !== undefined && !(Number.isFinite(h) && h >= 0 && h <= 24 * 30)) {
    throw new InputError('recordatorio_horas', 'El campo «recordatorio_horas» debe ser un número de horas entre 0 (sin recordatorios) y 720.');
  }
}

export async function createRule(wh: Warehouse, input: RuleInput, usuario: string | null): Promise<number> {
  const parametros = parseRuleParams(input.tipo, input.parametros);
  checkReminder(input.recordatorio_horas);
  const canales = [...new Set(input.canales ?? [])];
  return wh.transaction(async (c) => {
    await checkChannels(c, canales);
    const [r] = await rowsOf<{ id: number }>(
      c,
      `INSERT INTO app.alertas_reglas (tipo, sujeto, parametros, canales, recordatorio_horas, activa, creada_por)
       VALUES ($tipo, $sujeto::VARCHAR, $parametros, $canales::INTEGER[], $horas::DOUBLE, $activa, $usuario::VARCHAR) RETURNING id`,
      {
        tipo: input.tipo,
        sujeto: input.sujeto ?? null,
        parametros: JSON.stringify(parametros),
        canales: JSON.stringify(canales),
        horas: input.recordatorio_horas ?? 0,
        activa: input.activa ?? true,
        usuario,
      },
    );
    await audit(c, usuario, 'alertas.regla.crear', `regla ${r!.id}`, null, { ...input, parametros, canales });
    return r!.id;
  }, 'alertas');
}

/** Edits or pauses a rule (its type does not change). A paused rule's active alerts resolve at its next evaluation. */
export async function updateRule(wh: Warehouse, id: number, patch: Omit<Partial<RuleInput>, 'tipo'>, usuario: string | null): Promise<Regla> {
  const before = await getRule(wh, id);
  if (!before) throw ruleNotFound(id);
  const parametros = patch.parametros === undefined ? before.parametros : parseRuleParams(before.tipo, patch.parametros);
  checkReminder(patch.recordatorio_horas);
  const canales = patch.canales === undefined ? before.canales : [...new Set(patch.canales)];
  const after: Regla = {
    ...before,
    sujeto: patch.sujeto === undefined ? before.sujeto : patch.sujeto,
    parametros,
    canales,
    recordatorio_horas: patch.recordatorio_horas ?? before.recordatorio_horas,
    activa: patch.activa ?? before.activa,
  };
  await wh.transaction(async (c) => {
    await checkChannels(c, canales);
    await c.run(
      `UPDATE app.alertas_reglas SET sujeto = $sujeto::VARCHAR, parametros = $parametros, canales = $canales::INTEGER[],
         recordatorio_horas = $horas::DOUBLE, activa = $activa WHERE id = $id`,
      { id, sujeto: after.sujeto, parametros: JSON.stringify(parametros), canales: JSON.stringify(canales), horas: after.recordatorio_horas, activa: after.activa },
    );
    await audit(c, usuario, 'alertas.regla.modificar', `regla ${id}`, before, after);
  }, 'alertas');
  return after;
}
