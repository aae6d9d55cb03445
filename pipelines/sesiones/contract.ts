import { columns, oneOf, req, within } from '../runner/contract.js';
import type { TableContract } from '../runner/types.js';

export const TIPOS_SESION = ['ordinaria', 'extraordinaria', 'urgente', 'solemne', 'permanente'] as const;
export const VOTACIONES = ['unanimidad', 'mayoria'] as const;

/** `sesiones` — sessions of the Consejo General, the JGE and the commissions; key organo, numero, year of fecha_inicio. */
export const sesiones: TableContract = {
  table: 'sesiones', target: 'core.sesiones', key: ['organo', 'numero', 'anio'],
  derived: { anio: 'year(fecha_inicio)' },
  columns: columns({
    organo: req('text'), numero: within('int', 1, 100000, true), tipo: req('text', TIPOS_SESION),
    fecha_convocatoria: 'datetime', fecha_inicio: req('datetime'), fecha_fin: 'datetime', quorum: 'bool',
    puntos: within('int', 0, 1000), acta_aprobada_en: within('int', 1, 100000),
  }),
};

/** `acuerdos` — acuerdos numbered OPLEV/CG123/2025; key clave. */
export const acuerdos: TableContract = {
  table: 'acuerdos', target: 'core.acuerdos', key: ['clave'],
  columns: columns({
    clave: req('text'), organo: 'text', sesion_numero: within('int', 1, 100000), fecha_aprobacion: req('datetime'),
    rubro: 'text', votacion: oneOf(VOTACIONES), votos_favor: within('int', 0, 100),
    votos_contra: within('int', 0, 100), fecha_publicacion: 'date',
  }),
};

export const SESIONES_TABLES: readonly TableContract[] = [sesiones, acuerdos];
