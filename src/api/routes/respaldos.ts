import { Hono } from 'hono';
import { auditEvent } from '../../audit/log.js';
import { createBackup } from '../../backup/create.js';
import { backupStatus } from '../../backup/status.js';
import { listBackups } from '../../backup/store.js';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';

/** Admin: the warehouse backups (`atalaya respaldo crear|listar` talk to these while a server holds the file). */
export const respaldosRoutes = new Hono<Env>();
respaldosRoutes.use('*', requireAccess('procesos'));

respaldosRoutes.get('/', async (c) => {
  const { wh, config } = c.get('ctx');
  const estado = await backupStatus(wh, config.dataDir);
  return c.json({ ...estado, respaldos: listBackups(config.dataDir).reverse() });
});

respaldosRoutes.post('/', async (c) => {
  const ctx = c.get('ctx');
  const track = ctx.tasks ? <T>(p: Promise<T>) => ctx.tasks!.track(p) : <T>(p: Promise<T>) => p;
  try {
    const r = await track(createBackup(ctx.wh, ctx.config.dataDir, 'manual'));
    await auditEvent(ctx.wh, c.get('user')!.usuario, 'respaldo.crear', r.nombre, null, { bytes: r.bytes });
    return c.json(r, 201);
  } catch (e) {
    return c.json({ error: `${(e as Error).message}.` }, 503);
  }
});
