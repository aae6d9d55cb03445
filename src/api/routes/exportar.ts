import path from 'node:path';
import { Hono } from 'hono';
import { audit } from '../../audit/log.js';
import { exportParquet } from '../../db/export.js';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';

export const exportarRoutes = new Hono<Env>();

/** Admin: writes the core tables as partitioned Parquet into a folder on the server's machine. */
exportarRoutes.post('/parquet', requireAccess('procesos'), async (c) => {
  const body = (await c.req.json().catch(() => ({}))) as { destino?: unknown };
  if (typeof body.destino !== 'string' || !path.isAbsolute(body.destino)) return c.json({ error: 'Indique «destino», una ruta absoluta en el servidor.' }, 400);
  const tablas = await exportParquet(c.get('ctx').wh, body.destino);
  await audit(c.get('ctx').wh, c.get('user')!.usuario, 'almacen.exportar_parquet', body.destino, null, { tablas: tablas.length });
  return c.json({ tablas });
});
