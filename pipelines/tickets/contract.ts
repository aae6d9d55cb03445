import type { TableContract } from '../runner/types.js';

export const ESTADOS_TICKET = ['nuevo', 'asignado', 'planificado', 'en espera', 'resuelto', 'cerrado'] as const;

/** `tickets` — UTSI help desk (../shared/contracts/README.md). */
export const tickets: TableContract = {
  table: 'tickets',
  target: 'core.tickets',
  key: ['id'],
  columns: [
    { name: 'id', type: 'bigint', required: true },
    { name: 'titulo', type: 'text' },
    { name: 'tipo', type: 'text', values: ['incidente', 'solicitud'] },
    { name: 'categoria', type: 'text' },
    { name: 'servicio', type: 'text' },
    { name: 'urgencia', type: 'int', range: [1, 5] },
    { name: 'impacto', type: 'int', range: [1, 5] },
    { name: 'prioridad', type: 'int', range: [1, 6] },
    { name: 'estado', type: 'text', required: true, values: ESTADOS_TICKET },
    { name: 'area_solicitante', type: 'text' },
    { name: 'clave_odes', type: 'text' },
    { name: 'tecnico', type: 'text' },
    { name: 'fecha_apertura', type: 'datetime', required: true },
    { name: 'fecha_asignacion', type: 'datetime' },
    { name: 'fecha_solucion', type: 'datetime' },
    { name: 'fecha_cierre', type: 'datetime' },
    { name: 'fecha_limite_solucion', type: 'datetime' },
    // Not in the file contract; GLPI's date_mod when the API is the source (the incremental watermark).
    { name: 'fecha_modificacion', type: 'datetime' },
  ],
};
