import type { Pipeline } from '../runner/types.js';
import { ESTADOS_PETICION, TIPOS_PETICIONARIO, peticiones } from './contract.js';
import { generateOficialia } from './demo.js';

/** UTOE: petitions to certify electoral facts, dropped as CSV/XLSX in the inbox. */
export const oficialiaPipeline: Pipeline = {
  name: 'oficialia',
  titulo: 'Oficialía Electoral — peticiones (UTOE)',
  schedule: '20 * * * *',
  freshnessHours: 24 * 2,
  source: { kind: 'files' },
  tables: [peticiones],
  checks: [
    { kind: 'unique', table: 'core.peticiones', columns: ['folio'] },
    { kind: 'not_null', table: 'core.peticiones', column: 'fecha_recepcion' },
    { kind: 'accepted_values', table: 'core.peticiones', column: 'estado', values: ESTADOS_PETICION },
    { kind: 'accepted_values', table: 'core.peticiones', column: 'tipo_peticionario', values: TIPOS_PETICIONARIO },
    { kind: 'freshness', table: 'core.peticiones', column: 'fecha_recepcion', maxHours: 24 * 14 },
  ],
  demo: generateOficialia,
};
