import { references } from '../runner/checks.js';
import { filesPipeline } from '../runner/pipeline.js';
import { ODES_TABLES } from './contract.js';
import { generateOdes } from './demo.js';

/** UTVODES: district and municipal councils of each electoral process, dropped as CSV/XLSX in the inbox. */
export const odesPipeline = filesPipeline({
  name: 'odes', titulo: 'Consejos distritales y municipales (UTVODES)', schedule: '15 * * * *', freshnessHours: 24 * 7, tables: ODES_TABLES,
  // Every session, acuerdo and position names a council of the files.
  checks: ['odes_sesiones', 'odes_acuerdos', 'odes_integracion'].map((t) => references(`core.${t}.clave_odes`, 'core.odes_consejos.clave_odes')),
  demo: generateOdes,
});
