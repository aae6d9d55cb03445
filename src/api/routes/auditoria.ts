import { Hono } from 'hono';
import { auditActions, auditLog } from '../../audit/query.js';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { conRango, opcional, paginacion, texto } from '../input/schemas.js';
import { query } from '../input/validate.js';

/** Admin: the audit log (DESIGN.md §6 Audit). */
export const auditoriaRoutes = new Hono<Env>();
auditoriaRoutes.use('*', requireAccess('usuarios'));

export const auditoriaQuery = conRango({
  usuario: opcional(texto(100)),
  accion: opcional(texto(100)),
  ...paginacion(1000, 10_000),
});

/** ?desde=&hasta=&usuario=&accion=&limite=&desde_fila= → [{fecha, usuario, accion, objeto, antes, despues, direccion}]. */
auditoriaRoutes.get('/', query(auditoriaQuery), async (c) => c.json(await auditLog(c.get('ctx').wh, c.req.valid('query'))));

auditoriaRoutes.get('/acciones', async (c) => c.json(await auditActions(c.get('ctx').wh)));
