import type { Warehouse } from '../../db/warehouse.js';
import { CUARENTENA_ORDEN } from '../../core/cuarentena.js';
import type { Pagina } from '../input/pagina.js';

export interface FilaCuarentena {
  pipeline: string;
  ejecucion_id: number;
  archivo: string;
  hoja: string | null;
  fila: number | null;
  campo: string | null;
  motivo: string;
  valor: string | null;
  registrada_en: string;
}

/** A read without `limite` (the downloads) stops here, as it always has: the quarantine of a huge bad file is long. */
export const CUARENTENA_MAX = 10_000;

const COLUMNAS = `pipeline, ejecucion_id, archivo, hoja, fila, campo, motivo, valor, registrada_en`;
const WHERE = `WHERE $1::VARCHAR IS NULL OR pipeline = $1`;
/** Newest run first, then file and row as a spreadsheet shows them; a sort column goes first (empty values last). */
const ORDEN_BASE = 'ejecucion_id DESC, archivo, fila NULLS FIRST, campo';
const ordenCuarentena = (p: Pagina): string => (p.orden ? `"${p.orden}" ${p.dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, ${ORDEN_BASE}` : ORDEN_BASE);

/**
 * One page of the quarantine (of one pipeline, or of all) sorted in SQL, and how many rows it holds in all; without
 * `p.limite`, up to CUARENTENA_MAX rows from `p.desde_fila`. `p.orden` is one of CUARENTENA_ORDEN, checked by the
 * route and again here, since it is written into the SQL.
 */
export async function paginaCuarentena(wh: Warehouse, pipeline: string | null, p: Pagina): Promise<{ filas: FilaCuarentena[]; total: number }> {
  if (p.orden && !(CUARENTENA_ORDEN as readonly string[]).includes(p.orden)) throw new Error(`columna desconocida: ${p.orden}`);
  const limite = Math.min(p.limite ?? CUARENTENA_MAX, CUARENTENA_MAX);
  const [filas, total] = await Promise.all([
    wh.all<FilaCuarentena>(`SELECT ${COLUMNAS} FROM ops.cuarentena ${WHERE} ORDER BY ${ordenCuarentena(p)} LIMIT $2 OFFSET $3`, [pipeline, limite, p.desde_fila]),
    wh.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ops.cuarentena ${WHERE}`, [pipeline]),
  ]);
  return { filas, total: total?.n ?? 0 };
}
