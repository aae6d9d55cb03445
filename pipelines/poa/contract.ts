import type { Column, TableContract } from '../runner/types.js';

export const MESES = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'] as const;
export const ESTATUS_ACTIVIDAD = ['original', 'modificada', 'nueva', 'cancelada'] as const;

const monthColumns: Column[] = MESES.map((m) => ({ name: m, type: 'number', range: [0, 1e9] as const }));

/** `poa_actividades` — one row per POA activity and ejercicio (../shared/contracts/README.md). */
export const poaActividades: TableContract = {
  table: 'poa_actividades',
  target: 'core.poa_actividades',
  key: ['ejercicio', 'programa_especifico', 'num_actividad'],
  columns: [
    { name: 'ejercicio', type: 'int', required: true, range: [2000, 2100] },
    { name: 'programa', type: 'text', required: true },
    { name: 'programa_nombre', type: 'text' },
    { name: 'programa_especifico', type: 'text', required: true },
    { name: 'programa_especifico_nombre', type: 'text' },
    { name: 'area', type: 'text', required: true },
    { name: 'num_actividad', type: 'int', required: true, range: [1, 100000] },
    { name: 'descripcion', type: 'text' },
    { name: 'unidad_medida', type: 'text' },
    { name: 'cantidad_anual', type: 'number', range: [0, 1e9] },
    { name: 'fecha_inicio', type: 'date' },
    { name: 'fecha_termino', type: 'date' },
    ...monthColumns,
    { name: 'estatus', type: 'text', values: ESTATUS_ACTIVIDAD },
  ],
};

/** `poa_avance` — the quantity an area reports as achieved for one activity and month. */
export const poaAvance: TableContract = {
  table: 'poa_avance',
  target: 'core.poa_avance',
  key: ['ejercicio', 'programa_especifico', 'num_actividad', 'mes'],
  columns: [
    { name: 'ejercicio', type: 'int', required: true, range: [2000, 2100] },
    { name: 'programa_especifico', type: 'text', required: true },
    { name: 'num_actividad', type: 'int', required: true, range: [1, 100000] },
    { name: 'mes', type: 'int', required: true, range: [1, 12] },
    { name: 'realizado', type: 'number', range: [0, 1e9] },
    { name: 'observaciones', type: 'text' },
    { name: 'fecha_reporte', type: 'date' },
  ],
};

export const POA_TABLES: readonly TableContract[] = [poaActividades, poaAvance];
