import { Hono } from 'hono';
import { z } from 'zod';
import type { Env } from '../../api/context.js';
import { idEntero, texto } from '../../api/input/schemas.js';
import { json, params } from '../../api/input/validate.js';
import { esperado } from '../../core/errors.js';
import { actualizarIncidente, crearIncidente, incidentesPublicos, listarIncidentes } from './queries.js';
import { ESTADOS_INCIDENTE, IMPACTOS } from './types.js';

const estado = z.enum(ESTADOS_INCIDENTE, { error: esperado(`debe ser uno de: ${ESTADOS_INCIDENTE.join(', ')}`) });
const mensaje = texto(4000).trim().min(1, 'no puede estar vacío');

const nuevoIncidente = z.object({
  titulo: texto(200).trim().min(1, 'no puede estar vacío'),
  impacto: z.enum(IMPACTOS, { error: esperado(`debe ser uno de: ${IMPACTOS.join(', ')}`) }).default('menor'),
  estado: estado.default('investigando'),
  mensaje,
  servicios: z.array(texto(120).trim().min(1, 'no puede estar vacío'), { error: esperado('debe ser una lista de nombres de servicios') }).max(50, 'admite a lo más 50 servicios').default([]),
});

const actualizacion = z.object({ estado, mensaje });

/** UTSI and admin (the domain's roles): the incidents of the status page, with every update. */
export const estadoRoutes = new Hono<Env>();

estadoRoutes.get('/incidentes', async (c) => c.json(await listarIncidentes(c.get('ctx').wh)));

estadoRoutes.post('/incidentes', json(nuevoIncidente), async (c) => {
  const id = await crearIncidente(c.get('ctx').wh, c.get('user')!.usuario, c.req.valid('json'));
  return c.json({ id }, 201);
});

estadoRoutes.post('/incidentes/:id/actualizaciones', params(idEntero), json(actualizacion), async (c) => {
  const id = await actualizarIncidente(c.get('ctx').wh, c.get('user')!.usuario, c.req.valid('param').id, c.req.valid('json'));
  return c.json({ id }, 201);
});

/** Public (no session): what /estado shows — open incidents and those resolved in the last 90 days, no authors. */
export const incidentesPublicosRoutes = new Hono<Env>();

incidentesPublicosRoutes.get('/', async (c) => {
  c.header('cache-control', 'public, max-age=30');
  return c.json(await incidentesPublicos(c.get('ctx').wh));
});
