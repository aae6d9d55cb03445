import { MESES } from '../../src/core/time.js';
import { columns, oneOf, req, within } from '../runner/contract.js';
import type { Column, TableContract } from '../runner/types.js';

export const ESTATUS_ACTIVIDAD = ['original', 'modificada', 'nueva', 'cancelada'] as const;

/** `poa_actividades` — one row per POA activity and ejercicio (../shared/contracts/README.md). */
export const poaActividades: TableContract = {
  table: 'poa_actividades', target: 'core.poa_actividades', key: ['ejercicio', 'programa_especifico', 'num_actividad'],
  columns: [
    ...columns({
      ejercicio: within('int', 2000, 2100, true), programa: req('text'), programa_nombre: 'text', programa_especifico: req('text'),
      programa_especifico_nombre: 'text', area: req('text'), num_actividad: within('int', 1, 100000, true), descripcion: 'text',
      unidad_medida: 'text', cantidad_anual: within('number', 0, 1e9), fecha_inicio: 'date', fecha_termino: 'date',
    }),
    ...MESES.map((m): Column => ({ name: m, type: 'number', range: [0, 1e9] })),
    ...columns({ estatus: oneOf(ESTATUS_ACTIVIDAD) }),
  ],
};

/** `poa_avance` — the quantity an area reports as achieved for one activity and month. */
export const poaAvance: TableContract = {
  table: 'poa_avance', target: 'core.poa_avance', key: ['ejercicio', 'programa_especifico', 'num_actividad', 'mes'],
  columns: columns({
    ejercicio: within('int', 2000, 2100, true), programa_especifico: req('text'),
    num_actividad: within('int', 1, 100000, true), mes: within('int', 1, 12, true),
    realizado: within('number', 0, 1e9), observaciones: 'text', fecha_reporte: 'date',
  }),
};

export const POA_TABLES: readonly TableContract[] = [poaActividades, poaAvance];
