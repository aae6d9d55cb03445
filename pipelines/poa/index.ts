import { references } from '../runner/checks.js';
import { filesPipeline } from '../runner/pipeline.js';
import { POA_TABLES } from './contract.js';
import { generatePoa } from './demo.js';
import { POA_HISTORY_SQL } from './history.js';

/** UTP: the Programa Operativo Anual and the monthly progress each area reports, dropped as CSV/XLSX. */
export const poaPipeline = filesPipeline({
  name: 'poa', titulo: 'Programa Operativo Anual y avance mensual (UTP)', schedule: '20 * * * *', freshnessHours: 24 * 45,
  tables: POA_TABLES, transform: POA_HISTORY_SQL, demo: generatePoa,
  checks: [references('core.poa_actividades.area', 'core.unidades.siglas'), references('core.poa_avance.programa_especifico', 'core.poa_actividades.programa_especifico')],
});
