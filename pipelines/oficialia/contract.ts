import { columns, req, oneOf } from '../runner/contract.js';
import type { TableContract } from '../runner/types.js';

export const TIPOS_PETICIONARIO = ['PP', 'CI', 'OI'] as const;
export const ESTADOS_PETICION = ['recibida', 'prevenida', 'procedente', 'improcedente', 'no_presentada', 'atendida'] as const;

/** `peticiones` — UTOE petitions to certify electoral facts (../shared/contracts/README.md). */
export const peticiones: TableContract = {
  table: 'peticiones', target: 'core.peticiones', key: ['folio'],
  columns: columns({
    folio: req('text'), fecha_recepcion: req('datetime'), organo: req('text'),
    tipo_peticionario: oneOf(TIPOS_PETICIONARIO), acto_a_certificar: 'text', estado: req('text', ESTADOS_PETICION),
    fecha_prevencion: 'datetime', fecha_respuesta_prevencion: 'datetime', fecha_evaluacion: 'datetime',
    fecha_diligencia: 'datetime', fecha_entrega_acta: 'datetime', num_acta: 'text',
  }),
};
