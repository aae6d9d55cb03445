/** The shapes /api/oficialia answers with, and the Spanish names of its codes. */
export interface Agg { recibidas: number; atendidas: number; backlog: number; horas_atencion_mediana: number | null; horas_atencion_p90: number | null; en_plazo_pct: number | null }
export interface Resumen extends Agg {
  desde: string; hasta: string; plazo_horas: number; actualizado: string | null;
  horas_evaluacion_mediana: number | null; horas_evaluacion_p90: number | null; prevenciones: number; prevenciones_respondidas: number;
  horas_respuesta_prevencion_mediana: number | null; no_presentadas: number; backlog_horas_antiguedad_mediana: number | null;
  por_organo: Array<Agg & { organo: string; ambito: string }>;
  por_tipo: Array<Agg & { tipo_peticionario: string }>;
  semanal: Array<{ semana: string; recibidas: number; oficinas_centrales: number; consejos_distritales: number; consejos_municipales: number; en_plazo_pct: number | null }>;
  antiguedad_backlog: Array<{ rango: string; peticiones: number }>;
}
export type Peticion = Record<string, unknown>;

export const TIPOS: Record<string, string> = { PP: 'Partido político', CI: 'Candidatura independiente', OI: 'Otro interesado' };
export const AMBITOS: Record<string, string> = { oc: 'Oficinas centrales', distrital: 'Consejos distritales', municipal: 'Consejos municipales' };
export const ESTADOS: Record<string, string> = { recibida: 'Recibida', prevenida: 'Prevenida', procedente: 'Procedente', improcedente: 'Improcedente', no_presentada: 'No presentada', atendida: 'Atendida' };
