import { contractChecks } from '../runner/checks.js';
import type { Pipeline } from '../runner/types.js';
import { POA_TABLES } from './contract.js';
import { generatePoa } from './demo.js';
import { POA_HISTORY_SQL } from './history.js';

/** UTP: the Programa Operativo Anual and the monthly progress each area reports, dropped as CSV/XLSX. */
export const poaPipeline: Pipeline = {
  name: 'poa',
  titulo: 'Programa Operativo Anual y avance mensual (UTP)',
  schedule: '20 * * * *',
  freshnessHours: 24 * 45,
  source: { kind: 'files' },
  tables: POA_TABLES,
  transform: POA_HISTORY_SQL,
  checks: [
    ...contractChecks(POA_TABLES),
    { kind: 'relationship', table: 'core.poa_actividades', column: 'area', ref: 'core.unidades', refColumn: 'siglas' },
    { kind: 'relationship', table: 'core.poa_avance', column: 'programa_especifico', ref: 'core.poa_actividades', refColumn: 'programa_especifico' },
  ],
  demo: generatePoa,
};
