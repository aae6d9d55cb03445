import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Env } from '../../api/context.js';
import { requireRoles } from '../../api/middleware/roles/require-roles.js';
import { caidas, diario, latencia, serviciosEstado, verificaciones } from './queries.js';
import {
  createMantenimiento, createServicio, deleteMantenimiento, deleteServicio, getServicio, listMantenimientos, listServicios, updateServicio,
} from './catalog.js';
import { HttpError } from '../../core/errors.js';
import { dayRangeInstants } from '../../core/time.js';
import { entero, idEntero, identificador, opcional, rango } from '../../api/input/schemas.js';
import { json, objeto, params, query } from '../../api/input/validate.js';

export const disponibilidadRoutes = new Hono<Env>();

/** Only admin and utsi edit the catalogue (direccion reads the figures). */
const editor = requireRoles(['admin', 'utsi'], 'Solo los roles admin y utsi pueden modificar el catálogo de servicios.');

const servicioParam = params(z.object({ id: identificador }));

/** 404 unless the service exists. */
async function existing(c: Context<Env>, id: string): Promise<void> {
  if (!(await getServicio(c.get('ctx').wh, id))) throw new HttpError(404, `No existe el servicio «${id}».`, { parametro: 'id' });
}

// ---- Figures ----
disponibilidadRoutes.get('/servicios', async (c) => c.json(await serviciosEstado(c.get('ctx').wh)));

/** Outages touching desde..hasta (Mexico City days, the shared default range). */
disponibilidadRoutes.get('/servicios/:id/caidas', servicioParam, query(rango), async (c) => {
  const { id } = c.req.valid('param');
  await existing(c, id);
  return c.json(await caidas(c.get('ctx').wh, id, dayRangeInstants(c.req.valid('query'))));
});

disponibilidadRoutes.get('/servicios/:id/diario', servicioParam, query(z.object({ dias: opcional(entero(1, 366)) })), async (c) => {
  const { id } = c.req.valid('param');
  await existing(c, id);
  return c.json(await diario(c.get('ctx').wh, id, c.req.valid('query').dias ?? 90));
});

disponibilidadRoutes.get('/servicios/:id/latencia', servicioParam, query(z.object({ horas: opcional(entero(1, 24 * 90)) })), async (c) => {
  const { id } = c.req.valid('param');
  await existing(c, id);
  return c.json(await latencia(c.get('ctx').wh, id, c.req.valid('query').horas ?? 168));
});

disponibilidadRoutes.get('/servicios/:id/verificaciones', servicioParam, query(z.object({ limite: opcional(entero(1, 2000)) })), async (c) => {
  const { id } = c.req.valid('param');
  await existing(c, id);
  return c.json(await verificaciones(c.get('ctx').wh, id, c.req.valid('query').limite ?? 100));
});

// ---- Catalogue (read: the domain's roles; write: admin, utsi; every write audited) ----
disponibilidadRoutes.get('/catalogo', async (c) => c.json(await listServicios(c.get('ctx').wh)));

disponibilidadRoutes.post('/catalogo', editor, json(objeto), async (c) => {
  return c.json(await createServicio(c.get('ctx').wh, c.req.valid('json'), c.get('user')!.usuario), 201);
});

disponibilidadRoutes.patch('/catalogo/:id', editor, servicioParam, json(objeto), async (c) => {
  return c.json(await updateServicio(c.get('ctx').wh, c.req.valid('param').id, c.req.valid('json'), c.get('user')!.usuario));
});

disponibilidadRoutes.delete('/catalogo/:id', editor, servicioParam, async (c) => {
  const { id } = c.req.valid('param');
  await deleteServicio(c.get('ctx').wh, id, c.get('user')!.usuario);
  return c.json({ eliminado: id });
});

disponibilidadRoutes.get('/mantenimientos', query(z.object({ servicio: opcional(identificador) })), async (c) =>
  c.json(await listMantenimientos(c.get('ctx').wh, c.req.valid('query').servicio)));

disponibilidadRoutes.post('/mantenimientos', editor, json(objeto), async (c) => {
  return c.json(await createMantenimiento(c.get('ctx').wh, c.req.valid('json'), c.get('user')!.usuario), 201);
});

disponibilidadRoutes.delete('/mantenimientos/:id', editor, params(idEntero), async (c) => {
  const { id } = c.req.valid('param');
  await deleteMantenimiento(c.get('ctx').wh, id, c.get('user')!.usuario);
  return c.json({ eliminado: id });
});
