/** The shapes /api/sesiones answers with. */
export interface Agg { sesiones: number; sin_quorum: number; anticipacion_cumplida_pct: number | null; actas_pendientes: number }
export interface Resumen extends Agg {
  desde: string; hasta: string; actualizado: string | null;
  acuerdos: number; acuerdos_publicados: number; dias_publicacion_mediana: number | null; horas_anticipacion_mediana: number | null;
  sin_fecha_convocatoria: number;
  anticipacion_minima_horas: Record<string, number | null>;
  por_mes: Array<{ mes: string; organo: string; tipo: string; sesiones: number }>;
  por_organo: Array<Agg & { organo: string }>;
  por_tipo: Array<Agg & { tipo: string; minimo_horas: number | null; horas_anticipacion_mediana: number | null }>;
  actas_pendientes_detalle: Array<{ organo: string; numero: number; anio: number; tipo: string; fecha_inicio: string; dias_pendiente: number }>;
  acuerdos_por_mes: Array<{ mes: string; acuerdos: number; publicados: number; dias_publicacion_mediana: number | null }>;
}
export type Fila = Record<string, unknown>;

export const TIPOS = ['ordinaria', 'extraordinaria', 'urgente', 'solemne', 'permanente'];
export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
