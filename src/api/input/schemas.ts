import { z } from 'zod';
import { esperado } from '../../core/errors.js';
import { defaultDesde, isIsoDate, todayMx } from '../../core/time.js';

// zod's own messages (a fallback: the schemas below carry their own) in Spanish.
z.config(z.locales.es());

/**
 * The query, path and body values the routes share, parsed once by these schemas. A value that does not parse
 * answers 400 naming the parameter (validate.ts). Route-agnostic: any router imports what it needs.
 */

/** An optional query value: an empty one (`?x=`) counts as absent, as links built by the dashboard expect. */
export function opcional<T extends z.ZodType>(s: T) {
  return z.preprocess((v) => (v === '' ? undefined : v), s.optional());
}

/** One text value (a repeated query parameter is an error, not an array); at most `max` characters, no controls. */
export function texto(max = 200) {
  return z
    .string({ error: esperado('debe ser un solo valor de texto') })
    .max(max, `admite a lo más ${max} caracteres`)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'contiene caracteres de control');
}

/** An integer written in decimal, within [lo, hi]. */
export function entero(lo: number, hi: number) {
  return z
    .string({ error: esperado('debe ser un número entero') })
    .regex(/^-?\d{1,15}$/, `debe ser un número entero entre ${lo} y ${hi}`)
    .transform(Number)
    .pipe(z.number().int().min(lo, `debe ser un número entero entre ${lo} y ${hi}`).max(hi, `debe ser un número entero entre ${lo} y ${hi}`));
}

/** One of a fixed list of words. */
export function opcion<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: esperado(`debe ser uno de: ${values.join(', ')}`) });
}

/** A calendar date aaaa-mm-dd between 1900 and 2199 (beyond that no figure has data, and date arithmetic overflows). */
export const fecha = z
  .string({ error: esperado('debe ser una fecha con el formato aaaa-mm-dd') })
  .refine((s) => isIsoDate(s) && s >= '1900-01-01' && s <= '2199-12-31', 'debe ser una fecha válida con el formato aaaa-mm-dd');

/** An ISO instant (aaaa-mm-ddThh:mm[:ss][zona]) or date. */
export const instante = z
  .string({ error: esperado('debe ser una fecha y hora ISO') })
  .max(40, 'debe ser una fecha y hora ISO')
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)) && isIsoDate(s.slice(0, 10)) && s.slice(0, 4) >= '1900' && s.slice(0, 4) < '2200',
    'debe ser una fecha y hora ISO (aaaa-mm-ddThh:mm)');

/** The date range of a figure: `desde`..`hasta`, both included; default the last 365 days to today (Mexico City). */
export const rangoShape = { desde: opcional(fecha), hasta: opcional(fecha) };

interface RangoIn {
  desde?: string | undefined;
  hasta?: string | undefined;
}
/** Fills the range's defaults and checks its order. */
export function resolverRango<Q extends RangoIn>(q: Q, ctx: z.RefinementCtx): Omit<Q, 'desde' | 'hasta'> & { desde: string; hasta: string } {
  const hasta = q.hasta ?? todayMx();
  const desde = q.desde ?? defaultDesde(hasta);
  if (desde > hasta) ctx.addIssue({ code: 'custom', path: ['desde'], message: 'es posterior a «hasta»', input: desde });
  return { ...q, desde, hasta };
}

/** A query with a date range plus the route's own parameters. */
export function conRango<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...rangoShape, ...shape }).transform((q, ctx) => resolverRango(q as z.infer<z.ZodObject<S>> & RangoIn, ctx));
}

export const rango = conRango({});

/** A cut-off date `hasta`, default today in Mexico City. */
export const hastaShape = { hasta: opcional(fecha).transform((h) => h ?? todayMx()) };

/** An electoral process key such as PELO_2024_2025. */
export const proceso = texto(60).regex(/^[A-Za-z0-9_-]+$/, 'debe ser la clave de un proceso, p. ej. PELO_2024_2025');

/** A year of the POA. */
export const ejercicio = entero(2000, 2100);
export const trimestre = entero(1, 4);

/** Siglas of an area. */
export const area = texto(40);

/** Paging of long lists: `limite` rows from row `desde_fila` (0 = the first). */
export function paginacion(porOmision: number, maximo: number) {
  return {
    limite: opcional(entero(1, maximo)).transform((v) => v ?? porOmision),
    desde_fila: opcional(entero(0, 1_000_000_000)).transform((v) => v ?? 0),
  };
}

/** Path parameters. */
export const idEntero = z.object({ id: entero(1, 2_147_483_647) });
export const identificador = texto(100).regex(/^[\w.@:-]+$/, 'contiene caracteres no permitidos');
