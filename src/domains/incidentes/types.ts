/**
 * What /api/incidentes/… answers (DESIGN.md §3 Incidents, §6), its enums and their Spanish labels. Types and plain
 * constants only: the dashboard imports this module as $domains/incidentes/types.
 */

/** Label of an empty category, service, area or council, and the filter value that selects it. */
export const SIN_DATO = '(sin dato)';

export const DIMENSIONES = ['prioridad', 'categoria', 'servicio', 'area_solicitante', 'clave_odes', 'tipo', 'tecnico'] as const;
export type Dimension = (typeof DIMENSIONES)[number];
export const DIMENSION_NOMBRE: Record<Dimension, string> = {
  prioridad: 'Prioridad', categoria: 'Categoría', servicio: 'Servicio', area_solicitante: 'Área solicitante',
  clave_odes: 'Consejo (ODES)', tipo: 'Tipo', tecnico: 'Técnico',
};

export const PRIORIDAD_NOMBRE: Record<string, string> = { '1': '1 Muy baja', '2': '2 Baja', '3': '3 Media', '4': '4 Alta', '5': '5 Muy alta', '6': '6 Mayor' };

/** Which tickets a list shows. */
export const CONJUNTOS = ['todos', 'abiertos', 'resueltos', 'backlog'] as const;
export type Conjunto = (typeof CONJUNTOS)[number];
export const CONJUNTO_NOMBRE: Record<Conjunto, string> = {
  todos: 'abiertos, resueltos o pendientes en el periodo', abiertos: 'abiertos', resueltos: 'resueltos', backlog: 'pendientes (backlog) al cierre del periodo',
};

/** Age buckets of the backlog at the end of the range (hours). */
export const EDADES = [
  { clave: 'menos_1d', rango: 'Menos de 1 día', desde: 0, hasta: 24 },
  { clave: '1_3d', rango: '1 a 3 días', desde: 24, hasta: 72 },
  { clave: '3_7d', rango: '3 a 7 días', desde: 72, hasta: 168 },
  { clave: '7_30d', rango: '7 a 30 días', desde: 168, hasta: 720 },
  { clave: 'mas_30d', rango: 'Más de 30 días', desde: 720, hasta: null },
] as const;
export type Edad = (typeof EDADES)[number]['clave'];

/** The figures of §3, for the whole range or one group. */
export interface Figuras {
  abiertos: number;
  resueltos: number;
  backlog: number;
  mttr_horas_mediana: number | null;
  mttr_horas_p90: number | null;
  tiempo_asignacion_horas_mediana: number | null;
  tiempo_asignacion_horas_p90: number | null;
  sla_cumplido_pct: number | null;
  /** Solved in the range with neither a deadline nor a priority: no SLA, left out of sla_cumplido_pct. */
  sin_sla: number;
}

/** GET /api/incidentes/resumen */
export interface ResumenIncidentes extends Figuras {
  desde: string;
  hasta: string;
  reabiertos: number;
  por_prioridad: Array<{ prioridad: number | null } & Figuras>;
  /** Hours to resolve by priority when a ticket has no deadline (the setting in force). */
  sla_horas: Record<string, number>;
  actualizado: string | null;
}

/** GET /api/incidentes/semanal: one row per week (Monday). */
export interface SemanaIncidentes {
  semana: string;
  abiertos: number;
  resueltos: number;
}

/** GET /api/incidentes/backlog: one row per age bucket. */
export interface BacklogEdad {
  clave: Edad;
  rango: string;
  tickets: number;
  prioridad_alta: number;
}

/** GET /api/incidentes/desglose: the figures of each value of a dimension. */
export type FilaDesglose = { valor: string } & Figuras;

/** Columns GET /api/incidentes/tickets sorts by (`orden`). */
export const TICKETS_ORDEN = [
  'id', 'titulo', 'tipo', 'estado', 'prioridad', 'categoria', 'servicio', 'area_solicitante', 'clave_odes', 'tecnico', 'fecha_apertura',
  'fecha_asignacion', 'fecha_solucion', 'fecha_limite', 'horas_asignacion', 'horas_solucion', 'sla_cumplido',
] as const;

/** GET /api/incidentes/tickets */
export interface TicketFila {
  id: number;
  titulo: string | null;
  tipo: string | null;
  categoria: string | null;
  servicio: string | null;
  prioridad: number | null;
  estado: string;
  area_solicitante: string | null;
  clave_odes: string | null;
  tecnico: string | null;
  fecha_apertura: string;
  fecha_asignacion: string | null;
  fecha_solucion: string | null;
  fecha_limite: string | null;
  horas_asignacion: number | null;
  horas_solucion: number | null;
  sla_cumplido: boolean | null;
  edad: string | null;
}

/** GET /api/incidentes/tickets/{id}/historial */
export interface EstadoTicket {
  estado: string;
  fecha: string | null;
  observado_en: string;
}

/** GET /api/incidentes/opciones: values for the filters. */
export type OpcionesIncidentes = Record<'categoria' | 'servicio' | 'area' | 'clave_odes', string[]>;
