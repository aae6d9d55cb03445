import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Env } from '../../api/context.js';
import { idEntero, opcional, entero, texto } from '../../api/input/schemas.js';
import { json, params, query } from '../../api/input/validate.js';
import { HttpError } from '../../core/errors.js';
import { esperado } from '../../core/errors.js';
import { puedeRecibir, type Catalogo } from './catalogo.js';
import { borrarSuscripcion, cambiarActiva, crearSuscripcion, getSuscripcion, listarEnvios, listarSuscripciones, type FilaSuscripcion } from './queries.js';
import { FORMATOS, FRECUENCIAS, type ReporteDisponible, type Suscripcion } from './types.js';

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

const nueva = z.object({
  reporte: texto(60),
  formato: z.enum(FORMATOS, { error: esperado(`debe ser uno de: ${FORMATOS.join(', ')}`) }),
  frecuencia: z.enum(FRECUENCIAS, { error: esperado(`debe ser uno de: ${FRECUENCIAS.join(', ')}`) }),
  destino: texto(200).trim().refine((s) => EMAIL.test(s), 'debe ser una dirección de correo, p. ej. nombre@oplever.org.mx'),
});
const cambio = z.object({ activa: z.boolean({ error: 'debe ser true o false' }) });

/** Scheduled reports: each user manages their subscriptions; admin sees and manages everyone's. */
export function reportesRoutes(catalogo: Catalogo): Hono<Env> {
  const routes = new Hono<Env>();
  const user = (c: Context<Env>) => c.get('user')!;
  const alcance = (c: Context<Env>): string | null => (user(c).rol === 'admin' ? null : user(c).usuario);
  const conTitulo = (s: FilaSuscripcion): Suscripcion => ({ ...s, titulo: catalogo.get(s.reporte)?.reporte.titulo ?? s.reporte });
  /** A subscription the user may change: their own, or any for admin (someone else's is 404, not a hint it exists). */
  const propia = async (c: Context<Env>, id: number): Promise<FilaSuscripcion> => {
    const s = await getSuscripcion(c.get('ctx').wh, id);
    if (alcance(c) !== null && s.usuario !== alcance(c)) throw new HttpError(404, `No existe la suscripción ${id}.`);
    return s;
  };

  /** The reports the user may subscribe to (what their role can open). */
  routes.get('/catalogo', (c) => {
    const u = { ...user(c), activo: true };
    const out: ReporteDisponible[] = [...catalogo.values()].filter((e) => puedeRecibir(e, u) === null)
      .map((e) => ({ id: e.reporte.id, titulo: e.reporte.titulo, formatos: [...e.reporte.formatos] }));
    return c.json(out);
  });

  routes.get('/suscripciones', async (c) => c.json((await listarSuscripciones(c.get('ctx').wh, alcance(c))).map(conTitulo)));

  routes.post('/suscripciones', json(nueva), async (c) => {
    const n = c.req.valid('json');
    const e = catalogo.get(n.reporte);
    if (!e) throw new HttpError(400, `El campo «reporte» no es válido: no existe el reporte «${n.reporte}».`, { parametro: 'reporte' });
    const impedimento = puedeRecibir(e, { ...user(c), activo: true });
    if (impedimento) throw new HttpError(403, `No puede suscribirse a «${e.reporte.titulo}»: ${impedimento.charAt(0).toLowerCase()}${impedimento.slice(1)}`);
    if (!e.reporte.formatos.includes(n.formato)) {
      throw new HttpError(400, `El campo «formato» no es válido: «${e.reporte.titulo}» se ofrece en ${e.reporte.formatos.map((f) => f.toUpperCase()).join(', ')}.`, { parametro: 'formato' });
    }
    return c.json(await crearSuscripcion(c.get('ctx').wh, user(c).usuario, n), 201);
  });

  routes.patch('/suscripciones/:id', params(idEntero), json(cambio), async (c) => {
    const s = await propia(c, c.req.valid('param').id);
    await cambiarActiva(c.get('ctx').wh, user(c).usuario, s, c.req.valid('json').activa);
    return c.json(conTitulo(await getSuscripcion(c.get('ctx').wh, s.id)));
  });

  routes.delete('/suscripciones/:id', params(idEntero), async (c) => {
    await borrarSuscripcion(c.get('ctx').wh, user(c).usuario, await propia(c, c.req.valid('param').id));
    return c.json({ ok: true });
  });

  /** Every delivery attempt with its result (?suscripcion=id). */
  routes.get('/envios', query(z.object({ suscripcion: opcional(entero(1, 2_147_483_647)) })), async (c) =>
    c.json(await listarEnvios(c.get('ctx').wh, alcance(c), c.req.valid('query').suscripcion ?? null)));
  return routes;
}
