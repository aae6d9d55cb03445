/**
 * What the calendario domain returns, and its states with their Spanish labels. Types and plain constants only:
 * the dashboard imports this module too.
 */

/** The states of DESIGN.md §3 "Calendario integral", in display order. */
export const ESTADOS_ACTIVIDAD = ['por_iniciar', 'en_ejecucion', 'fuera_de_plazo', 'concluida', 'concluida_fuera_de_plazo'] as const;
export type EstadoActividad = (typeof ESTADOS_ACTIVIDAD)[number];

export const ESTADO_ACTIVIDAD_LABELS: Readonly<Record<EstadoActividad, string>> = {
  por_iniciar: 'Por iniciar',
  en_ejecucion: 'En ejecución',
  fuera_de_plazo: 'Fuera de plazo',
  concluida: 'Concluida',
  concluida_fuera_de_plazo: 'Concluida fuera de plazo',
};

/** Each state's icon, so color is never the only cue (DESIGN.md §3b): on time ✓, late but done !, late ✕. */
export const ESTADO_ACTIVIDAD_ICONO: Readonly<Record<EstadoActividad, string>> = {
  por_iniciar: '○',
  en_ejecucion: '▶',
  fuera_de_plazo: '✕',
  concluida: '✓',
  concluida_fuera_de_plazo: '!',
};

/** Bands of `cumplimiento_pct`'s semáforo (DESIGN.md §3 Semáforo): verde from 90, amarillo from 70, rojo below. */
export const UMBRAL_CUMPLIMIENTO = { verde: 90, amarillo: 70 } as const;

export const ESTATUS_ACTIVIDAD = ['vigente', 'cancelada'] as const;
export type EstatusActividad = (typeof ESTATUS_ACTIVIDAD)[number];

export const ESTATUS_ACTIVIDAD_LABELS: Readonly<Record<EstatusActividad, string>> = {
  vigente: 'Vigente',
  cancelada: 'Cancelada',
};

/** The window of "due in the next days": an activity due within this many days of `hasta` (both included). */
export const DIAS_PROXIMAS = 15;

/** A process with a calendar loaded; `inicio`/`fin` span its programmed activities (aaaa-mm-dd). */
export interface ProcesoCalendario {
  proceso: string;
  nombre: string;
  /** Every activity of its calendar, cancelled ones included. */
  actividades: number;
  inicio: string;
  fin: string;
}

/** Activities by state as of `hasta`; cancelled ones count in no state and are reported apart. */
export interface ConteoEstados {
  por_iniciar: number;
  en_ejecucion: number;
  fuera_de_plazo: number;
  concluida: number;
  concluida_fuera_de_plazo: number;
  /** 100 × concluida / (concluida + concluida_fuera_de_plazo + fuera_de_plazo); null when that is 0. */
  cumplimiento_pct: number | null;
  canceladas: number;
}

export interface ResumenArea extends ConteoEstados {
  area: string;
}

export interface ResumenCalendario extends ConteoEstados {
  proceso: string;
  /** When the calendar was last loaded (ISO instant), or null. */
  actualizado: string | null;
  /** The date the states are computed at (aaaa-mm-dd). */
  hasta: string;
  /** The area filter applied, or null. */
  area: string | null;
  por_area: ResumenArea[];
}

/** One activity as of `hasta`, with what a Gantt chart needs. Dates aaaa-mm-dd. */
export interface ActividadCalendario {
  id_actividad: string;
  actividad: string;
  area: string;
  subproceso: string | null;
  /** Programmed now. */
  fecha_inicio: string;
  fecha_fin: string;
  /** As reported, even when after `hasta` (the state ignores what happens after `hasta`). */
  fecha_inicio_real: string | null;
  fecha_fin_real: string | null;
  estatus: EstatusActividad;
  /** Null for a cancelled activity: it is in no state. */
  estado: EstadoActividad | null;
  /** How many times an acuerdo changed its programmed dates. */
  cambios: number;
  /** Programmed dates before the first change (equal to the current ones when none). */
  fecha_inicio_original: string;
  fecha_fin_original: string;
  depende_de: string | null;
  /**
   * Calendar days late: `hasta` − fecha_fin for fuera_de_plazo, fecha_fin_real − fecha_fin for
   * concluida_fuera_de_plazo; null in the other states.
   */
  dias_atraso: number | null;
}

/** An activity due soon: `dias_restantes` = fecha_fin − `hasta` (0 = due that day). */
export interface ActividadPorVencer extends ActividadCalendario {
  dias_restantes: number;
}

export interface CambioCalendario {
  acuerdo: string;
  fecha_acuerdo: string;
  fecha_inicio_anterior: string | null;
  fecha_fin_anterior: string | null;
  fecha_inicio_nueva: string | null;
  fecha_fin_nueva: string | null;
  motivo: string | null;
}

/** An activity's change history: its original and current programmed dates and each change, oldest first. */
export interface HistorialActividad {
  proceso: string;
  id_actividad: string;
  actividad: string;
  area: string;
  subproceso: string | null;
  estatus: EstatusActividad;
  original: { fecha_inicio: string; fecha_fin: string };
  actual: { fecha_inicio: string; fecha_fin: string };
  cambios: CambioCalendario[];
}

/** Filters of the figures. `hasta` defaults to today in Mexico City. */
export interface FiltroCalendario {
  proceso: string;
  hasta?: string;
  area?: string;
}

export interface FiltroActividades extends FiltroCalendario {
  estado?: EstadoActividad;
}
