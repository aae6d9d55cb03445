import { contractChecks } from '../runner/checks.js';
import type { Pipeline } from '../runner/types.js';
import { ODES_TABLES } from './contract.js';
import { generateOdes } from './demo.js';

/** UTVODES: district and municipal councils of each electoral process, dropped as CSV/XLSX in the inbox. */
export const odesPipeline: Pipeline = {
  name: 'odes',
  titulo: 'Consejos distritales y municipales (UTVODES)',
  schedule: '15 * * * *',
  freshnessHours: 24 * 7,
  source: { kind: 'files' },
  tables: ODES_TABLES,
  checks: [
    ...contractChecks(ODES_TABLES),
    { kind: 'relationship', table: 'core.odes_sesiones', column: 'clave_odes', ref: 'core.odes_consejos', refColumn: 'clave_odes' },
    { kind: 'relationship', table: 'core.odes_acuerdos', column: 'clave_odes', ref: 'core.odes_consejos', refColumn: 'clave_odes' },
    { kind: 'relationship', table: 'core.odes_integracion', column: 'clave_odes', ref: 'core.odes_consejos', refColumn: 'clave_odes' },
  ],
  demo: generateOdes,
};
