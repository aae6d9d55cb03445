import type { Pipeline } from '../runner/types.js';
import { CALENDARIO_TABLES, ESTATUS_CALENDARIO } from './contract.js';
import { generateCalendario } from './demo.js';

/**
 * UTP: the calendario integral of each electoral process (activities and the acuerdos that changed their dates),
 * dropped as CSV/XLSX in the inbox.
 *
 * A cambio whose activity is not loaded is not quarantined: it is kept and reported by the relationship check.
 * Files of one run apply activities first, but UTP may send the cambios of an activity before the file that adds
 * it; quarantine would lose them (the same file is not loaded twice), while the check clears by itself once the
 * activity arrives. Meanwhile such a cambio shows nowhere (every figure starts from the activities).
 */
export const calendarioPipeline: Pipeline = {
  name: 'calendario',
  titulo: 'Calendario integral del proceso electoral (UTP)',
  schedule: '35 * * * *',
  freshnessHours: 24 * 30,
  source: { kind: 'files' },
  tables: CALENDARIO_TABLES,
  checks: [
    { kind: 'unique', table: 'core.calendario_actividades', columns: ['proceso', 'id_actividad'] },
    { kind: 'unique', table: 'core.calendario_cambios', columns: ['proceso', 'id_actividad', 'fecha_acuerdo'] },
    { kind: 'accepted_values', table: 'core.calendario_actividades', column: 'estatus', values: ESTATUS_CALENDARIO },
    { kind: 'relationship', table: 'core.calendario_actividades', column: 'area', ref: 'core.unidades', refColumn: 'siglas' },
    { kind: 'relationship', table: 'core.calendario_cambios_clave', column: 'actividad', ref: 'core.calendario_actividades_clave', refColumn: 'actividad' },
  ],
  demo: generateCalendario,
};
