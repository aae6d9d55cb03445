import { columns, oneOf, req, within } from '../runner/contract.js';
import type { TableContract } from '../runner/types.js';

/**
 * The `disponibilidad` source is the probe engine itself (src/domains/disponibilidad) plus the catalogue (configuration edited in
 * /admin/servicios, the API or `atalaya servicio`). Besides that, the pipeline accepts three CSV files in its inbox
 * for bulk loads (the demo writes them; an installation may use them to seed a catalogue or import the history of
 * a previous monitor): `servicios*.csv`, `mantenimientos*.csv` and `verificaciones*.csv`, with these columns.
 */
export const serviciosContract: TableContract = {
  table: 'servicios', target: 'core.servicios', key: ['id'],
  columns: columns({
    id: req('text'), nombre: req('text'), tipo: req('text', ['http', 'tcp']), destino: req('text'),
    intervalo_s: within('int', 10, 86_400), timeout_ms: within('int', 100, 120_000), palabra_clave: 'text',
    codigos_ok: 'text', criticidad: oneOf(['alta', 'media', 'baja']), publico: 'bool',
  }),
};

export const mantenimientosContract: TableContract = {
  table: 'mantenimientos', target: 'core.mantenimientos', key: ['servicio_id', 'inicio'],
  columns: columns({ servicio_id: req('text'), inicio: req('datetime'), fin: req('datetime'), motivo: 'text' }),
};

/** Raw checks (history import): `ts` ISO 8601 with offset; `ok` si/no. */
export const verificacionesContract: TableContract = {
  table: 'verificaciones', target: 'core.disp_verificaciones', key: ['servicio_id', 'ts'],
  columns: columns({
    servicio_id: req('text'), ts: req('datetime'), ok: req('bool'), latencia_ms: 'number', codigo: 'int', error: 'text',
  }),
};

export const HEADERS = {
  servicios: serviciosContract.columns.map((c) => c.name),
  mantenimientos: mantenimientosContract.columns.map((c) => c.name),
  verificaciones: verificacionesContract.columns.map((c) => c.name),
} as const;
