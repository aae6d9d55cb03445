import { freshness } from '../runner/checks.js';
import { filesPipeline } from '../runner/pipeline.js';
import { SESIONES_TABLES } from './contract.js';
import { generateSesiones } from './demo.js';

/** UTS: sessions of the Consejo General, the JGE and the commissions, and their acuerdos (CSV/XLSX in the inbox). */
export const sesionesPipeline = filesPipeline({
  name: 'sesiones', titulo: 'Sesiones y acuerdos (UTS)', schedule: '25 * * * *', freshnessHours: 24 * 7,
  tables: SESIONES_TABLES, checks: [freshness('core.sesiones.fecha_inicio', 24 * 45)], demo: generateSesiones,
});
