import { Hono } from 'hono';
import { z } from 'zod';
import type { Env } from '../../api/context.js';
import { conRango, entero, fecha, opcion, opcional, texto } from '../../api/input/schemas.js';
import { paginaDe, paginaShape, respuestaPagina } from '../../api/input/pagina.js';
import { params, query } from '../../api/input/validate.js';
import { backlogPorEdad, desglose, historial, opciones, paginaTickets, resumen, semanal, type Filtros } from './queries.js';
import { CONJUNTOS, DIMENSIONES, EDADES, TICKETS_ORDEN, type Edad } from './types.js';

/** UTSI help desk figures (DESIGN.md §3 Incidents): /api/incidentes/… */
export const incidentesRoutes = new Hono<Env>();

/** The page's filters: desde/hasta (the shared range) and the dimensions a user narrows by. */
const filtrosShape = {
  prioridad: opcional(entero(1, 6)),
  categoria: opcional(texto()),
  servicio: opcional(texto()),
  area: opcional(texto()),
  clave_odes: opcional(texto(20)),
};
const filtrosQuery = conRango(filtrosShape);

/** The parsed query as the figures' filter (absent and blank values are null). */
function filtros(q: z.infer<typeof filtrosQuery>): Filtros {
  const t = (v: string | undefined): string | null => v?.trim() || null;
  return { desde: q.desde, hasta: q.hasta, prioridad: q.prioridad ?? null, categoria: t(q.categoria), servicio: t(q.servicio), area: t(q.area), clave_odes: t(q.clave_odes) };
}

incidentesRoutes.get('/resumen', query(filtrosQuery), async (c) => c.json(await resumen(c.get('ctx').wh, filtros(c.req.valid('query')))));

incidentesRoutes.get('/semanal', query(filtrosQuery), async (c) => c.json(await semanal(c.get('ctx').wh, filtros(c.req.valid('query')))));

incidentesRoutes.get('/backlog', query(filtrosQuery), async (c) => c.json(await backlogPorEdad(c.get('ctx').wh, filtros(c.req.valid('query')))));

const desgloseQuery = conRango({ ...filtrosShape, dimension: opcional(opcion(DIMENSIONES)) });
incidentesRoutes.get('/desglose', query(desgloseQuery), async (c) => {
  const q = c.req.valid('query');
  return c.json(await desglose(c.get('ctx').wh, filtros(q), q.dimension ?? 'categoria'));
});

incidentesRoutes.get('/opciones', async (c) => c.json(await opciones(c.get('ctx').wh)));

const EDAD_CLAVES = EDADES.map((e) => e.clave) as [Edad, ...Edad[]];
const ticketsQuery = conRango({
  ...filtrosShape,
  conjunto: opcional(opcion(CONJUNTOS)),
  semana: opcional(fecha),
  edad: opcional(opcion(EDAD_CLAVES)),
  ...paginaShape(TICKETS_ORDEN),
});
/** The tickets behind the figures: a page (limite, desde_fila, orden, dir) with the total in X-Total-Count. */
incidentesRoutes.get('/tickets', query(ticketsQuery), async (c) => {
  const q = c.req.valid('query');
  const p = paginaDe(q);
  const r = await paginaTickets(c.get('ctx').wh, { ...filtros(q), conjunto: q.conjunto ?? 'todos', semana: q.semana ?? null, edad: q.edad ?? null }, p);
  return respuestaPagina(c, r, p);
});

incidentesRoutes.get('/tickets/:id/historial', params(z.object({ id: entero(0, Number.MAX_SAFE_INTEGER) })), async (c) =>
  c.json(await historial(c.get('ctx').wh, c.req.valid('param').id)));
