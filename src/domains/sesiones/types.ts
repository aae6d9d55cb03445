/**
 * What /api/sesiones/… answers (DESIGN.md §3 Sessions, §6), its enums and their Spanish labels. Types and plain
 * constants only: the dashboard imports this module as $domains/sesiones/types.
 */

export const TIPOS_SESION = ['ordinaria', 'extraordinaria', 'urgente', 'solemne', 'permanente'] as const;
export type TipoSesion = (typeof TIPOS_SESION)[number];
export const TIPO_SESION_NOMBRE: Record<TipoSesion, string> = {
  ordinaria: 'Ordinaria', extraordinaria: 'Extraordinaria', urgente: 'Urgente', solemne: 'Solemne', permanente: 'Permanente',
};

/** GET /api/sesiones/configuracion */
export interface SesionesConfig {
  /** Minimum hours of notice by session type; null = no minimum (left out of anticipacion_cumplida_pct). */
  anticipacion_minima_horas: Record<TipoSesion, number | null>;
}

/** The figures over the sessions that started in the range, for the whole range or one group. */
export interface FigurasSesiones {
  sesiones: number;
  sin_quorum: number;
  anticipacion_cumplida_pct: number | null;
  actas_pendientes: number;
}

/** The figures of the whole range (GET /api/sesiones/resumen and the Resumen's card). */
export interface ResumenSesionesBasico extends FigurasSesiones {
  acuerdos: number;
  dias_publicacion_mediana: number | null;
  acuerdos_publicados: number;
  horas_anticipacion_mediana: number | null;
  anticipacion_incumplida: number;
  sesiones_con_minimo: number;
}

/** GET /api/sesiones/resumen */
export interface ResumenSesiones extends ResumenSesionesBasico {
  actualizado: string | null;
  desde: string;
  hasta: string;
  anticipacion_minima_horas: SesionesConfig['anticipacion_minima_horas'];
  por_mes: Array<{ mes: string; organo: string; tipo: string; sesiones: number }>;
  por_organo: Array<FigurasSesiones & { organo: string }>;
  por_tipo: Array<FigurasSesiones & { tipo: string; minimo_horas: number | null; horas_anticipacion_mediana: number | null }>;
  actas_pendientes_detalle: Array<{ organo: string; numero: number; anio: number; tipo: string; fecha_inicio: string; dias_pendiente: number }>;
  acuerdos_por_mes: Array<{ mes: string; acuerdos: number; publicados: number; dias_publicacion_mediana: number | null }>;
}

/** GET /api/sesiones: a session with its notice and whether it met the minimum. */
export interface Sesion {
  organo: string;
  numero: number;
  anio: number;
  tipo: string;
  fecha_convocatoria: string | null;
  fecha_inicio: string;
  fecha_fin: string | null;
  quorum: boolean | null;
  puntos: number | null;
  acta_aprobada_en: number | null;
  horas_anticipacion: number | null;
  minimo_horas: number | null;
  cumple: boolean | null;
}

/** GET /api/sesiones/acuerdos */
export interface Acuerdo {
  clave: string;
  organo: string | null;
  sesion_numero: number | null;
  fecha_aprobacion: string;
  rubro: string | null;
  votacion: string | null;
  votos_favor: number | null;
  votos_contra: number | null;
  fecha_publicacion: string | null;
  dias_publicacion: number | null;
}
