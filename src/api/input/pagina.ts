import type { Context } from 'hono';
import { entero, opcion, opcional } from './schemas.js';

/**
 * Server-side pages of a long table (issue 11): `limite` rows from row `desde_fila` (0 = the first), sorted by
 * `orden` (one of the route's columns) in `dir` (asc | desc). The answer keeps the shape DESIGN.md §6 gives it (the
 * rows as an array) and says how many rows there are in all in the `X-Total-Count` header. Without `limite` a route
 * answers every row, as before (scripts rely on it), except the two lists that can hold millions (tickets,
 * quarantine), which stop at their own maximum; the dashboard's CSV downloads read every page, LIMITE_MAX rows at a time.
 */
export const LIMITE_MAX = 5000;

/** The paging parameters of a route whose rows may be sorted by `columnas`. */
export function paginaShape<const C extends readonly [string, ...string[]]>(columnas: C) {
  return {
    limite: opcional(entero(1, LIMITE_MAX)),
    desde_fila: opcional(entero(0, 1_000_000_000)),
    orden: opcional(opcion(columnas)),
    dir: opcional(opcion(['asc', 'desc'] as const)),
  };
}

export interface Pagina {
  limite: number | null;
  desde_fila: number;
  orden: string | null;
  dir: 'asc' | 'desc';
}

export function paginaDe(q: { limite?: number | undefined; desde_fila?: number | undefined; orden?: string | undefined; dir?: 'asc' | 'desc' | undefined }): Pagina {
  return { limite: q.limite ?? null, desde_fila: q.desde_fila ?? 0, orden: q.orden ?? null, dir: q.dir ?? 'asc' };
}

/** Compares two cell values as the tables show them: numbers by value, text as es-MX collates it, empty last. */
function comparar(x: unknown, y: unknown): number {
  if (x === y) return 0;
  if (x === null || x === undefined) return 1;
  if (y === null || y === undefined) return -1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x).localeCompare(String(y), 'es-MX', { numeric: true });
}

/**
 * One page of rows computed in full (a stable sort keeps the route's own order among equals). `valor` reads a sort
 * column that is not a top-level field of the row (a nested figure); by default the row's own field.
 */
export function paginar<T extends object>(rows: readonly T[], p: Pagina, valor?: (row: T, columna: string) => unknown): { filas: T[]; total: number } {
  let sorted = rows as T[];
  if (p.orden) {
    const k = p.orden;
    const s = p.dir === 'desc' ? -1 : 1;
    const v = valor ? (r: T): unknown => valor(r, k) : (r: T): unknown => (r as Record<string, unknown>)[k];
    // Empty values go last in either direction.
    sorted = [...rows].sort((a, b) => {
      const x = v(a);
      const y = v(b);
      if (x === null || x === undefined || y === null || y === undefined) return comparar(x, y);
      return s * comparar(x, y);
    });
  }
  const filas = p.limite === null ? sorted.slice(p.desde_fila) : sorted.slice(p.desde_fila, p.desde_fila + p.limite);
  return { filas, total: rows.length };
}

/** Sends a page: the rows as the body, the total in X-Total-Count (and the first row's index in X-Desde-Fila). */
export function respuestaPagina<T>(c: Context, r: { filas: T[]; total: number }, p: Pagina): Response {
  c.header('X-Total-Count', String(r.total));
  c.header('X-Desde-Fila', String(p.desde_fila));
  return c.json(r.filas);
}
