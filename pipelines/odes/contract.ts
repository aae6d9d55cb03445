import type { TableContract } from '../runner/types.js';

export const TIPOS_CONSEJO = ['distrital', 'municipal'] as const;
export const CARGOS = [
  'presidencia', 'consejeria_1', 'consejeria_2', 'consejeria_3', 'consejeria_4', 'secretaria', 'vocal_organizacion', 'vocal_capacitacion',
] as const;
export const CALIDADES = ['propietario', 'suplente'] as const;
export const MOTIVOS_BAJA = ['renuncia', 'remocion', 'fallecimiento', 'otro'] as const;
export const TIPOS_SESION = ['ordinaria', 'extraordinaria', 'urgente', 'solemne', 'permanente'] as const;
export const SEVERIDADES = ['baja', 'media', 'alta'] as const;

/** `odes_consejos` — one row per council and process (../shared/contracts/README.md). */
export const odesConsejos: TableContract = {
  table: 'odes_consejos',
  target: 'core.odes_consejos',
  key: ['proceso', 'clave_odes'],
  columns: [
    { name: 'proceso', type: 'text', required: true },
    { name: 'clave_odes', type: 'text', required: true },
    { name: 'tipo', type: 'text', required: true, values: TIPOS_CONSEJO },
    { name: 'cabecera', type: 'text' },
    { name: 'fecha_instalacion_programada', type: 'date' },
    { name: 'fecha_instalacion', type: 'date' },
    { name: 'fecha_conclusion', type: 'date' },
  ],
};

/** `odes_integracion` — one row per person per position. */
export const odesIntegracion: TableContract = {
  table: 'odes_integracion',
  target: 'core.odes_integracion',
  key: ['proceso', 'clave_odes', 'cargo', 'calidad', 'fecha_designacion'],
  columns: [
    { name: 'proceso', type: 'text', required: true },
    { name: 'clave_odes', type: 'text', required: true },
    { name: 'cargo', type: 'text', required: true, values: CARGOS },
    { name: 'calidad', type: 'text', required: true, values: CALIDADES },
    { name: 'persona', type: 'text' },
    { name: 'fecha_designacion', type: 'date' },
    { name: 'fecha_baja', type: 'date' },
    { name: 'motivo_baja', type: 'text', values: MOTIVOS_BAJA },
  ],
};

/** `odes_sesiones` — sessions of each council (not the UTS `sesiones` of the Consejo General). */
export const odesSesiones: TableContract = {
  table: 'odes_sesiones',
  target: 'core.odes_sesiones',
  key: ['proceso', 'clave_odes', 'numero'],
  columns: [
    { name: 'proceso', type: 'text', required: true },
    { name: 'clave_odes', type: 'text', required: true },
    { name: 'numero', type: 'int', required: true, range: [1, 100000] },
    { name: 'tipo', type: 'text', values: TIPOS_SESION },
    { name: 'fecha_convocatoria', type: 'datetime' },
    { name: 'fecha_programada', type: 'datetime', required: true },
    { name: 'fecha_inicio', type: 'datetime' },
    { name: 'quorum', type: 'bool' },
    { name: 'acta_aprobada_en', type: 'int', range: [1, 100000] },
  ],
};

/** `odes_acuerdos` — acuerdos of each council and when they were posted on the estrados. */
export const odesAcuerdos: TableContract = {
  table: 'odes_acuerdos',
  target: 'core.odes_acuerdos',
  key: ['proceso', 'clave_odes', 'clave_acuerdo'],
  columns: [
    { name: 'proceso', type: 'text', required: true },
    { name: 'clave_odes', type: 'text', required: true },
    { name: 'clave_acuerdo', type: 'text', required: true },
    { name: 'sesion_numero', type: 'int' },
    { name: 'fecha_aprobacion', type: 'datetime', required: true },
    { name: 'fecha_fijacion_estrados', type: 'datetime' },
  ],
};

/** `odes_entregables` — reports each council owes, with their deadline and delivery. */
export const odesEntregables: TableContract = {
  table: 'odes_entregables',
  target: 'core.odes_entregables',
  key: ['proceso', 'clave_odes', 'entregable', 'fecha_limite'],
  columns: [
    { name: 'proceso', type: 'text', required: true },
    { name: 'clave_odes', type: 'text', required: true },
    { name: 'entregable', type: 'text', required: true },
    { name: 'fecha_limite', type: 'date', required: true },
    { name: 'fecha_entrega', type: 'date' },
  ],
};

/** `odes_supervision` — observations of the supervision visits, with their deadline and attention. */
export const odesSupervision: TableContract = {
  table: 'odes_supervision',
  target: 'core.odes_supervision',
  key: ['proceso', 'clave_odes', 'folio_visita', 'num_observacion'],
  columns: [
    { name: 'proceso', type: 'text', required: true },
    { name: 'clave_odes', type: 'text', required: true },
    { name: 'folio_visita', type: 'text', required: true },
    { name: 'fecha_visita', type: 'date' },
    { name: 'num_observacion', type: 'int', required: true },
    { name: 'rubro', type: 'text' },
    { name: 'observacion', type: 'text' },
    { name: 'severidad', type: 'text', values: SEVERIDADES },
    { name: 'fecha_limite', type: 'date' },
    { name: 'fecha_atencion', type: 'date' },
  ],
};

export const ODES_TABLES = [odesConsejos, odesIntegracion, odesSesiones, odesAcuerdos, odesEntregables, odesSupervision] as const;
