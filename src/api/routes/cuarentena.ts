import { Hono } from 'hono';
import Papa from 'papaparse';
import { z } from 'zod';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { identificador, opcion, opcional } from '../input/schemas.js';
import { paginaDe, paginaShape, paginar, respuestaPagina } from '../input/pagina.js';
import { query } from '../input/validate.js';

export const cuarentenaRoutes = new Hono<Env>();
cuarentenaRoutes.use('*', requireAccess('procesos'));

/** Rows set aside by the runner: file, spreadsheet row (header = 1), field and reason. `formato=csv` downloads. */
/** Columns the list sorts by (`orden`). */
const CUARENTENA_ORDEN = ['pipeline', 'ejecucion_id', 'archivo', 'hoja', 'fila', 'campo', 'motivo', 'valor', 'registrada_en'] as const;
const cuarentenaQuery = z.object({ pipeline: opcional(identificador), formato: opcional(opcion(['json', 'csv'])), ...paginaShape(CUARENTENA_ORDEN) });

cuarentenaRoutes.get('/', query(cuarentenaQuery), async (c) => {
  const { wh } = c.get('ctx');
  const q = c.req.valid('query');
  const pipeline = q.pipeline ?? null;
  const rows = await wh.all<{ pipeline: string; ejecucion_id: number; archivo: string; hoja: string | null; fila: number | null; campo: string | null; motivo: string; valor: string | null; registrada_en: string }>(
    `SELECT pipeline, ejecucion_id, archivo, hoja, fila, campo, motivo, valor, registrada_en FROM ops.cuarentena
     WHERE $1::VARCHAR IS NULL OR pipeline = $1 ORDER BY ejecucion_id DESC, archivo, fila NULLS FIRST, campo LIMIT 10000`,
    [pipeline],
  );
  if (q.formato === 'csv') {
    const csv = Papa.unparse(rows.map((r) => ({ proceso: r.pipeline, ejecucion: r.ejecucion_id, archivo: r.archivo, fila: r.fila ?? '', campo: r.campo ?? '', motivo: r.motivo, valor: r.valor ?? '', hoja: r.hoja ?? '' })));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="cuarentena${pipeline ? '_' + pipeline : ''}.csv"`);
    return c.body('\ufeff' + csv);
  }
  // A page (limite, desde_fila, orden, dir) with the total in X-Total-Count; without limite, every row as before.
  const p = paginaDe(q);
  return respuestaPagina(c, paginar(rows, p), p);
});
