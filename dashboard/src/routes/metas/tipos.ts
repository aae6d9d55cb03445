import type { Semaforo } from './shared';

/** The shapes /api/metas and /api/indicadores answer with. */
export interface Conteos { verde: number; amarillo: number; rojo: number; rebasada: number; sin_meta: number; avance_pct: number | null; reportes_tardios: number; meses_sin_reporte: number }
export interface Resumen extends Conteos {
  ejercicio: number; trimestre: number; actividades: number; actualizado: string | null;
  por_area: Array<Conteos & { area: string }>;
  por_programa: Array<Conteos & { programa: string; nombre: string | null }>;
  por_programa_especifico: Array<Conteos & { programa_especifico: string; nombre: string | null }>;
}
export interface Actividad {
  programa: string; programa_especifico: string; programa_especifico_nombre: string | null; area: string; num_actividad: number;
  descripcion: string | null; unidad_medida: string | null; estatus: string | null; programado: number; realizado: number;
  avance_pct: number | null; semaforo: Semaforo; clasificacion: string | null; programado_mensual: number[];
  realizado_mensual: Array<number | null>; reportes_tardios: number; meses_sin_reporte: number; ultimo_reporte: string | null;
}
export interface Medicion {
  clave: string; periodo: string; mes_fin: number | null; valor: number | null; meta_periodo: number | null; avance_pct: number | null;
  semaforo: Semaforo | null; numerador: number | null; denominador: number | null; nombre: string; nivel: string | null;
  dimension: string | null; metodo_calculo: string | null; unidad_medida: string | null; frecuencia: string | null;
  linea_base: number | null; meta: number | null; sentido: string | null; area: string | null; umbral_verde: number; umbral_amarillo: number;
}
