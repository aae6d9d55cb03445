import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { AppContext, Env } from './context.js';
import { HttpError } from '../core/errors.js';
import { resolveUser, requireUser } from './middleware/auth/index.js';
import { requestContext } from './middleware/context/index.js';
import { csrf } from './middleware/csrf/index.js';
import { apiHeaders } from './middleware/headers/index.js';
import { errorResponse } from './input/errors.js';
import { openapiDocument } from './openapi.js';
import { authRoutes } from './routes/auth.js';
import { auditoriaRoutes } from './routes/auditoria.js';
import { cartografiaRoutes } from './routes/cartografia.js';
import { cuarentenaRoutes } from './routes/cuarentena.js';
import { healthRoutes } from './routes/health.js';
import { pipelinesRoutes } from './routes/pipelines.js';
import { tokensRoutes } from './routes/tokens.js';
import { usuariosRoutes } from './routes/usuarios.js';
import { CACHED_ROUTES, mountDomains, PUBLIC_PREFIXES } from './domains.js';
import { cacheOptions, responseCache } from './cache/index.js';
import { observe } from './middleware/observe/index.js';
import { exportarRoutes } from './routes/exportar.js';
import { configuracionRoutes } from './routes/configuracion.js';
import { respaldosRoutes } from './routes/respaldos.js';

/** Routes that answer without a session. Everything else under /api needs one (and a role). */
const PUBLIC = new Set(['/api/health', '/api/auth/login', '/api/openapi.json']);

/** JSON bodies are small; a file upload has its own bound (ATALAYA_MAX_ARCHIVO_MB). */
export const MAX_JSON_BYTES = 1024 * 1024;
const UPLOADS = new Set(['/api/cartografia/importar']);
const maxUploadBytes = (): number => Math.max(1, Number(process.env.ATALAYA_MAX_ARCHIVO_MB) || 200) * 1024 * 1024;

const tooLarge = (max: number) => () => {
  throw new HttpError(413, `El cuerpo de la solicitud supera el máximo de ${Math.round(max / 1024 / 1024)} MB.`, { parametro: 'cuerpo' });
};

export function createApi(ctx: AppContext): Hono<Env> {
  const api = new Hono<Env>().basePath('/api');
  const jsonLimit = bodyLimit({ maxSize: MAX_JSON_BYTES, onError: tooLarge(MAX_JSON_BYTES) });
  const uploadLimit = bodyLimit({ maxSize: maxUploadBytes(), onError: tooLarge(maxUploadBytes()) });
  api.use('*', async (c, next) => {
    c.set('ctx', ctx);
    await next();
  });
  api.use('*', observe);
  api.use('*', apiHeaders(ctx.config.https));
  api.use('*', requestContext);
  api.use('*', (c, next) => (UPLOADS.has(c.req.path) ? uploadLimit(c, next) : jsonLimit(c, next)));
  api.use('*', resolveUser);
  api.use('*', async (c, next) => {
    if (PUBLIC.has(c.req.path) || PUBLIC_PREFIXES.some((p) => c.req.path.startsWith(p))) return next();
    return requireUser(c, next);
  });
  api.use('*', csrf);
  // Answers the cache does not keep (lists, downloads) are gzipped on the way out; cached ones carry their own.
  api.use('*', compress());
  api.use('*', responseCache(cacheOptions(CACHED_ROUTES)));
  api.get('/openapi.json', (c) => c.json(openapiDocument()));
  api.route('/health', healthRoutes);
  api.route('/auth', authRoutes);
  api.route('/usuarios', usuariosRoutes);
  api.route('/tokens', tokensRoutes);
  api.route('/auditoria', auditoriaRoutes);
  api.route('/pipelines', pipelinesRoutes);
  api.route('/cuarentena', cuarentenaRoutes);
  api.route('/cartografia', cartografiaRoutes);
  api.route('/exportar', exportarRoutes);
  api.route('/configuracion', configuracionRoutes);
  api.route('/respaldos', respaldosRoutes);
  mountDomains(api);
  api.notFound((c) => c.json({ error: 'Ruta no encontrada.' }, 404));
  api.onError((e, c) => errorResponse(c, e));
  return api;
}
