/** Builds small ticket exports for the runner tests (columns of the `tickets` contract). */
export const COLS = [
  'id', 'titulo', 'tipo', 'categoria', 'servicio', 'urgencia', 'impacto', 'prioridad', 'estado', 'area_solicitante',
  'clave_odes', 'tecnico', 'fecha_apertura', 'fecha_asignacion', 'fecha_solucion', 'fecha_cierre', 'fecha_limite_solucion',
] as const;
export type Col = (typeof COLS)[number];
export type Ticket = Partial<Record<Col, string | number>>;

/** A valid ticket row with the given overrides. */
export function ticket(id: number, over: Ticket = {}): Record<Col, string> {
  const base: Record<Col, string | number> = {
    id, titulo: `Ticket ${id}`, tipo: 'incidente', categoria: 'Correo', servicio: 'Correo electrónico', urgencia: 3, impacto: 3,
    prioridad: 3, estado: 'asignado', area_solicitante: 'UTSI', clave_odes: '', tecnico: 'tec01',
    fecha_apertura: '02/03/2026 09:00', fecha_asignacion: '', fecha_solucion: '', fecha_cierre: '', fecha_limite_solucion: '',
    ...over,
  };
  return Object.fromEntries(COLS.map((c) => [c, String(base[c])])) as Record<Col, string>;
}

/** CSV text with the given header (defaults to the contract's) and rows; no quoting needed for these values. */
export function csv(rows: Array<Record<string, string>>, opts: { header?: readonly string[]; delimiter?: string; columns?: readonly string[] } = {}): string {
  const cols = opts.columns ?? COLS;
  const header = opts.header ?? cols;
  const d = opts.delimiter ?? ',';
  return [header.join(d), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(d))].join('\r\n') + '\r\n';
}
