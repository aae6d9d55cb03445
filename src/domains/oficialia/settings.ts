import { z } from 'zod';
import type { Setting } from '../../core/settings.js';
import type { OficialiaConfig } from './types.js';

export const plazoOficialia: Setting<OficialiaConfig> = {
  clave: 'oficialia.config',
  titulo: 'Plazo de Oficialía Electoral',
  descripcion: 'Horas en las que una petición atendida cuenta como «en plazo».',
  predeterminado: { plazo_horas: 72 },
  schema: z.object({ plazo_horas: z.number().positive().max(24 * 365).optional() }).strict(),
};
