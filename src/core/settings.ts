import type { z } from 'zod';
import { audit } from '../audit/log.js';
import type { Warehouse } from '../db/warehouse.js';

/**
 * A tunable figure an admin may change (Administración → Parámetros): its key in app.configuracion, what it is,
 * the code's default and the schema of a stored value. A stored value may be partial: what it holds replaces the
 * default, key by key (nested objects merge the same way).
 */
export interface Setting<T = unknown> {
  clave: string;
  titulo: string;
  descripcion: string;
  predeterminado: T;
  /** Validates a value to store (and a stored one when read): a partial T. */
  schema: z.ZodType;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `base` with what `patch` holds put over it; nested objects merge, anything else replaces. */
export function mergeValue<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[k] = mergeValue(out[k], v);
  return out as T;
}

/** A stored JSON text read through the setting: merged over the default, or the default when it does not parse. */
export function settingValue<T>(s: Setting<T>, stored: string | null | undefined): T {
  const base = structuredClone(s.predeterminado);
  if (stored === null || stored === undefined) return base;
  try {
    const p = s.schema.safeParse(JSON.parse(stored));
    return p.success ? mergeValue(base, p.data) : base;
  } catch {
    // An unreadable stored value: the figures fall back to the defaults.
    return base;
  }
}

/** The one settings reader: the value in force (stored over the default) and when it was last changed. */
export async function readSettingRow<T>(wh: Warehouse, s: Setting<T>): Promise<{ valor: T; actualizado_en: string | null }> {
  const row = await wh.one<{ valor: string; actualizado_en: string | null }>('SELECT valor, actualizado_en FROM app.configuracion WHERE clave = $1', [s.clave]);
  return { valor: settingValue(s, row?.valor), actualizado_en: row?.actualizado_en ?? null };
}

export async function readSetting<T>(wh: Warehouse, s: Setting<T>): Promise<T> {
  return (await readSettingRow(wh, s)).valor;
}

/**
 * Stores a setting's value and audits the change (`accion`, before and after) in one transaction. `antes` is what
 * the audit shows as the value before (default: the stored value, or null).
 */
export async function writeSetting<T>(wh: Warehouse, s: Setting<T>, valor: unknown, usuario: string | null, accion: string, antes?: unknown): Promise<void> {
  const before = antes === undefined ? await wh.one<{ valor: string }>('SELECT valor FROM app.configuracion WHERE clave = $1', [s.clave]) : undefined;
  await wh.transaction(async (c) => {
    await c.run(
      `INSERT INTO app.configuracion (clave, valor, actualizado_en) VALUES ($1, $2, now())
       ON CONFLICT (clave) DO UPDATE SET valor = excluded.valor, actualizado_en = excluded.actualizado_en`,
      [s.clave, JSON.stringify(valor)],
    );
    await audit(c, usuario, accion, s.clave, antes === undefined ? (before ? JSON.parse(before.valor) : null) : antes, valor);
  });
}
