import { z } from 'zod';
import type { Setting } from '../../core/settings.js';
import type { SesionesConfig } from './types.js';

const horas = z.number().min(0).max(24 * 60).nullable();

export const anticipacionMinima: Setting<SesionesConfig> = {
  clave: 'sesiones.config',
  titulo: 'Anticipación mínima de las convocatorias',
  descripcion: 'Horas mínimas entre convocatoria e inicio por tipo de sesión (null = sin mínimo).',
  predeterminado: { anticipacion_minima_horas: { ordinaria: 72, extraordinaria: 24, solemne: 24, urgente: null, permanente: null } },
  schema: z.object({
    anticipacion_minima_horas: z.object({ ordinaria: horas, extraordinaria: horas, solemne: horas, urgente: horas, permanente: horas }).partial().strict().optional(),
  }).strict(),
};
