/**
 * What /api/sesiones/… answers (DESIGN.md §3 Sessions, §6), its enums and their Spanish labels. Types and plain
 * constants only: the dashboard imports this module as $domains/sesiones/types.
 */

export const TIPOS_SESION = ['ordinaria', 'extraordinaria', 'urgente', 'solemne', 'permanente'] as const;
export type TipoSesion = (typeof TIPOS_SESION)[number];
export const TIPO_SESION_NOMBRE: Record<TipoSesion, string> = {
  ordinaria: 'Ordinaria', extraordinaria: 'Extraordinaria', urgente: 'Urgente', solemne: 'Solemne', permanente: 'Permanente',
};

/** Why a session does not comply with its minimum notice (`motivo` of GET /api/sesiones). */
export const SIN_CONVOCATORIA = 'sin fecha de convocatoria';
export const ANTICIPACION_INSUFICIENTE = 'anticipación menor al mínimo';

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
  /** Sessions of a type with a minimum and no fecha_convocatoria: they count as not complying. */
  sin_fecha_convocatoria: number;
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

/** Columns GET /api/sesiones sorts by (`orden`). */
export const SESIONES_ORDEN = [
  'organo', 'numero', 'anio', 'tipo', 'fecha_convocatoria', 'fecha_inicio', 'fecha_fin', 'quorum', 'puntos', 'horas_anticipacion', 'minimo_horas',
  'cumple', 'motivo', 'acta_aprobada_en',
] as const;

/** Columns GET /api/sesiones/acuerdos sorts by (`orden`). */
export const ACUERDOS_ORDEN = [
  'clave', 'organo', 'sesion_numero', 'fecha_aprobacion', 'rubro', 'votacion', 'votos_favor', 'votos_contra', 'fecha_publicacion', 'dias_publicacion',
] as const;

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
  /** null when its type has no minimum (left out of anticipacion_cumplida_pct); false without fecha_convocatoria. */
  cumple: boolean | null;
  /** Why it does not comply: «sin fecha de convocatoria» or «anticipación menor al mínimo»; null otherwise. */
  motivo: string | null;
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
