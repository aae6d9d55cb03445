import { references } from '../runner/checks.js';
import { filesPipeline } from '../runner/pipeline.js';
import { INDICADORES_TABLES } from './contract.js';
import { generateIndicadores } from './demo.js';

/** UTP: MIR indicators (ficha técnica) and their measurements per period, dropped as CSV/XLSX. */
export const indicadoresPipeline = filesPipeline({
  name: 'indicadores', titulo: 'Indicadores de la MIR (UTP)', schedule: '25 * * * *', freshnessHours: 24 * 100, tables: INDICADORES_TABLES,
  checks: [references('core.indicadores.area', 'core.unidades.siglas'), references('core.indicador_mediciones.clave', 'core.indicadores.clave')],
  demo: generateIndicadores,
});
