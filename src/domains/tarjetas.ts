import { round1 } from '../core/figures.js';
import { readSetting, type Setting } from '../core/settings.js';
import type { Rango } from '../core/time.js';
import { porVersion } from '../db/memo.js';
import { hasRows, tableExists } from '../db/sql.js';
import type { Warehouse } from '../db/warehouse.js';
import type { DuckDBValue } from '@duckdb/node-api';
import type { FigurasTarjeta, Formato, Secundario, Ventanas } from './resumen/types.js';

/**
 * Helpers of the domains' Resumen cards (src/domains/<dominio>/resumen.ts): what every card's figures are made of.
 * Part of the domain framework, like types.ts and registry.ts; no domain's own logic.
 */

/** What a card says whatever its data: its label, format, link and «¿Cómo se calcula?». */
export type BaseTarjeta = Pick<FigurasTarjeta, 'etiqueta' | 'formato' | 'enlace' | 'como'>;

/** A card without data: the domain's tables are empty or missing. */
export const sinDatos = (base: BaseTarjeta, nota: string): FigurasTarjeta => ({ ...base, estado: 'sin_datos', nota });

/** A secondary figure of a card (hours and percentages to one decimal). */
export const cifra = (etiqueta: string, valor: number | null, formato: Formato = 'numero'): Secundario => ({ etiqueta, valor: round1(valor), formato });

/** How a card reads its figure from one measurement of a window. */
export interface Lectura<T> extends BaseTarjeta {
  /** The domain's table: while it is missing or empty, the card says `vacia`. */
  tabla: string;
  vacia: string;
  valor: (x: T) => number | null;
  /** Whether the current window holds anything to measure. */
  hay: (x: T) => boolean;
  secundarios: (x: T) => Secundario[];
  /** The «¿Cómo se calcula?» text once measured (default: `como`). */
  comoMedido?: (x: T) => string;
}

/** Whether a domain's table exists and holds a row: asked once per data version, not on every Resumen. */
export const tieneFilas = (wh: Warehouse, tabla: string): Promise<boolean> => porVersion(wh, `tieneFilas:${tabla}`, ['datos'], () => hasRows(wh, tabla));

/** Whether a table exists, once per data version. */
export const existeTabla = (wh: Warehouse, tabla: string): Promise<boolean> => porVersion(wh, `existeTabla:${tabla}`, ['datos'], () => tableExists(wh, tabla));

/** A setting a card reads (settings are written like the data: their writes bump its version). Do not modify it. */
export const ajuste = <T>(wh: Warehouse, s: Setting<T>): Promise<T> => porVersion(wh, `ajuste:${s.clave}`, ['datos'], () => readSetting(wh, s));

/** The windows of a period in the order the batch measures take them: the current one, the one before, the buckets. */
export const enOrden = (v: Ventanas): Rango[] => [v.actual, v.anterior, ...v.buckets];

/**
 * Windows as the named parameters $desdes and $hastas (ISO dates separated by commas) of a statement that measures
 * them all at once; VENTANAS_SQL turns them into rows (i from 1 in the same order, desde, hasta).
 */
export const ventanasParams = (rs: readonly Rango[]): { desdes: string; hastas: string } => ({
  desdes: rs.map((r) => r.desde).join(','), hastas: rs.map((r) => r.hasta).join(','),
});

/** A CTE body: one row per window of ventanasParams, numbered from 1 in its order (i), with its dates. */
export const VENTANAS_SQL = `
  SELECT unnest(generate_series(1, len(d))) AS i, unnest(d)::DATE AS desde, unnest(h)::DATE AS hasta
  FROM (SELECT string_split($desdes::VARCHAR, ',') AS d, string_split($hastas::VARCHAR, ',') AS h)`;

const unidas = new Map<string, string>();

