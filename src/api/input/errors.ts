import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HttpError, InputError } from '../../core/errors.js';
import { PipelineBusyError } from '../../../pipelines/runner/run.js';
import { errorFields, logEvent } from '../../core/log.js';

export { HttpError, InputError };

/** Spanish messages for the errors Hono raises itself (the body limit, a malformed body). */
const HONO_MESSAGES: Partial<Record<number, string>> = {
  400: 'La solicitud está mal formada.',
  401: 'Inicie sesión para continuar.',
  413: 'El cuerpo de la solicitud es demasiado grande.',
  415: 'Tipo de contenido no admitido.',
};

/**
 * The one place where an error becomes a response: a client's error answers its 4xx with a Spanish message (and
 * the parameter it names); anything else is a bug, logged, and answers 500 for this request only.
 */
export function errorResponse(c: Context, e: unknown): Response {
  if (e instanceof HttpError) {
    for (const [k, v] of Object.entries(e.headers)) c.header(k, v);
    return c.json({ error: e.message, ...e.extra }, e.status);
  }
  if (e instanceof PipelineBusyError) return c.json({ error: e.message, id: e.runId }, 409);
  if (e instanceof HTTPException && e.status < 500) {
    return c.json({ error: HONO_MESSAGES[e.status] ?? 'Solicitud rechazada.' }, e.status as ContentfulStatusCode);
  }
  logEvent('error', { origen: 'api', metodo: c.req.method, ruta_real: safePath(c), ...errorFields(e) }, 'error');
  return c.json({ error: 'Error interno del servidor. El detalle quedó en el registro del servidor.' }, 500);
}

function safePath(c: Context): string {
  try {
    return c.req.path.slice(0, 200);
  } catch {
    return '?';
  }
}
