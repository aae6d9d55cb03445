import { contractChecks } from '../runner/checks.js';
import type { Pipeline } from '../runner/types.js';
import { SESIONES_TABLES } from './contract.js';
import { generateSesiones } from './demo.js';

/** UTS: sessions of the Consejo General, the JGE and the commissions, and their acuerdos (CSV/XLSX in the inbox). */
export const sesionesPipeline: Pipeline = {
  name: 'sesiones',
  titulo: 'Sesiones y acuerdos (UTS)',
  schedule: '25 * * * *',
  freshnessHours: 24 * 7,
  source: { kind: 'files' },
  tables: SESIONES_TABLES,
  checks: [
    ...contractChecks(SESIONES_TABLES),
    { kind: 'freshness', table: 'core.sesiones', column: 'fecha_inicio', maxHours: 24 * 45 },
  ],
  demo: generateSesiones,
};
