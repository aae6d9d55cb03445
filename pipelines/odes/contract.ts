import { columns, oneOf, req, within } from '../runner/contract.js';
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
  table: 'odes_consejos', target: 'core.odes_consejos', key: ['proceso', 'clave_odes'],
  columns: columns({
    proceso: req('text'), clave_odes: req('text'), tipo: req('text', TIPOS_CONSEJO), cabecera: 'text',
    fecha_instalacion_programada: 'date', fecha_instalacion: 'date', fecha_conclusion: 'date',
  }),
};

/** `odes_integracion` — one row per person per position. */
export const odesIntegracion: TableContract = {
  table: 'odes_integracion', target: 'core.odes_integracion', key: ['proceso', 'clave_odes', 'cargo', 'calidad', 'fecha_designacion'],
  columns: columns({
    proceso: req('text'), clave_odes: req('text'), cargo: req('text', CARGOS), calidad: req('text', CALIDADES),
    persona: 'text', fecha_designacion: 'date', fecha_baja: 'date', motivo_baja: oneOf(MOTIVOS_BAJA),
  }),
};

/** `odes_sesiones` — sessions of each council (not the UTS `sesiones` of the Consejo General). */
export const odesSesiones: TableContract = {
  table: 'odes_sesiones', target: 'core.odes_sesiones', key: ['proceso', 'clave_odes', 'numero'],
  columns: columns({
    proceso: req('text'), clave_odes: req('text'), numero: within('int', 1, 100000, true), tipo: oneOf(TIPOS_SESION),
    fecha_convocatoria: 'datetime', fecha_programada: req('datetime'), fecha_inicio: 'datetime', quorum: 'bool',
    acta_aprobada_en: within('int', 1, 100000),
  }),
};

/** `odes_acuerdos` — acuerdos of each council and when they were posted on the estrados. */
export const odesAcuerdos: TableContract = {
  table: 'odes_acuerdos', target: 'core.odes_acuerdos', key: ['proceso', 'clave_odes', 'clave_acuerdo'],
  columns: columns({
    proceso: req('text'), clave_odes: req('text'), clave_acuerdo: req('text'), sesion_numero: 'int',
    fecha_aprobacion: req('datetime'), fecha_fijacion_estrados: 'datetime',
  }),
};

/** `odes_entregables` — reports each council owes, with their deadline and delivery. */
export const odesEntregables: TableContract = {
  table: 'odes_entregables', target: 'core.odes_entregables', key: ['proceso', 'clave_odes', 'entregable', 'fecha_limite'],
  columns: columns({
    proceso: req('text'), clave_odes: req('text'), entregable: req('text'), fecha_limite: req('date'),
    fecha_entrega: 'date',
  }),
};

/** `odes_supervision` — observations of the supervision visits, with their deadline and attention. */
export const odesSupervision: TableContract = {
  table: 'odes_supervision', target: 'core.odes_supervision', key: ['proceso', 'clave_odes', 'folio_visita', 'num_observacion'],
  columns: columns({
    proceso: req('text'), clave_odes: req('text'), folio_visita: req('text'), fecha_visita: 'date',
    num_observacion: req('int'), rubro: 'text', observacion: 'text', severidad: oneOf(SEVERIDADES),
    fecha_limite: 'date', fecha_atencion: 'date',
  }),
};

export const ODES_TABLES = [odesConsejos, odesIntegracion, odesSesiones, odesAcuerdos, odesEntregables, odesSupervision] as const;
