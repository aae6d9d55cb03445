/**
 * An error a client caused, with the HTTP status it answers and a Spanish message. Domain modules throw it (or a
 * subclass); the API maps it to a response in one place (src/api/input/errors.ts).
 */
export class HttpError extends Error {
  constructor(
    public readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 502 | 503,
    message: string,
    /** Extra fields of the JSON answer (e.g. `parametro`, `id`). */
    public readonly extra: Record<string, unknown> = {},
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A bad input value: 400 naming the parameter or body field. */
export class InputError extends HttpError {
  constructor(public readonly parametro: string, message: string) {
    super(400, message, { parametro });
  }
}

/** What a zod parse failure needs from its error: its issues. */
interface Issues {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}

/**
 * The first problem of a failed parse as a 400 naming the parameter or field. `kind` words the subject:
 * «El parámetro «desde» …» for query and path values, «El campo «password» …» for body fields.
 */
export function inputErrorOf(error: Issues, kind: 'parametro' | 'campo'): InputError {
  const issue = error.issues[0];
  const parametro = issue && issue.path.length ? issue.path.map(String).join('.') : kind === 'campo' ? 'cuerpo' : 'consulta';
  const m = issue?.message ?? 'no es válido';
  const text = /^[a-záéíóúñ]/.test(m) ? m : `no es válido: ${m.charAt(0).toLowerCase()}${m.slice(1)}`;
  const subject = parametro === 'cuerpo' ? 'El cuerpo' : `${kind === 'campo' ? 'El campo' : 'El parámetro'} «${parametro}»`;
  return new InputError(parametro, `${subject} ${text.replace(/\.$/, '')}.`);
}

/** Parses a value with a schema (anything with zod's safeParse), or throws the InputError of its first problem. */
export function parseInput<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: Issues } }, value: unknown, kind: 'parametro' | 'campo' = 'campo'): T {
  const r = schema.safeParse(value);
  if (!r.success) throw inputErrorOf(r.error, kind);
  return r.data;
}

/** A zod `error` option: «es obligatorio» when the value is missing, else what was expected. */
export function esperado(message: string): (iss: { input?: unknown }) => string {
  return (iss) => (iss.input === undefined ? 'es obligatorio' : message);
}
