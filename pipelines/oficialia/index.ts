import { freshness } from '../runner/checks.js';
import { filesPipeline } from '../runner/pipeline.js';
import { peticiones } from './contract.js';
import { generateOficialia } from './demo.js';

/** UTOE: petitions to certify electoral facts, dropped as CSV/XLSX in the inbox. */
export const oficialiaPipeline = filesPipeline({
  name: 'oficialia', titulo: 'Oficialía Electoral — peticiones (UTOE)', schedule: '20 * * * *', freshnessHours: 24 * 2,
  tables: [peticiones], checks: [freshness('core.peticiones.fecha_recepcion', 24 * 14)], demo: generateOficialia,
});
