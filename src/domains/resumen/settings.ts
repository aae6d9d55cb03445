import { z } from 'zod';
import type { Setting } from '../../core/settings.js';
import type { ResumenCard } from '../types.js';
import type { Meta } from './types.js';

const metaSchema = z.object({ verde: z.number(), amarillo: z.number(), sentido: z.enum(['ascendente', 'descendente']) });

const made = new WeakMap<readonly ResumenCard[], Setting<Record<string, Meta>>>();

/** The targets of the cards (their defaults come with each card; a stored value overrides them, card by card). */
export function metasSetting(cards: readonly ResumenCard[]): Setting<Record<string, Meta>> {
  const known = made.get(cards);
  if (known) return known;
  const s: Setting<Record<string, Meta>> = {
    clave: 'resumen.metas',
    titulo: 'Metas de las tarjetas del Resumen',
    descripcion: 'Umbrales verde y amarillo de cada tarjeta y si más es mejor (ascendente) o peor (descendente).',
    predeterminado: Object.fromEntries(cards.map((c) => [c.id, c.meta])),
    schema: z.object(Object.fromEntries(cards.map((c) => [c.id, metaSchema.partial().strict().optional()]))).strict(),
  };
  made.set(cards, s);
  return s;
}
