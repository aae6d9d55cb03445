/** The shapes /api/incidentes answers with, and the Spanish names of its codes. */
export interface Figuras {
  abiertos: number; resueltos: number; backlog: number; mttr_horas_mediana: number | null; mttr_horas_p90: number | null;
  tiempo_asignacion_horas_mediana: number | null; tiempo_asignacion_horas_p90: number | null; sla_cumplido_pct: number | null;
  /** Solved without deadline nor priority: no SLA, left out of sla_cumplido_pct. */
  sin_sla: number;
}
export interface Resumen extends Figuras {
  reabiertos: number; por_prioridad: Array<{ prioridad: number | null } & Figuras>; sla_horas: Record<string, number>; actualizado: string | null;
}
export interface Semana { semana: string; abiertos: number; resueltos: number }
export interface Edad { clave: string; rango: string; tickets: number; prioridad_alta: number }
export type Desglose = { valor: string } & Figuras;
export interface Ticket {
  id: number; titulo: string | null; tipo: string | null; categoria: string | null; servicio: string | null; prioridad: number | null;
  estado: string; area_solicitante: string | null; clave_odes: string | null; tecnico: string | null; fecha_apertura: string;
  fecha_asignacion: string | null; fecha_solucion: string | null; fecha_limite: string | null; horas_asignacion: number | null;
  horas_solucion: number | null; sla_cumplido: boolean | null; edad: string | null;
}
export type Opciones = Record<'categoria' | 'servicio' | 'area' | 'clave_odes', string[]>;

/** The breakdowns of the "Desglose por" chart: the ticket field, its label and the page filter it sets. */
export const DIMS = [
  { key: 'categoria', label: 'Categoría', filtro: 'categoria' },
  { key: 'servicio', label: 'Servicio', filtro: 'servicio' },
  { key: 'area_solicitante', label: 'Área solicitante', filtro: 'area' },
  { key: 'clave_odes', label: 'Consejo (ODES)', filtro: 'clave_odes' },
] as const;
export const PRIORIDADES: Record<string, string> = { '1': '1 Muy baja', '2': '2 Baja', '3': '3 Media', '4': '4 Alta', '5': '5 Muy alta', '6': '6 Mayor' };
export const CONJUNTO_TXT: Record<string, string> = { todos: 'abiertos, resueltos o pendientes en el periodo', abiertos: 'abiertos', resueltos: 'resueltos', backlog: 'pendientes (backlog) al cierre del periodo' };

export const COMO = {
  kpi: 'Abiertos: tickets con fecha de apertura en el periodo. Resueltos: con fecha de solución en el periodo. Backlog: abiertos hasta el fin del periodo y sin solución (ni cierre) a esa fecha.',
  semanal: 'Tickets abiertos y resueltos por semana (lunes a domingo, hora de la Ciudad de México). Haga clic en una barra para ver esos tickets en la tabla.',
  edad: 'Tickets pendientes al cierre del periodo (o ahora, si el periodo llega a hoy), por horas transcurridas desde su apertura. Clic en una barra: esos tickets.',
  mttr: 'MTTR: horas de la apertura a la solución de los tickets resueltos en el periodo; mediana y percentil 90 (interpolados). Clic: filtra esa prioridad.',
  desglose: 'Las mismas cifras por la dimensión elegida (las 15 con más tickets abiertos). «(sin dato)» agrupa los tickets sin ese dato. Clic: filtra la página por ese valor.',
  sla: 'Resueltos en el periodo a más tardar en su fecha límite (fecha_limite_solucion; sin ella, la apertura más las horas configuradas para su prioridad) entre los resueltos en el periodo que tienen SLA. Un ticket sin fecha límite ni prioridad no tiene SLA: queda fuera del porcentaje y se cuenta aparte («sin SLA»).',
};
