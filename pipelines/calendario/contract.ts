import type { TableContract } from '../runner/types.js';
import { mergeWithRules, type RowRule } from './merge.js';

/** Values of `estatus`; an empty cell means vigente. */
export const ESTATUS_CALENDARIO = ['vigente', 'cancelada'] as const;

/** Programmed and real dates outside this range are typing mistakes (01/03/0225), not calendar dates. */
const FECHA_MIN = '2000-01-01';
const FECHA_MAX = '2100-12-31';

const dmy = (col: string): string => `strftime(${col}, '%d/%m/%Y')`;

/** A date outside FECHA_MIN..FECHA_MAX is bad. */
function enRango(col: string): RowRule {
  return {
    campo: col,
    bad: `${col} NOT BETWEEN DATE '${FECHA_MIN}' AND DATE '${FECHA_MAX}'`,
    motivo: `'fecha fuera del rango admitido (01/01/2000 a 31/12/2100): «' || ${dmy(col)} || '»'`,
    valor: dmy(col),
  };
}

/** `fin` before `inicio`, when both are given, is bad (reported on `fin`). */
function finTrasInicio(fin: string, inicio: string): RowRule {
  return {
    campo: fin,
    bad: `${fin} < ${inicio}`,
    motivo: `'«${fin}» (' || ${dmy(fin)} || ') es anterior a «${inicio}» (' || ${dmy(inicio)} || ')'`,
    valor: dmy(fin),
  };
}

const FECHAS_ACTIVIDAD = ['fecha_inicio', 'fecha_fin', 'fecha_inicio_real', 'fecha_fin_real'];
const FECHAS_CAMBIO = ['fecha_acuerdo', 'fecha_inicio_anterior', 'fecha_fin_anterior', 'fecha_inicio_nueva', 'fecha_fin_nueva'];

/** `calendario_actividades` — one row per activity of a process's calendario integral (../shared/contracts/README.md). */
const actividades: TableContract = {
  table: 'calendario_actividades',
  target: 'core.calendario_actividades',
  key: ['proceso', 'id_actividad'],
  columns: [
    { name: 'proceso', type: 'text', required: true },
    { name: 'id_actividad', type: 'text', required: true },
    { name: 'actividad', type: 'text', required: true },
    { name: 'area', type: 'text', required: true },
    { name: 'subproceso', type: 'text' },
    { name: 'fecha_inicio', type: 'date', required: true },
    { name: 'fecha_fin', type: 'date', required: true },
    { name: 'fecha_inicio_real', type: 'date' },
    { name: 'fecha_fin_real', type: 'date' },
    { name: 'estatus', type: 'text', values: ESTATUS_CALENDARIO },
    { name: 'depende_de', type: 'text' },
  ],
};

/** `calendario_cambios` — each approved change of an activity's programmed dates, with its acuerdo. */
const cambios: TableContract = {
  table: 'calendario_cambios',
  target: 'core.calendario_cambios',
  key: ['proceso', 'id_actividad', 'fecha_acuerdo'],
  columns: [
    { name: 'proceso', type: 'text', required: true },
    { name: 'id_actividad', type: 'text', required: true },
    { name: 'acuerdo', type: 'text', required: true },
    { name: 'fecha_acuerdo', type: 'date', required: true },
    { name: 'fecha_inicio_anterior', type: 'date' },
    { name: 'fecha_fin_anterior', type: 'date' },
    { name: 'fecha_inicio_nueva', type: 'date' },
    { name: 'fecha_fin_nueva', type: 'date' },
    { name: 'motivo', type: 'text' },
  ],
};

/**
 * Rules across the fields of a row, which the column types cannot say: a bad row goes to quarantine with its
 * file, row and field, and the rest of the file loads.
 */
export const calendarioActividades: TableContract = {
  ...actividades,
  merge: mergeWithRules(actividades, [
    ...FECHAS_ACTIVIDAD.map(enRango),
    finTrasInicio('fecha_fin', 'fecha_inicio'),
    finTrasInicio('fecha_fin_real', 'fecha_inicio_real'),
  ], { estatus: `coalesce(estatus, 'vigente')` }),
};

export const calendarioCambios: TableContract = {
  ...cambios,
  merge: mergeWithRules(cambios, [
    ...FECHAS_CAMBIO.map(enRango),
    {
      campo: 'fecha_inicio_nueva, fecha_fin_nueva',
      bad: 'fecha_inicio_nueva IS NULL AND fecha_fin_nueva IS NULL',
      motivo: `'el cambio no indica fechas nuevas: escriba fecha_inicio_nueva, fecha_fin_nueva o ambas'`,
      valor: 'NULL',
    },
    finTrasInicio('fecha_fin_anterior', 'fecha_inicio_anterior'),
    finTrasInicio('fecha_fin_nueva', 'fecha_inicio_nueva'),
  ]),
};

/** Activities first: the runner applies a run's files in this order, so a file's cambios follow its activities. */
export const CALENDARIO_TABLES: readonly TableContract[] = [calendarioActividades, calendarioCambios];
