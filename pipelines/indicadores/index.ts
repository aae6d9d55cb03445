import { contractChecks } from '../runner/checks.js';
import type { Pipeline } from '../runner/types.js';
import { INDICADORES_TABLES } from './contract.js';
import { generateIndicadores } from './demo.js';

/** UTP: MIR indicators (ficha técnica) and their measurements per period, dropped as CSV/XLSX. */
export const indicadoresPipeline: Pipeline = {
  name: 'indicadores',
  titulo: 'Indicadores de la MIR (UTP)',
  schedule: '25 * * * *',
  freshnessHours: 24 * 100,
  source: { kind: 'files' },
  tables: INDICADORES_TABLES,
  checks: [
    ...contractChecks(INDICADORES_TABLES),
    { kind: 'relationship', table: 'core.indicadores', column: 'area', ref: 'core.unidades', refColumn: 'siglas' },
    { kind: 'relationship', table: 'core.indicador_mediciones', column: 'clave', ref: 'core.indicadores', refColumn: 'clave' },
  ],
  demo: generateIndicadores,
};
