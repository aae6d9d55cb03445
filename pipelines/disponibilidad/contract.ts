import type { TableContract } from '../runner/types.js';

/**
 * The `disponibilidad` source is the probe engine itself (src/uptime) plus the catalogue (configuration edited in
 * /admin/servicios, the API or `atalaya servicio`). Besides that, the pipeline accepts three CSV files in its inbox
 * for bulk loads (the demo writes them; an installation may use them to seed a catalogue or import the history of
 * a previous monitor): `servicios*.csv`, `mantenimientos*.csv` and `verificaciones*.csv`, with these columns.
 */
export const serviciosContract: TableContract = {
  table: 'servicios',
  target: 'core.servicios',
  key: ['id'],
  columns: [
    { name: 'id', type: 'text', required: true },
    { name: 'nombre', type: 'text', required: true },
    { name: 'tipo', type: 'text', required: true, values: ['http', 'tcp'] },
    { name: 'destino', type: 'text', required: true },
    { name: 'intervalo_s', type: 'int', range: [10, 86_400] },
    { name: 'timeout_ms', type: 'int', range: [100, 120_000] },
    { name: 'palabra_clave', type: 'text' },
    { name: 'codigos_ok', type: 'text' },
    { name: 'criticidad', type: 'text', values: ['alta', 'media', 'baja'] },
    { name: 'publico', type: 'bool' },
  ],
};

export const mantenimientosContract: TableContract = {
  table: 'mantenimientos',
  target: 'core.mantenimientos',
  key: ['servicio_id', 'inicio'],
  columns: [
    { name: 'servicio_id', type: 'text', required: true },
    { name: 'inicio', type: 'datetime', required: true },
    { name: 'fin', type: 'datetime', required: true },
    { name: 'motivo', type: 'text' },
  ],
};

/** Raw checks (history import): `ts` ISO 8601 with offset; `ok` si/no. */
export const verificacionesContract: TableContract = {
  table: 'verificaciones',
  target: 'core.disp_verificaciones',
  key: ['servicio_id', 'ts'],
  columns: [
    { name: 'servicio_id', type: 'text', required: true },
    { name: 'ts', type: 'datetime', required: true },
    { name: 'ok', type: 'bool', required: true },
    { name: 'latencia_ms', type: 'number' },
    { name: 'codigo', type: 'int' },
    { name: 'error', type: 'text' },
  ],
};

export const HEADERS = {
  servicios: serviciosContract.columns.map((c) => c.name),
  mantenimientos: mantenimientosContract.columns.map((c) => c.name),
  verificaciones: verificacionesContract.columns.map((c) => c.name),
} as const;
