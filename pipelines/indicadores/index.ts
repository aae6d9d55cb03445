import type { Pipeline } from '../runner/types.js';
import { FRECUENCIAS, INDICADORES_TABLES, NIVELES, SENTIDOS } from './contract.js';
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
    { kind: 'unique', table: 'core.indicadores', columns: ['ejercicio', 'clave'] },
    { kind: 'unique', table: 'core.indicador_mediciones', columns: ['ejercicio', 'clave', 'periodo'] },
    { kind: 'accepted_values', table: 'core.indicadores', column: 'nivel', values: NIVELES },
    { kind: 'accepted_values', table: 'core.indicadores', column: 'frecuencia', values: FRECUENCIAS },
    { kind: 'accepted_values', table: 'core.indicadores', column: 'sentido', values: SENTIDOS },
    { kind: 'relationship', table: 'core.indicadores', column: 'area', ref: 'core.unidades', refColumn: 'siglas' },
    { kind: 'relationship', table: 'core.indicador_mediciones', column: 'clave', ref: 'core.indicadores', refColumn: 'clave' },
  ],
  demo: generateIndicadores,
};
