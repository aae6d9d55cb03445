import type { TableContract } from '../runner/types.js';

export const TIPOS_PETICIONARIO = ['PP', 'CI', 'OI'] as const;
export const ESTADOS_PETICION = ['recibida', 'prevenida', 'procedente', 'improcedente', 'no_presentada', 'atendida'] as const;

/** `peticiones` — UTOE petitions to certify electoral facts (../shared/contracts/README.md). */
export const peticiones: TableContract = {
  table: 'peticiones',
  target: 'core.peticiones',
  key: ['folio'],
  columns: [
    { name: 'folio', type: 'text', required: true },
    { name: 'fecha_recepcion', type: 'datetime', required: true },
    { name: 'organo', type: 'text', required: true },
    { name: 'tipo_peticionario', type: 'text', values: TIPOS_PETICIONARIO },
    { name: 'acto_a_certificar', type: 'text' },
    { name: 'estado', type: 'text', required: true, values: ESTADOS_PETICION },
    { name: 'fecha_prevencion', type: 'datetime' },
    { name: 'fecha_respuesta_prevencion', type: 'datetime' },
    { name: 'fecha_evaluacion', type: 'datetime' },
    { name: 'fecha_diligencia', type: 'datetime' },
    { name: 'fecha_entrega_acta', type: 'datetime' },
    { name: 'num_acta', type: 'text' },
  ],
};
