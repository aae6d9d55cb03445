import { Hono } from 'hono';
import { z } from 'zod';
import { auditEvent } from '../../audit/log.js';
import { exportParquet } from '../../db/export.js';
import { exportTarget } from '../../core/export-target.js';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { texto } from '../input/schemas.js';
import { json } from '../input/validate.js';

export const exportarRoutes = new Hono<Env>();

/**
 * Admin: writes the core tables as partitioned Parquet into a folder on the server's machine: `destino` under
 * `<data folder>/exportes` or ATALAYA_EXPORT_DIR (relative to it, or absolute inside it); default a new folder.
 */
exportarRoutes.post('/parquet', requireAccess('procesos'), json(z.object({ destino: texto(1000).optional() }), { opcional: true }), async (c) => {
  const { wh, config } = c.get('ctx');
  const destino = exportTarget(config, c.req.valid('json').destino);
  const tablas = await exportParquet(wh, destino);
  await auditEvent(wh, c.get('user')!.usuario, 'almacen.exportar_parquet', destino, null, { tablas: tablas.length });
  return c.json({ destino, tablas });
});
