import type { Warehouse } from '../../../db/warehouse.js';
import { INDICADORES_SQL } from '../sql.js';
import type { Semaforo } from '../rules.js';

export interface MedicionIndicador {
  clave: string;
  periodo: string;
  mes_fin: number | null;
  valor: number | null;
  meta_periodo: number | null;
  avance_pct: number | null;
  semaforo: Semaforo | null;
  numerador: number | null;
  denominador: number | null;
  ejercicio: number;
  nombre: string;
  nivel: string | null;
  dimension: string | null;
  metodo_calculo: string | null;
  unidad_medida: string | null;
  frecuencia: string | null;
  linea_base: number | null;
  meta: number | null;
  sentido: string | null;
  area: string | null;
  umbral_verde: number;
  umbral_amarillo: number;
}

/** Every measurement of the ejercicio's indicators with its ficha técnica (DESIGN.md §3, §6). */
export async function listaIndicadores(wh: Warehouse, f: { ejercicio: number; area: string; clave?: string }): Promise<MedicionIndicador[]> {
  return wh.all<MedicionIndicador>(INDICADORES_SQL, { ejercicio: f.ejercicio, area: f.area, clave: f.clave ?? '' });
}
