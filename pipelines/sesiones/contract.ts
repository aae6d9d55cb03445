import type { TableContract } from '../runner/types.js';

export const TIPOS_SESION = ['ordinaria', 'extraordinaria', 'urgente', 'solemne', 'permanente'] as const;
export const VOTACIONES = ['unanimidad', 'mayoria'] as const;

/** `sesiones` — sessions of the Consejo General, the JGE and the commissions; key organo, numero, year of fecha_inicio. */
export const sesiones: TableContract = {
  table: 'sesiones',
  target: 'core.sesiones',
  key: ['organo', 'numero', 'anio'],
  derived: { anio: 'year(fecha_inicio)' },
  columns: [
    { name: 'organo', type: 'text', required: true },
    { name: 'numero', type: 'int', required: true, range: [1, 100000] },
    { name: 'tipo', type: 'text', required: true, values: TIPOS_SESION },
    { name: 'fecha_convocatoria', type: 'datetime' },
    { name: 'fecha_inicio', type: 'datetime', required: true },
    { name: 'fecha_fin', type: 'datetime' },
    { name: 'quorum', type: 'bool' },
    { name: 'puntos', type: 'int', range: [0, 1000] },
    { name: 'acta_aprobada_en', type: 'int', range: [1, 100000] },
  ],
};

/** `acuerdos` — acuerdos numbered OPLEV/CG123/2025; key clave. */
export const acuerdos: TableContract = {
  table: 'acuerdos',
  target: 'core.acuerdos',
  key: ['clave'],
  columns: [
    { name: 'clave', type: 'text', required: true },
    { name: 'organo', type: 'text' },
    { name: 'sesion_numero', type: 'int', range: [1, 100000] },
    { name: 'fecha_aprobacion', type: 'datetime', required: true },
    { name: 'rubro', type: 'text' },
    { name: 'votacion', type: 'text', values: VOTACIONES },
    { name: 'votos_favor', type: 'int', range: [0, 100] },
    { name: 'votos_contra', type: 'int', range: [0, 100] },
    { name: 'fecha_publicacion', type: 'date' },
  ],
};

export const SESIONES_TABLES: readonly TableContract[] = [sesiones, acuerdos];
