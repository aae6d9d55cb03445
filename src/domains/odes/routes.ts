import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Env } from '../../api/context.js';
import { requireRoles } from '../../api/middleware/roles/require-roles.js';
import { HttpError } from '../../core/errors.js';
import { configProblems, getOdesConfig, odesConfigSchema, proposedConfig, setOdesConfig } from './settings.js';
import { hastaShape, opcion, opcional, proceso, texto } from '../../api/input/schemas.js';
import { json, params, query } from '../../api/input/validate.js';
import { paginaDe, paginaShape, paginar, respuestaPagina } from '../../api/input/pagina.js';
import { consejoDetalle, cumplimiento, listProcesos, resolveProceso, tendencia, valorOrdenCumplimiento } from './queries.js';
import { COMPONENTES, COMPONENTE_NOMBRE, CUMPLIMIENTO_ORDEN } from './types.js';

/** UTVODES: compliance of the district and municipal councils (DESIGN.md §3, §6). */
export const odesRoutes = new Hono<Env>();

/** proceso (default: the latest) and hasta (default: today in Mexico City). */
const corteShape = { proceso: opcional(proceso), ...hastaShape };

/** The process asked for (404 when it has no councils), or the latest; null when none is loaded. */
async function procesoDe(c: Context<Env>, pedido: string | undefined) {
  const p = await resolveProceso(c.get('ctx').wh, pedido);
  if (!p && pedido) throw new HttpError(404, `No hay consejos cargados del proceso «${pedido}».`, { parametro: 'proceso' });
  return p;
}

odesRoutes.get('/procesos', async (c) => c.json(await listProcesos(c.get('ctx').wh)));

/**
 * Every council weakest first, or a page of them (limite, desde_fila, orden, dir) with the total in X-Total-Count;
 * X-Bajo-Desempeno counts the councils under the threshold among all those asked for (not only the page's).
 */
odesRoutes.get('/cumplimiento', query(z.object({ ...corteShape, tipo: opcional(opcion(['distrital', 'municipal'])), ...paginaShape(CUMPLIMIENTO_ORDEN) })), async (c) => {
  const q = c.req.valid('query');
  const pg = paginaDe(q);
  const p = await procesoDe(c, q.proceso);
  if (!p) return respuestaPagina(c, { filas: [], total: 0 }, pg);
  const cfg = await getOdesConfig(c.get('ctx').wh);
  const rows = await cumplimiento(c.get('ctx').wh, p, q.hasta, cfg, q.tipo);
  c.header('X-Proceso', p.proceso);
  c.header('X-Bajo-Desempeno', String(rows.filter((r) => r.bajo_desempeno).length));
  return respuestaPagina(c, paginar(rows, pg, valorOrdenCumplimiento), pg);
});

odesRoutes.get('/tendencia', query(z.object({ ...corteShape, clave: opcional(texto(20)) })), async (c) => {
  const q = c.req.valid('query');
  const p = await procesoDe(c, q.proceso);
  if (!p) return c.json({ proceso: null, hasta: q.hasta, fechas: [], promedio: [], consejos: [] });
  const cfg = await getOdesConfig(c.get('ctx').wh);
  const t = await tendencia(c.get('ctx').wh, p, q.hasta, cfg, q.clave ?? '');
  return c.json({ ...t, detalle: undefined });
});

odesRoutes.get('/consejos/:clave', params(z.object({ clave: texto(20) })), query(z.object(corteShape)), async (c) => {
  const q = c.req.valid('query');
  const clave = c.req.valid('param').clave.toUpperCase();
  const p = await procesoDe(c, q.proceso);
  if (!p) throw new HttpError(404, 'No hay consejos cargados.');
  const cfg = await getOdesConfig(c.get('ctx').wh);
  const d = await consejoDetalle(c.get('ctx').wh, p, clave, q.hasta, cfg);
  if (!d) throw new HttpError(404, `No existe el consejo «${clave}» en el proceso ${p.proceso}.`, { parametro: 'clave' });
  return c.json(d);
});

odesRoutes.get('/configuracion', async (c) => {
  const cfg = await getOdesConfig(c.get('ctx').wh);
  return c.json({ ...cfg, componentes: COMPONENTES.map((k) => ({ clave: k, nombre: COMPONENTE_NOMBRE[k], peso: cfg.pesos[k] })) });
});

const editor = requireRoles(['admin', 'utvodes'], 'Solo Administración y UTVODES pueden cambiar la configuración de ODES.');

odesRoutes.put('/configuracion', editor, json(odesConfigSchema), async (c) => {
  const user = c.get('user')!;
  const patch = c.req.valid('json');
  const { wh } = c.get('ctx');
  const problems = configProblems((await proposedConfig(wh, patch)).despues);
  if (problems.length) throw new HttpError(400, problems.join(' '), { parametro: 'cuerpo' });
  return c.json(await setOdesConfig(wh, user.usuario, patch));
});
