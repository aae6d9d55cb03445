import { Hono } from 'hono';
import Papa from 'papaparse';
import { z } from 'zod';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { identificador, opcion, opcional } from '../input/schemas.js';
import { paginaDe, paginaShape, respuestaPagina } from '../input/pagina.js';
import { query } from '../input/validate.js';
import { CUARENTENA_ORDEN } from '../../core/cuarentena.js';
import { paginaCuarentena } from '../queries/cuarentena.js';

export const cuarentenaRoutes = new Hono<Env>();
cuarentenaRoutes.use('*', requireAccess('procesos'));

const cuarentenaQuery = z.object({ pipeline: opcional(identificador), formato: opcional(opcion(['json', 'csv'])), ...paginaShape(CUARENTENA_ORDEN) });

/**
 * Rows set aside by the runner: file, spreadsheet row (header = 1), field and reason. A page (limite, desde_fila,
 * orden, dir) read and sorted in SQL, the total in X-Total-Count; without limite, every row as before; `formato=csv`
 * downloads them.
 */
cuarentenaRoutes.get('/', query(cuarentenaQuery), async (c) => {
  const { wh } = c.get('ctx');
  const q = c.req.valid('query');
  const pipeline = q.pipeline ?? null;
  const p = paginaDe(q);
  const r = await paginaCuarentena(wh, pipeline, p);
  if (q.formato === 'csv') {
    const csv = Papa.unparse(r.filas.map((f) => ({ proceso: f.pipeline, ejecucion: f.ejecucion_id, archivo: f.archivo, fila: f.fila ?? '', campo: f.campo ?? '', motivo: f.motivo, valor: f.valor ?? '', hoja: f.hoja ?? '' })));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="cuarentena${pipeline ? '_' + pipeline : ''}.csv"`);
    return c.body('\ufeff' + csv);
  }
  return respuestaPagina(c, r, p);
});
