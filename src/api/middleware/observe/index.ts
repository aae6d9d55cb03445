import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Env } from '../../context.js';
import { logEvent, requestLogsOn } from '../../../core/log.js';
import { METRICS } from '../../metrics/registry.js';

/** An incoming X-Request-Id is kept when it looks like one (a proxy's); anything else gets a fresh id. */
const REQUEST_ID = /^[\w.:-]{8,128}$/;

/**
 * One structured log line per request (method, route pattern, status, ms, request id, user) and the request
 * metrics by route pattern. The id goes back as X-Request-Id, so a user's report can be found in the log.
 */
export const observe: MiddlewareHandler<Env> = async (c, next) => {
  const t0 = performance.now();
  const incoming = c.req.header('x-request-id');
  const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  let status = 500;
  try {
    await next();
    status = c.res.status;
  } finally {
    const ms = performance.now() - t0;
    // The pattern of the handler that matched (bounded label set); what matched none is grouped.
    const pattern = routePath(c, -1);
    const ruta = !pattern || pattern.endsWith('*') ? (status === 404 ? 'no_encontrada' : c.req.path.split('/').slice(0, 3).join('/')) : pattern;
    METRICS.requests.inc({ metodo: c.req.method, ruta, estado: String(status) });
    METRICS.latency.observe({ ruta }, ms);
    if (c.res) c.res.headers.set('X-Request-Id', id);
    if (requestLogsOn()) {
      logEvent('solicitud', {
        id, metodo: c.req.method, ruta, ruta_real: c.req.path, estado: status, ms: Math.round(ms * 10) / 10,
        usuario: c.get('user')?.usuario ?? null, cache: c.res?.headers.get('x-atalaya-cache') ?? undefined,
      });
    }
  }
};
