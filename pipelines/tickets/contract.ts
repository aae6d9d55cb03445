import { columns, oneOf, req, within } from '../runner/contract.js';
import type { TableContract } from '../runner/types.js';
import { TICKET_HECHOS } from './hechos.js';

export const ESTADOS_TICKET = ['nuevo', 'asignado', 'planificado', 'en espera', 'resuelto', 'cerrado'] as const;

/** `tickets` — UTSI help desk (../shared/contracts/README.md). */
export const tickets: TableContract = {
  table: 'tickets', target: 'core.tickets', key: ['id'],
  columns: columns({
    id: req('bigint'), titulo: 'text', tipo: oneOf(['incidente', 'solicitud']), categoria: 'text', servicio: 'text',
    urgencia: within('int', 1, 5), impacto: within('int', 1, 5), prioridad: within('int', 1, 6),
    estado: req('text', ESTADOS_TICKET), area_solicitante: 'text', clave_odes: 'text', tecnico: 'text',
    fecha_apertura: req('datetime'), fecha_asignacion: 'datetime', fecha_solucion: 'datetime',
    fecha_cierre: 'datetime', fecha_limite_solucion: 'datetime',
    // Not in the file contract; GLPI's date_mod when the API is the source (the incremental watermark).
    fecha_modificacion: 'datetime',
  }),
  // The incident figures' columns (hechos.ts), computed from the dates above at each merge.
  derived: TICKET_HECHOS,
};
