import type { Pipeline } from '../runner/types.js';
import { SESIONES_TABLES, TIPOS_SESION } from './contract.js';
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
    { kind: 'unique', table: 'core.sesiones', columns: ['organo', 'numero', 'anio'] },
    { kind: 'unique', table: 'core.acuerdos', columns: ['clave'] },
    { kind: 'accepted_values', table: 'core.sesiones', column: 'tipo', values: TIPOS_SESION },
    { kind: 'not_null', table: 'core.acuerdos', column: 'fecha_aprobacion' },
    { kind: 'freshness', table: 'core.sesiones', column: 'fecha_inicio', maxHours: 24 * 45 },
  ],
  demo: generateSesiones,
};
