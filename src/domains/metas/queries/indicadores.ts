import type { Warehouse } from '../../../db/warehouse.js';
import { INDICADORES_SQL } from '../sql.js';
import type { MedicionIndicador } from '../types.js';

/** Every measurement of the ejercicio's indicators with its ficha técnica (DESIGN.md §3, §6). */
export async function listaIndicadores(wh: Warehouse, f: { ejercicio: number; area: string; clave?: string }): Promise<MedicionIndicador[]> {
  return wh.all<MedicionIndicador>(INDICADORES_SQL, { ejercicio: f.ejercicio, area: f.area, clave: f.clave ?? '' });
}
