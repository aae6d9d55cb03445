import type { Pipeline } from '../runner/types.js';
import { CALIDADES, CARGOS, ODES_TABLES, TIPOS_CONSEJO } from './contract.js';
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
    { kind: 'unique', table: 'core.odes_consejos', columns: ['proceso', 'clave_odes'] },
    { kind: 'unique', table: 'core.odes_sesiones', columns: ['proceso', 'clave_odes', 'numero'] },
    { kind: 'unique', table: 'core.odes_acuerdos', columns: ['proceso', 'clave_odes', 'clave_acuerdo'] },
    { kind: 'unique', table: 'core.odes_supervision', columns: ['proceso', 'clave_odes', 'folio_visita', 'num_observacion'] },
    { kind: 'accepted_values', table: 'core.odes_consejos', column: 'tipo', values: TIPOS_CONSEJO },
    { kind: 'accepted_values', table: 'core.odes_integracion', column: 'cargo', values: CARGOS },
    { kind: 'accepted_values', table: 'core.odes_integracion', column: 'calidad', values: CALIDADES },
    { kind: 'relationship', table: 'core.odes_sesiones', column: 'clave_odes', ref: 'core.odes_consejos', refColumn: 'clave_odes' },
    { kind: 'relationship', table: 'core.odes_acuerdos', column: 'clave_odes', ref: 'core.odes_consejos', refColumn: 'clave_odes' },
    { kind: 'relationship', table: 'core.odes_integracion', column: 'clave_odes', ref: 'core.odes_consejos', refColumn: 'clave_odes' },
  ],
  demo: generateOdes,
};
