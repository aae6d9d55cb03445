import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppContext, Env } from '../api/context.js';
import { identificador } from '../api/input/schemas.js';
import { params } from '../api/input/validate.js';

/**
 * The institution's services, pointed at endpoints the server itself serves under /api/publico/demo/ (see
 * demoRoutes below): `{local}` is resolved at probe time to the server's URL, known after listen.
 */
export const DEMO_SERVICIOS = [
  { id: 'portal', nombre: 'Portal institucional', tipo: 'http', destino: '{local}/api/publico/demo/portal', palabra_clave: 'OPLE Veracruz', criticidad: 'alta', publico: 'si', lat: 60 },
  { id: 'correo', nombre: 'Correo electrónico', tipo: 'http', destino: '{local}/api/publico/demo/correo', palabra_clave: '', criticidad: 'alta', publico: 'si', lat: 45 },
  { id: 'candidaturas', nombre: 'Sistema de Registro de Candidaturas', tipo: 'http', destino: '{local}/api/publico/demo/candidaturas', palabra_clave: '', criticidad: 'alta', publico: 'si', lat: 90 },
  { id: 'prep', nombre: 'PREP', tipo: 'http', destino: '{local}/api/publico/demo/prep', palabra_clave: 'PREP', criticidad: 'alta', publico: 'si', lat: 750 },
  { id: 'computos', nombre: 'Sistema de Cómputos', tipo: 'http', destino: '{local}/api/publico/demo/computos', palabra_clave: '', criticidad: 'alta', publico: 'si', lat: 110 },
  { id: 'transmision', nombre: 'Transmisión de sesiones', tipo: 'http', destino: '{local}/api/publico/demo/transmision', palabra_clave: '', criticidad: 'media', publico: 'si', lat: 70 },
  { id: 'vpn', nombre: 'Red de consejos (VPN)', tipo: 'tcp', destino: '{local}', palabra_clave: '', criticidad: 'alta', publico: 'no', lat: 8 },
  { id: 'oficialia', nombre: 'Sistema de Oficialía Electoral', tipo: 'http', destino: '{local}/api/publico/demo/oficialia', palabra_clave: '', criticidad: 'media', publico: 'no', lat: 80 },
  { id: 'intranet', nombre: 'Intranet', tipo: 'http', destino: '{local}/api/publico/demo/intranet', palabra_clave: '', criticidad: 'media', publico: 'no', lat: 50 },
  { id: 'telefonia', nombre: 'Telefonía IP', tipo: 'tcp', destino: '{local}', palabra_clave: '', criticidad: 'baja', publico: 'no', lat: 5 },
] as const;

/** The demo's intermittent service fails at these minutes of every hour (Mexico City), live and in the history. */
export const MINUTOS_FALLA = [10, 11, 12, 13, 14] as const;

/** The demo's endpoints, mounted at /api/publico/demo/<servicio> (public: the probes call them without a session). */
export const demoRoutes = new Hono<Env>();

const PREFIX = '{local}/api/publico/demo/';
/** The demo services whose destination is one of these endpoints (the TCP ones point at the server itself). */
const DEMO = new Set<string>(DEMO_SERVICIOS.filter((s) => s.destino.startsWith(PREFIX)).map((s) => s.id));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The demo's endpoints the catalogue monitors ({local}/api/publico/demo/<servicio>), read at most every 30 s.
 * With ATALAYA_DEMO=0, or in an installation whose catalogue never held the demo's services, there are none.
 */
let demoCache: { at: number; ids: Set<string> } | null = null;
async function demoServicios(ctx: AppContext): Promise<Set<string>> {
  if (!ctx.config.demo) return new Set();
  if (!demoCache || Date.now() - demoCache.at > 30_000) {
    const rows = await ctx.wh.all<{ destino: string }>('SELECT destino FROM core.servicios WHERE starts_with(destino, $1)', [PREFIX]);
    demoCache = { at: Date.now(), ids: new Set(rows.map((r) => r.destino.slice(PREFIX.length))) };
  }
  return demoCache.ids;
}

/** Exists only with the demo on: otherwise 404, like any unknown path. */
const demoOnly: MiddlewareHandler<Env> = async (c, next) => {
  if (!(await demoServicios(c.get('ctx'))).size) return c.json({ error: 'Ruta no encontrada.' }, 404);
  await next();
};

demoRoutes.on(['GET', 'HEAD'], '/:servicio', demoOnly, params(z.object({ servicio: identificador })), async (c) => {
  const s = c.req.valid('param').servicio;
  if (!DEMO.has(s)) return c.json({ error: 'Servicio de demostración desconocido.' }, 404);
  c.header('cache-control', 'no-store');
  if (s === 'transmision') return c.redirect('/api/publico/demo/portal', 302);
  if (s === 'prep') {
    await sleep(600 + Math.floor(Math.random() * 300));
    return c.text('PREP operando: resultados preliminares disponibles');
  }
  if (s === 'computos') {
    const minute = new Date(Date.now() - 6 * 3600_000).getUTCMinutes();
    if ((MINUTOS_FALLA as readonly number[]).includes(minute)) return c.text('Servicio no disponible temporalmente', 503);
  }
  return c.html(`<!doctype html><title>OPLE Veracruz</title><p>OPLE Veracruz — ${s} en operación</p>`);
});
