import type { MiddlewareHandler } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import { HttpError, InputError, inputErrorOf } from '../../core/errors.js';

// A missing value says so, whatever its expected type.
z.config({ customError: (iss) => (iss.code === 'invalid_type' && iss.input === undefined ? 'es obligatorio' : undefined) });

type Target = 'query' | 'param' | 'json';

/** The first problem of a failed parse as a 400 naming the parameter (or body field). */
export function inputError(target: Target, error: z.ZodError): InputError {
  return inputErrorOf(error, target === 'json' ? 'campo' : 'parametro');
}

const hook = (target: Target) => (result: { success: boolean; error?: unknown }) => {
  if (!result.success) throw inputError(target, result.error as z.ZodError);
};

/** Keys a route validates in its query, by method and route path (the OpenAPI test checks they are documented). */
export const validatedQueryKeys = new Map<string, Set<string>>();

function shapeKeys(schema: z.ZodType): string[] {
  let s: unknown = schema;
  // Follow transforms and pipes to the object whose keys the client sends.
  for (let i = 0; i < 5 && s && typeof s === 'object'; i++) {
    if ('shape' in s && s.shape && typeof s.shape === 'object') return Object.keys(s.shape);
    s = (s as { in?: unknown }).in ?? (s as { def?: { in?: unknown } }).def?.in;
  }
  return [];
}

/** Parses the query string with `schema`; the handler reads `c.req.valid('query')`. */
export function query<T extends z.ZodType>(schema: T) {
  const keys = shapeKeys(schema);
  const v = zValidator('query', schema, hook('query'));
  const record: MiddlewareHandler = async (c, next) => {
    const route = `${c.req.method} ${c.req.routePath}`;
    if (!validatedQueryKeys.has(route)) validatedQueryKeys.set(route, new Set(keys));
    return v(c, next);
  };
  return record as unknown as typeof v;
}

/** Parses the path parameters with `schema`; the handler reads `c.req.valid('param')`. */
export function params<T extends z.ZodType>(schema: T) {
  return zValidator('param', schema, hook('param'));
}

/** Deepest nesting a JSON body may have (the app's bodies nest two or three levels). */
export const MAX_JSON_DEPTH = 20;

/** Nesting depth of a JSON text, counting brackets outside strings, without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) max = Math.max(max, ++depth);
    else if (ch === 125 || ch === 93) depth--;
  }
  return max;
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Reads a JSON body once: the content type must be JSON (415), the text must parse (400) and nest at most
 * MAX_JSON_DEPTH levels (400). With `opcional`, a request with no body at all reads as `{}`.
 */
const jsonGuard = (opcional: boolean): MiddlewareHandler => async (c, next) => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
  const length = c.req.header('content-length');
  const empty = !type && (length === undefined || length === '0') && !c.req.header('transfer-encoding');
  if (opcional && empty) {
    c.req.bodyCache.json = Promise.resolve({});
    return next();
  }
  if (!JSON_TYPE.test(type)) throw new HttpError(415, 'El cuerpo debe ser JSON (Content-Type: application/json).', { parametro: 'cuerpo' });
  const text = await c.req.text();
  if (opcional && text.trim() === '') {
    c.req.bodyCache.json = Promise.resolve({});
    return next();
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new InputError('cuerpo', `El cuerpo anida más de ${MAX_JSON_DEPTH} niveles.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError('cuerpo', 'El cuerpo no es JSON válido.');
  }
  c.req.bodyCache.json = Promise.resolve(value);
  return next();
};

/** Parses a JSON body with `schema` (after the checks of the guard); the handler reads `c.req.valid('json')`. */
export function json<T extends z.ZodType>(schema: T, opts: { opcional?: boolean } = {}) {
  const guard = jsonGuard(!!opts.opcional);
  const v = zValidator('json', schema, hook('json'));
  const both: MiddlewareHandler = async (c, next) => guard(c, () => v(c, next) as Promise<void>);
  return both as unknown as typeof v;
}

/** A JSON object whose fields a domain function validates itself (its messages already name each field). */
export const objeto = z.record(z.string(), z.unknown(), { error: 'debe ser un objeto JSON' });
