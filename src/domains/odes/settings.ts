import { z } from 'zod';
import { mergeValue, readSettingRow, writeSetting, type Setting } from '../../core/settings.js';
import type { Warehouse } from '../../db/warehouse.js';
import { COMPONENTES, type OdesConfig } from './types.js';

const peso = z.number().min(0, 'Los pesos no pueden ser negativos.').max(100, 'Los pesos no pueden pasar de 100.');
export const odesConfigSchema = z
  .object({
    pesos: z.object({
      instalacion: peso, integracion: peso, sesiones: peso, actas: peso, estrados: peso, entregables: peso, supervision: peso,
    }).partial().optional(),
    horas_estrados: z.number().positive('Las horas de estrados deben ser mayores que cero.').max(24 * 30).optional(),
    umbral_bajo_desempeno: z.number().min(0).max(100).optional(),
    umbral_verde: z.number().min(0).max(100).optional(),
  })
  .strict();

/** The ODES compliance index's weights, estrados hours and thresholds (DESIGN.md §3). */
export const indiceOdes: Setting<OdesConfig> = {
  clave: 'odes.config',
  titulo: 'Índice de cumplimiento de los ODES',
  descripcion: 'Pesos de cada componente, horas para fijar acuerdos en estrados y umbral de «bajo desempeño».',
  predeterminado: {
    pesos: { instalacion: 1, integracion: 1, sesiones: 1, actas: 1, estrados: 1, entregables: 1, supervision: 1 },
    horas_estrados: 24,
    umbral_bajo_desempeno: 70,
    umbral_verde: 90,
  },
  schema: odesConfigSchema,
};

export const DEFAULT_ODES_CONFIG: OdesConfig = indiceOdes.predeterminado;

/** The configuration in force and when it was last changed. */
export async function getOdesConfig(wh: Warehouse): Promise<OdesConfig & { actualizado_en: string | null }> {
  const { valor, actualizado_en } = await readSettingRow(wh, indiceOdes);
  return { ...valor, actualizado_en };
}

/** Validation errors of a proposed configuration, in Spanish; empty when valid. */
export function configProblems(cfg: OdesConfig): string[] {
  const out: string[] = [];
  if (COMPONENTES.every((k) => cfg.pesos[k] === 0)) out.push('Al menos un componente debe tener peso mayor que cero.');
  if (cfg.umbral_bajo_desempeno > cfg.umbral_verde) out.push('El umbral de bajo desempeño no puede ser mayor que el umbral verde.');
  return out;
}

/** The configuration `patch` (partial) would leave, merged over the one in force. */
export async function proposedConfig(wh: Warehouse, patch: z.infer<typeof odesConfigSchema>): Promise<{ antes: OdesConfig; despues: OdesConfig }> {
  const { actualizado_en: _a, ...antes } = await getOdesConfig(wh);
  return { antes, despues: mergeValue(antes, patch) };
}

/** Stores a new configuration (partial values are merged over the current one) and audits the change. */
export async function setOdesConfig(wh: Warehouse, usuario: string | null, patch: z.infer<typeof odesConfigSchema>): Promise<OdesConfig> {
  const { antes, despues } = await proposedConfig(wh, patch);
  await writeSetting(wh, indiceOdes, despues, usuario, 'odes.configuracion', antes);
  return despues;
}
