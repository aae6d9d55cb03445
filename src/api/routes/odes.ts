import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { configProblems, getOdesConfig, mergeConfig, odesConfigSchema, setOdesConfig, COMPONENTES, COMPONENTE_NOMBRE } from '../../odes/config.js';
import { consejoDetalle, cumplimiento, listProcesos, parseIsoDate, resolveProceso, tendencia, todayMx } from '../queries/odes.js';

/** UTVODES: compliance of the district and municipal councils (DESIGN.md §3, §6). */
export const odesRoutes = new Hono<Env>();
odesRoutes.use('*', requireAccess('odes'));

/** Resolves proceso (default: the latest) and hasta (default: today in Mexico City), or answers the error. */
async function params(c: Context<Env>) {
  const { wh } = c.get('ctx');
  const rawHasta = c.req.query('hasta');
  const hasta = rawHasta ? parseIsoDate(rawHasta) : todayMx();
  if (!hasta) return { error: c.json({ error: `Fecha «hasta» inválida: «${rawHasta}». Use el formato aaaa-mm-dd.` }, 400) };
  const pedido = c.req.query('proceso') || undefined;
  const p = await resolveProceso(wh, pedido);
  if (!p && pedido) return { error: c.json({ error: `No hay consejos cargados del proceso «${pedido}».` }, 404) };
  return { p, hasta };
}

odesRoutes.get('/procesos', async (c) => c.json(await listProcesos(c.get('ctx').wh)));

odesRoutes.get('/cumplimiento', async (c) => {
  const r = await params(c);
  if ('error' in r) return r.error;
  if (!r.p) return c.json([]);
  const tipo = c.req.query('tipo');
  if (tipo && tipo !== 'distrital' && tipo !== 'municipal') return c.json({ error: 'El tipo debe ser «distrital» o «municipal».' }, 400);
  const cfg = await getOdesConfig(c.get('ctx').wh);
  c.header('X-Proceso', r.p.proceso);
  return c.json(await cumplimiento(c.get('ctx').wh, r.p, r.hasta, cfg, tipo));
});

odesRoutes.get('/tendencia', async (c) => {
  const r = await params(c);
  if ('error' in r) return r.error;
  if (!r.p) return c.json({ proceso: null, hasta: r.hasta, fechas: [], promedio: [], consejos: [] });
  const cfg = await getOdesConfig(c.get('ctx').wh);
  const clave = c.req.query('clave') ?? '';
  const t = await tendencia(c.get('ctx').wh, r.p, r.hasta, cfg, clave);
  return c.json({ ...t, detalle: undefined });
});

odesRoutes.get('/consejos/:clave', async (c) => {
  const r = await params(c);
  if ('error' in r) return r.error;
  const clave = c.req.param('clave').toUpperCase();
  if (!r.p) return c.json({ error: 'No hay consejos cargados.' }, 404);
  const cfg = await getOdesConfig(c.get('ctx').wh);
  const d = await consejoDetalle(c.get('ctx').wh, r.p, clave, r.hasta, cfg);
  if (!d) return c.json({ error: `No existe el consejo «${clave}» en el proceso ${r.p.proceso}.` }, 404);
  return c.json(d);
});

odesRoutes.get('/configuracion', async (c) => {
  const cfg = await getOdesConfig(c.get('ctx').wh);
  return c.json({ ...cfg, componentes: COMPONENTES.map((k) => ({ clave: k, nombre: COMPONENTE_NOMBRE[k], peso: cfg.pesos[k] })) });
});

odesRoutes.put('/configuracion', async (c) => {
  const user = c.get('user')!;
  if (user.rol !== 'admin' && user.rol !== 'utvodes') return c.json({ error: 'Solo Administración y UTVODES pueden cambiar la configuración de ODES.' }, 403);
  const body = await c.req.json().catch(() => null);
  const parsed = odesConfigSchema.safeParse(body);
  if (!parsed.success) {
    return c.json({ error: `Configuración inválida: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'cuerpo'}: ${i.message}`).join('; ')}` }, 400);
  }
  const { wh } = c.get('ctx');
  const { actualizado_en: _a, ...actual } = await getOdesConfig(wh);
  const problems = configProblems(mergeConfig(actual, parsed.data));
  if (problems.length) return c.json({ error: problems.join(' ') }, 400);
  return c.json(await setOdesConfig(wh, user.usuario, parsed.data));
});
