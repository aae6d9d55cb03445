/**
 * The quarantine's columns GET /api/cuarentena sorts by (`orden`): plain constants, imported by the server (the
 * whitelist of its ORDER BY) and by the dashboard (the headers it offers to sort) as $core/cuarentena.
 */
export const CUARENTENA_ORDEN = ['pipeline', 'ejecucion_id', 'archivo', 'hoja', 'fila', 'campo', 'motivo', 'valor', 'registrada_en'] as const;
export type ColumnaCuarentena = (typeof CUARENTENA_ORDEN)[number];
