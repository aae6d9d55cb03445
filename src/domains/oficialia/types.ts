/**
 * What /api/oficialia/… answers (DESIGN.md §3 Petitions, §6), its enums and their Spanish labels. Types and plain
 * constants only: the dashboard imports this module as $domains/oficialia/types.
 */

export const TIPO_PETICIONARIO_NOMBRE: Record<string, string> = { PP: 'Partido político', CI: 'Candidatura independiente', OI: 'Otro interesado' };

export const AMBITOS = ['oc', 'distrital', 'municipal'] as const;
export type Ambito = (typeof AMBITOS)[number];
export const AMBITO_NOMBRE: Record<Ambito, string> = { oc: 'Oficinas centrales', distrital: 'Consejos distritales', municipal: 'Consejos municipales' };

export const ESTADO_PETICION_NOMBRE: Record<string, string> = {
  recibida: 'Recibida', prevenida: 'Prevenida', procedente: 'Procedente', improcedente: 'Improcedente', no_presentada: 'No presentada', atendida: 'Atendida',
};

/** The headline figures over the petitions received in the range, for the whole range or one group. */
export interface FigurasPeticiones {
  recibidas: number;
  atendidas: number;
  backlog: number;
  horas_atencion_mediana: number | null;
  horas_atencion_p90: number | null;
  en_plazo_pct: number | null;
}

/** The figures of the whole range (GET /api/oficialia/resumen and the Resumen's card). */
export interface ResumenPeticiones extends FigurasPeticiones {
  horas_evaluacion_mediana: number | null;
  horas_evaluacion_p90: number | null;
  prevenciones: number;
  prevenciones_respondidas: number;
  horas_respuesta_prevencion_mediana: number | null;
  no_presentadas: number;
  backlog_horas_antiguedad_mediana: number | null;
  /** The deadline in force (Administración → Parámetros). */
  plazo_horas: number;
}

/** GET /api/oficialia/resumen */
export interface ResumenOficialia extends ResumenPeticiones {
  desde: string;
  hasta: string;
  por_organo: Array<FigurasPeticiones & { organo: string; ambito: string }>;
  por_tipo: Array<FigurasPeticiones & { tipo_peticionario: string }>;
  semanal: Array<{
    semana: string; recibidas: number; oficinas_centrales: number; consejos_distritales: number; consejos_municipales: number;
    pp: number; ci: number; oi: number; en_plazo_pct: number | null;
  }>;
  antiguedad_backlog: Array<{ rango: string; peticiones: number }>;
  actualizado: string | null;
}

/** Columns GET /api/oficialia sorts by (`orden`). */
export const PETICIONES_ORDEN = [
  'folio', 'fecha_recepcion', 'organo', 'ambito', 'tipo_peticionario', 'acto_a_certificar', 'estado', 'fecha_evaluacion', 'fecha_entrega_acta',
  'num_acta', 'horas_atencion', 'en_plazo', 'horas_pendiente',
] as const;

/** GET /api/oficialia: one petition with its attention time and whether it was on time. */
export interface Peticion {
  folio: string;
  fecha_recepcion: string;
  organo: string;
  ambito: string;
  tipo_peticionario: string | null;
  acto_a_certificar: string | null;
  estado: string;
  fecha_prevencion: string | null;
  fecha_respuesta_prevencion: string | null;
  fecha_evaluacion: string | null;
  fecha_diligencia: string | null;
  fecha_entrega_acta: string | null;
  num_acta: string | null;
  atendida: boolean;
  horas_atencion: number | null;
  en_plazo: boolean | null;
  horas_pendiente: number | null;
}

/** GET /api/oficialia/configuracion */
export interface OficialiaConfig {
  /** A petition is attended "en plazo" when its attention time is at most these hours. */
  plazo_horas: number;
}
