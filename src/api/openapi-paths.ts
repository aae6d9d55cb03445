/**
 * The pieces of the OpenAPI document (DESIGN.md §6) that the platform and every domain write their paths with.
 * src/api/openapi.ts puts them together.
 */
export interface Op {
  summary: string;
  tags?: string[];
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { description: string }>;
}
/** Paths under /api, e.g. '/api/incidentes/resumen' → { get: … }. */
export type OpenApiPaths = Record<string, Record<string, Op>>;

/** A query parameter. */
export const q = (name: string, description: string, required = false) => ({ name, in: 'query', required, description, schema: { type: 'string' } });

/** The answers every session route has: 200 (with its description), 401 and 403. */
export const ok = (d = 'Correcto') => ({ '200': { description: d }, '401': { description: 'Sin sesión' }, '403': { description: 'Rol sin acceso' } });

/** The date range of a figure (src/api/input/schemas.ts `rango`). */
export const RANGO = [
  q('desde', 'aaaa-mm-dd; por omisión 364 días antes de «hasta» (365 días con ambos extremos)'),
  q('hasta', 'aaaa-mm-dd; por omisión hoy'),
];

/** 400 besides the usual answers, for routes whose parameters are validated. */
export const okOr400 = (d?: string) => ({ ...ok(d), '400': { description: 'Parámetros inválidos' } });

/** The paging parameters of a long table (src/api/input/pagina.ts); the total comes in the X-Total-Count header. */
export const PAGINA = [
  q('limite', 'filas por página (1–1000); sin él, todas las filas'),
  q('desde_fila', 'índice de la primera fila (0 = la primera)'),
  q('orden', 'columna por la que se ordena'),
  q('dir', 'asc | desc'),
];
