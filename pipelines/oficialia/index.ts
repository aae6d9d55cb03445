import { contractChecks } from '../runner/checks.js';
import type { Pipeline } from '../runner/types.js';
import { peticiones } from './contract.js';
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
    ...contractChecks([peticiones]),
    { kind: 'freshness', table: 'core.peticiones', column: 'fecha_recepcion', maxHours: 24 * 14 },
  ],
  demo: generateOficialia,
};