/** One statement for the windows of `params` (see enUnaSentencia). */
async function unaSentencia<T>(wh: Warehouse, sql: string, params: ReadonlyArray<Record<string, DuckDBValue>>): Promise<Array<T | undefined>> {
  const nombres = Object.keys(params[0] ?? {}).filter((k) => new RegExp(`\\$${k}\\b`).test(sql));
  const clave = `${params.length}:${nombres.join(',')}:${sql}`;
  let texto = unidas.get(clave);
  if (!texto) {
    const re = new RegExp(`\\$(${nombres.join('|')})\\b`, 'g');
    const copias = params.map((_, i) => `SELECT ${i + 1} AS ventana__, * FROM (${nombres.length ? sql.replace(re, (_m, k: string) => `$${k}__${i + 1}`) : sql})`);
    texto = `${copias.join('\nUNION ALL\n')}\nORDER BY ventana__`;
    if (unidas.size > 64) unidas.clear();
    unidas.set(clave, texto);
  }
  const todos: Record<string, DuckDBValue> = {};
  params.forEach((p, i) => {
    for (const k of nombres) todos[`${k}__${i + 1}`] = p[k]!;
  });
  const rows = await wh.all<T & { ventana__: number }>(texto, todos);
  // A statement may answer no row for a window (nothing to count): its place stays empty, the others keep theirs.
  const out: Array<T | undefined> = params.map(() => undefined);
  for (const { ventana__: v, ...x } of rows) out[Number(v) - 1] = x as T;
  return out;
}

/**
 * Several windows measured with another domain's statement for one window (its figures of each window in the order
 * of `params`, one set of named parameters per window) in `partes` statements instead of one per window: in each,
 * every copy of the statement gets its own parameter names ($desde → $desde__2) and the copies go in one UNION ALL,
 * parsed, planned (once per connection, src/db/prepared.ts) and run as one, with the domain's own SQL and rules.
 * Two parts by default: each runs on its own connection of the read pool, so both cores work on the card. A window
 * the statement answers no row for is undefined in its place.
 */
export async function enUnaSentencia<T>(wh: Warehouse, sql: string, params: ReadonlyArray<Record<string, DuckDBValue>>, partes = 2): Promise<Array<T | undefined>> {
  const n = Math.ceil(params.length / Math.max(1, partes));
  const grupos: Array<ReadonlyArray<Record<string, DuckDBValue>>> = [];
  for (let i = 0; i < params.length; i += n) grupos.push(params.slice(i, i + n));
  return (await Promise.all(grupos.map((g) => unaSentencia<T>(wh, sql, g)))).flat();
}

/** A card measured on every window of the period, one window at a time (see porVentanasJuntas). */
export async function porVentanas<T>(wh: Warehouse, v: Ventanas, medir: (r: Rango) => Promise<T>, l: Lectura<T>): Promise<FigurasTarjeta> {
  return porVentanasJuntas(wh, v, (rs) => Promise.all(rs.map(medir)), l);
}

/**
 * A card measured on every window of the period by one measure of them all (`medir` answers in the order of the
 * windows it gets, enOrden's): its value now and before, the sparkline, the secondary figures of now.
 */
export async function porVentanasJuntas<T>(wh: Warehouse, v: Ventanas, medir: (rs: Rango[]) => Promise<T[]>, l: Lectura<T>): Promise<FigurasTarjeta> {
  const base: BaseTarjeta = { etiqueta: l.etiqueta, formato: l.formato, enlace: l.enlace, como: l.como };
  if (!(await tieneFilas(wh, l.tabla))) return sinDatos(base, l.vacia);
  const [actual, anterior, ...serie] = await medir(enOrden(v));
  return {
    ...base,
    estado: l.hay(actual!) ? 'ok' : 'sin_datos',
    valor: round1(l.valor(actual!)),
    anterior: round1(l.valor(anterior!)),
    secundarios: l.secundarios(actual!),
    serie: v.buckets.map((b, i) => ({ hasta: b.hasta, valor: round1(l.valor(serie[i]!)) })),
    como: l.comoMedido ? l.comoMedido(actual!) : base.como,
    nota: null,
  };
}
