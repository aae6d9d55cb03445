/** The page's names for the shapes and labels of $domains/incidentes/types. */
export {
  CONJUNTO_NOMBRE as CONJUNTO_TXT, PRIORIDAD_NOMBRE as PRIORIDADES,
  type BacklogEdad as Edad, type FilaDesglose as Desglose, type Figuras, type OpcionesIncidentes as Opciones,
  type ResumenIncidentes as Resumen, type SemanaIncidentes as Semana, type TicketFila as Ticket,
} from '$domains/incidentes/types';

/** The breakdowns of the "Desglose por" chart: the ticket field, its label and the page filter it sets. */
export const DIMS = [
  { key: 'categoria', label: 'Categoría', filtro: 'categoria' },
  { key: 'servicio', label: 'Servicio', filtro: 'servicio' },
  { key: 'area_solicitante', label: 'Área solicitante', filtro: 'area' },
  { key: 'clave_odes', label: 'Consejo (ODES)', filtro: 'clave_odes' },
] as const;

export const COMO = {
  kpi: 'Abiertos: tickets con fecha de apertura en el periodo. Resueltos: con fecha de solución en el periodo. Backlog: abiertos hasta el fin del periodo y sin solución (ni cierre) a esa fecha.',
  semanal: 'Tickets abiertos y resueltos por semana (lunes a domingo, hora de la Ciudad de México). Haga clic en una barra para ver esos tickets en la tabla.',
  edad: 'Tickets pendientes al cierre del periodo (o ahora, si el periodo llega a hoy), por horas transcurridas desde su apertura. Clic en una barra: esos tickets.',
  mttr: 'MTTR: horas de la apertura a la solución de los tickets resueltos en el periodo; mediana y percentil 90 (interpolados). Clic: filtra esa prioridad.',
  desglose: 'Las mismas cifras por la dimensión elegida (las 15 con más tickets abiertos). «(sin dato)» agrupa los tickets sin ese dato. Clic: filtra la página por ese valor.',
  sla: 'Resueltos en el periodo a más tardar en su fecha límite (fecha_limite_solucion; sin ella, la apertura más las horas configuradas para su prioridad) entre los resueltos en el periodo que tienen SLA. Un ticket sin fecha límite ni prioridad no tiene SLA: queda fuera del porcentaje y se cuenta aparte («sin SLA»).',
};
