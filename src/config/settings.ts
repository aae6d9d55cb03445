import type { Warehouse } from '../db/warehouse.js';
import { audit } from '../audit/log.js';
import { DEFAULT_ODES_CONFIG, ODES_CONFIG_KEY } from '../domains/odes/config.js';
import { DEFAULT_OFICIALIA_CONFIG, OFICIALIA_CONFIG_KEY } from '../domains/oficialia/queries.js';
import { DEFAULT_SESIONES_CONFIG, SESIONES_CONFIG_KEY } from '../domains/sesiones/queries.js';
import { SLA_CONFIG_KEY, SLA_HORAS_DEFAULT } from '../domains/incidentes/queries.js';
import { DEFAULT_METAS, RESUMEN_CONFIG_KEY } from '../domains/resumen/queries.js';
import { HttpError } from '../core/errors.js';

/** The tunable figures an admin may change: key in app.configuracion, what it is, and the code's default. */
export interface Setting {
  clave: string;
  titulo: string;
  descripcion: string;
  predeterminado: unknown;
}

export const SETTINGS: readonly Setting[] = [
  { clave: ODES_CONFIG_KEY, titulo: 'Índice de cumplimiento de los ODES', descripcion: 'Pesos de cada componente, horas para fijar acuerdos en estrados y umbral de «bajo desempeño».', predeterminado: DEFAULT_ODES_CONFIG },
  { clave: SLA_CONFIG_KEY, titulo: 'SLA de la mesa de ayuda', descripcion: 'Horas para resolver por prioridad (1 menor … 6 mayor) cuando el ticket no trae fecha límite.', predeterminado: SLA_HORAS_DEFAULT },
  { clave: OFICIALIA_CONFIG_KEY, titulo: 'Plazo de Oficialía Electoral', descripcion: 'Horas en las que una petición atendida cuenta como «en plazo».', predeterminado: DEFAULT_OFICIALIA_CONFIG },
  { clave: SESIONES_CONFIG_KEY, titulo: 'Anticipación mínima de las convocatorias', descripcion: 'Horas mínimas entre convocatoria e inicio por tipo de sesión (null = sin mínimo).', predeterminado: DEFAULT_SESIONES_CONFIG },
  { clave: RESUMEN_CONFIG_KEY, titulo: 'Metas de las tarjetas del Resumen', descripcion: 'Umbrales verde y amarillo de cada tarjeta y si más es mejor (ascendente) o peor (descendente).', predeterminado: DEFAULT_METAS },
];

/** A bad setting: 404 for an unknown key, 400 for a bad value. */
export class SettingError extends HttpError {
  constructor(message: string, status: 400 | 404 = 400) {
    super(status, message, { parametro: status === 404 ? 'clave' : 'valor' });
  }
}

/** Checks a value against the shape of the default: same keys (a subset), numbers where numbers, etc. */
export function shapeProblems(value: unknown, model: unknown, where = 'valor'): string[] {
  if (model === null || model === undefined) return [];
  if (typeof model === 'number') return value === null || typeof value === 'number' ? [] : [`${where} debe ser un número`];
  if (typeof model === 'string') return typeof value === 'string' ? [] : [`${where} debe ser texto`];
  if (typeof model === 'boolean') return typeof value === 'boolean' ? [] : [`${where} debe ser true o false`];
  if (typeof model === 'object' && !Array.isArray(model)) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${where} debe ser un objeto`];
    const known = model as Record<string, unknown>;
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      k in known ? shapeProblems(v, known[k], `${where}.${k}`) : [`${where}.${k} no es un parámetro conocido`],
    );
  }
  return [];
}

export async function listSettings(wh: Warehouse): Promise<Array<Setting & { valor: unknown; actualizado_en: string | null }>> {
  const rows = await wh.all<{ clave: string; valor: string; actualizado_en: string }>('SELECT clave, valor, actualizado_en FROM app.configuracion');
  const by = new Map(rows.map((r) => [r.clave, r]));
  return SETTINGS.map((s) => {
    const r = by.get(s.clave);
    let valor: unknown = s.predeterminado;
    try {
      if (r) valor = JSON.parse(r.valor);
    } catch {
      // A broken stored value: the figures fall back to the defaults, and so does what we show.
    }
    return { ...s, valor, actualizado_en: r?.actualizado_en ?? null };
  });
}

export async function saveSetting(wh: Warehouse, clave: string, valor: unknown, usuario: string): Promise<void> {
  const s = SETTINGS.find((x) => x.clave === clave);
  if (!s) throw new SettingError(`No existe el parámetro «${clave}».`, 404);
  const problems = shapeProblems(valor, s.predeterminado);
  if (problems.length) throw new SettingError(`Valor inválido: ${problems.join('; ')}.`);
  const before = await wh.one<{ valor: string }>('SELECT valor FROM app.configuracion WHERE clave = $1', [clave]);
  await wh.transaction(async (c) => {
    await c.run(
      `INSERT INTO app.configuracion (clave, valor, actualizado_en) VALUES ($1, $2, now())
       ON CONFLICT (clave) DO UPDATE SET valor = excluded.valor, actualizado_en = excluded.actualizado_en`,
      [clave, JSON.stringify(valor)],
    );
    await audit(c, usuario, 'configuracion.modificar', clave, before ? JSON.parse(before.valor) : null, valor);
  });
}
