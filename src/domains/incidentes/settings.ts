import { z } from 'zod';
import type { Setting } from '../../core/settings.js';

/** Hours to resolve by priority (1 lowest … 6 highest) when a ticket has no fecha_limite_solucion. */
export const slaHoras: Setting<Record<string, number>> = {
  clave: 'incidentes.sla_horas',
  titulo: 'SLA de la mesa de ayuda',
  descripcion: 'Horas para resolver por prioridad (1 menor … 6 mayor) cuando el ticket no trae fecha límite.',
  predeterminado: { '1': 120, '2': 72, '3': 48, '4': 24, '5': 8, '6': 4 },
  schema: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6']), z.number().positive().max(24 * 365)),
};
