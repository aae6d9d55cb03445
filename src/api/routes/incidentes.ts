import { Hono, type Context } from 'hono';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import {
  backlogPorEdad, desglose, DIMENSIONES, EDADES, historial, listaTickets, opciones, resumen, semanal,
  type Conjunto, type Dimension, type Edad, type Filtros,
} from '../queries/incidentes.js';

/** UTSI help desk figures (DESIGN.md §3 Incidents): /api/incidentes/… */
export const incidentesRoutes = new Hono<Env>();
incidentesRoutes.use('*', requireAccess('incidentes'));

const ISO = /^\d{4}-\d{2}-\d{2}$/;

class BadRequest extends Error {}

function todayMx(): string {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'America/Mexico_City' });
}

function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const validDate = (s: string): boolean => ISO.test(s) && !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** desde/hasta (ISO; default the last 365 days to today, Mexico City) and the filters of the page. */
function filtros(c: Context<Env>): Filtros {
  const hasta = c.req.query('hasta') || todayMx();
  const desde = c.req.query('desde') || daysBefore(hasta, 365);
  if (!validDate(desde) || !validDate(hasta)) throw new BadRequest('Las fechas «desde» y «hasta» deben tener el formato aaaa-mm-dd.');
  if (desde > hasta) throw new BadRequest('La fecha «desde» es posterior a «hasta».');
  const p = c.req.query('prioridad');
  let prioridad: number | null = null;
  if (p) {
    prioridad = Number(p);
    if (!Number.isInteger(prioridad) || prioridad < 1 || prioridad > 6) throw new BadRequest('La prioridad debe ser un número entero de 1 a 6.');
  }
  const text = (k: string): string | null => c.req.query(k)?.trim() || null;
  return { desde, hasta, prioridad, categoria: text('categoria'), servicio: text('servicio'), area: text('area'), clave_odes: text('clave_odes') };
}

async function guarded(c: Context<Env>, fn: (f: Filtros) => Promise<unknown>): Promise<Response> {
  let f: Filtros;
  try {
    f = filtros(c);
  } catch (e) {
    if (e instanceof BadRequest) return c.json({ error: e.message }, 400);
    throw e;
  }
  return c.json(await fn(f));
}

incidentesRoutes.get('/resumen', (c) => guarded(c, (f) => resumen(c.get('ctx').wh, f)));

incidentesRoutes.get('/semanal', (c) => guarded(c, (f) => semanal(c.get('ctx').wh, f)));

incidentesRoutes.get('/backlog', (c) => guarded(c, (f) => backlogPorEdad(c.get('ctx').wh, f)));

incidentesRoutes.get('/desglose', (c) => {
  const dim = (c.req.query('dimension') ?? 'categoria') as Dimension;
  if (!(DIMENSIONES as readonly string[]).includes(dim)) {
    return c.json({ error: `Dimensión desconocida; use una de: ${DIMENSIONES.join(', ')}.` }, 400);
  }
  return guarded(c, (f) => desglose(c.get('ctx').wh, f, dim));
});

incidentesRoutes.get('/opciones', async (c) => c.json(await opciones(c.get('ctx').wh)));

const CONJUNTOS: readonly Conjunto[] = ['todos', 'abiertos', 'resueltos', 'backlog'];

incidentesRoutes.get('/tickets', (c) => {
  const conjunto = (c.req.query('conjunto') || 'todos') as Conjunto;
  if (!CONJUNTOS.includes(conjunto)) return c.json({ error: `Conjunto desconocido; use uno de: ${CONJUNTOS.join(', ')}.` }, 400);
  const semana = c.req.query('semana') || null;
  if (semana && !validDate(semana)) return c.json({ error: 'La semana debe tener el formato aaaa-mm-dd.' }, 400);
  const edad = (c.req.query('edad') || null) as Edad | null;
  if (edad && !EDADES.some((e) => e.clave === edad)) return c.json({ error: 'Rango de antigüedad desconocido.' }, 400);
  return guarded(c, (f) => listaTickets(c.get('ctx').wh, { ...f, conjunto, semana, edad }));
});

incidentesRoutes.get('/tickets/:id/historial', async (c) => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id)) return c.json({ error: 'Número de ticket inválido.' }, 400);
  return c.json(await historial(c.get('ctx').wh, id));
});
