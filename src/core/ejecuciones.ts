/**
 * The run log's columns GET /api/pipelines/<nombre>/ejecuciones sorts by (`orden`): plain constants, imported by the
 * server (the whitelist of its ORDER BY) and by the dashboard (the headers it offers to sort) as $core/ejecuciones.
 */
export const EJECUCIONES_ORDEN = ['id', 'estado', 'origen', 'inicio', 'fin', 'filas_leidas', 'filas_cargadas', 'filas_rechazadas'] as const;
export type ColumnaEjecucion = (typeof EJECUCIONES_ORDEN)[number];
