import { Hono, type Context } from 'hono';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { caidas, diario, latencia, serviciosEstado, verificaciones } from '../queries/disponibilidad.js';
import {
  CatalogError, createMantenimiento, createServicio, deleteMantenimiento, deleteServicio, getServicio, listMantenimientos, listServicios, updateServicio,
} from '../../uptime/catalog.js';
import { todayMx } from '../../demo/index.js';

export const disponibilidadRoutes = new Hono<Env>();
disponibilidadRoutes.use('*', requireAccess('disponibilidad'));

/** Only admin and utsi edit the catalogue (direccion reads the figures). */
const EDITORES = new Set(['admin', 'utsi']);
function canEdit(c: Context<Env>): boolean {
  return EDITORES.has(c.get('user')?.rol ?? '');
}
const forbidden = (c: Context<Env>) => c.json({ error: 'Solo los roles admin y utsi pueden modificar el catálogo de servicios.' }, 403);

function catalogError(c: Context<Env>, e: unknown) {
  if (e instanceof CatalogError) return c.json({ error: e.message }, e.status);
  throw e;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** desde/hasta as ISO dates (Mexico City days); default: the last 365 days to today. */
function rango(c: Context<Env>): { desde: string; hasta: string } | { error: string } {
  const hoy = todayMx();
  const d = c.req.query('desde');
  const h = c.req.query('hasta');
  if (d && !ISO_DATE.test(d)) return { error: `Fecha «desde» inválida: «${d}». Use el formato aaaa-mm-dd.` };
  if (h && !ISO_DATE.test(h)) return { error: `Fecha «hasta» inválida: «${h}». Use el formato aaaa-mm-dd.` };
  const hasta = h ?? hoy;
  const desde = d ?? new Date(Date.parse(`${hasta}T12:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  // hasta is inclusive: up to the end of that day in Mexico City.
  return { desde: `${desde}T00:00:00-06:00`, hasta: new Date(Date.parse(`${hasta}T00:00:00-06:00`) + 86_400_000).toISOString() };
}

const intParam = (v: string | undefined, d: number, lo: number, hi: number): number => {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n >= lo && n <= hi ? n : d;
};

// ---- Figures ----
disponibilidadRoutes.get('/servicios', async (c) => c.json(await serviciosEstado(c.get('ctx').wh)));

disponibilidadRoutes.get('/servicios/:id/caidas', async (c) => {
  const id = c.req.param('id');
  if (!(await getServicio(c.get('ctx').wh, id))) return c.json({ error: `No existe el servicio «${id}».` }, 404);
  const r = rango(c);
  if ('error' in r) return c.json({ error: r.error }, 400);
  return c.json(await caidas(c.get('ctx').wh, id, r));
});

disponibilidadRoutes.get('/servicios/:id/diario', async (c) => {
  const id = c.req.param('id');
  if (!(await getServicio(c.get('ctx').wh, id))) return c.json({ error: `No existe el servicio «${id}».` }, 404);
  return c.json(await diario(c.get('ctx').wh, id, intParam(c.req.query('dias'), 90, 1, 366)));
});

disponibilidadRoutes.get('/servicios/:id/latencia', async (c) => {
  const id = c.req.param('id');
  if (!(await getServicio(c.get('ctx').wh, id))) return c.json({ error: `No existe el servicio «${id}».` }, 404);
  return c.json(await latencia(c.get('ctx').wh, id, intParam(c.req.query('horas'), 168, 1, 24 * 90)));
});

disponibilidadRoutes.get('/servicios/:id/verificaciones', async (c) => {
  const id = c.req.param('id');
  if (!(await getServicio(c.get('ctx').wh, id))) return c.json({ error: `No existe el servicio «${id}».` }, 404);
  return c.json(await verificaciones(c.get('ctx').wh, id, intParam(c.req.query('limite'), 100, 1, 2000)));
});

// ---- Catalogue (read: the domain's roles; write: admin, utsi; every write audited) ----
disponibilidadRoutes.get('/catalogo', async (c) => c.json(await listServicios(c.get('ctx').wh)));

disponibilidadRoutes.post('/catalogo', async (c) => {
  if (!canEdit(c)) return forbidden(c);
  const body = await c.req.json().catch(() => null);
  if (!body || typeof body !== 'object') return c.json({ error: 'Se esperaba JSON con id, nombre, tipo y destino.' }, 400);
  try {
    return c.json(await createServicio(c.get('ctx').wh, body as Record<string, unknown>, c.get('user')!.usuario), 201);
  } catch (e) {
    return catalogError(c, e);
  }
});

disponibilidadRoutes.patch('/catalogo/:id', async (c) => {
  if (!canEdit(c)) return forbidden(c);
  const body = await c.req.json().catch(() => null);
  if (!body || typeof body !== 'object') return c.json({ error: 'Se esperaba JSON con los campos a modificar.' }, 400);
  try {
    return c.json(await updateServicio(c.get('ctx').wh, c.req.param('id'), body as Record<string, unknown>, c.get('user')!.usuario));
  } catch (e) {
    return catalogError(c, e);
  }
});

disponibilidadRoutes.delete('/catalogo/:id', async (c) => {
  if (!canEdit(c)) return forbidden(c);
  try {
    await deleteServicio(c.get('ctx').wh, c.req.param('id'), c.get('user')!.usuario);
    return c.json({ eliminado: c.req.param('id') });
  } catch (e) {
    return catalogError(c, e);
  }
});

disponibilidadRoutes.get('/mantenimientos', async (c) => c.json(await listMantenimientos(c.get('ctx').wh, c.req.query('servicio') || undefined)));

disponibilidadRoutes.post('/mantenimientos', async (c) => {
  if (!canEdit(c)) return forbidden(c);
  const body = await c.req.json().catch(() => null);
  if (!body || typeof body !== 'object') return c.json({ error: 'Se esperaba JSON con servicio_id, inicio, fin y motivo.' }, 400);
  try {
    return c.json(await createMantenimiento(c.get('ctx').wh, body as Record<string, unknown>, c.get('user')!.usuario), 201);
  } catch (e) {
    return catalogError(c, e);
  }
});

disponibilidadRoutes.delete('/mantenimientos/:id', async (c) => {
  if (!canEdit(c)) return forbidden(c);
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id)) return c.json({ error: 'Identificador de mantenimiento inválido.' }, 400);
  try {
    await deleteMantenimiento(c.get('ctx').wh, id, c.get('user')!.usuario);
    return c.json({ eliminado: id });
  } catch (e) {
    return catalogError(c, e);
  }
});
