import { z } from 'zod';
import { audit } from '../../audit/log.js';
import type { Warehouse } from '../../db/warehouse.js';

/** The seven components of the ODES compliance index (DESIGN.md §3), in display order. */
export const COMPONENTES = ['instalacion', 'integracion', 'sesiones', 'actas', 'estrados', 'entregables', 'supervision'] as const;
export type Componente = (typeof COMPONENTES)[number];

export const COMPONENTE_NOMBRE: Record<Componente, string> = {
  instalacion: 'Instalación',
  integracion: 'Integración',
  sesiones: 'Sesiones',
  actas: 'Actas',
  estrados: 'Estrados',
  entregables: 'Entregables',
  supervision: 'Supervisión',
};

export interface OdesConfig {
  /** Weight of each component in the index (default 1 each). */
  pesos: Record<Componente, number>;
  /** An acuerdo is posted on time when fijación − aprobación ≤ these hours. */
  horas_estrados: number;
  /** A council under this index is "bajo desempeño" (rojo). */
  umbral_bajo_desempeno: number;
  /** From this index up a council is verde; between the two thresholds, amarillo. */
  umbral_verde: number;
}

export const ODES_CONFIG_KEY = 'odes.config';

export const DEFAULT_ODES_CONFIG: OdesConfig = {
  pesos: { instalacion: 1, integracion: 1, sesiones: 1, actas: 1, estrados: 1, entregables: 1, supervision: 1 },
  horas_estrados: 24,
  umbral_bajo_desempeno: 70,
  umbral_verde: 90,
};

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

/** Merges a partial configuration over a complete one. */
export function mergeConfig(base: OdesConfig, patch: z.infer<typeof odesConfigSchema>): OdesConfig {
  return {
    pesos: { ...base.pesos, ...(patch.pesos ?? {}) } as Record<Componente, number>,
    horas_estrados: patch.horas_estrados ?? base.horas_estrados,
    umbral_bajo_desempeno: patch.umbral_bajo_desempeno ?? base.umbral_bajo_desempeno,
    umbral_verde: patch.umbral_verde ?? base.umbral_verde,
  };
}

/** The stored configuration over the code's defaults (a malformed stored value falls back to the defaults). */
export async function getOdesConfig(wh: Warehouse): Promise<OdesConfig & { actualizado_en: string | null }> {
  const row = await wh.one<{ valor: string; actualizado_en: string }>('SELECT valor, actualizado_en FROM app.configuracion WHERE clave = $1', [ODES_CONFIG_KEY]);
  if (!row) return { ...DEFAULT_ODES_CONFIG, actualizado_en: null };
  try {
    const parsed = odesConfigSchema.safeParse(JSON.parse(row.valor));
    return { ...(parsed.success ? mergeConfig(DEFAULT_ODES_CONFIG, parsed.data) : DEFAULT_ODES_CONFIG), actualizado_en: row.actualizado_en };
  } catch {
    return { ...DEFAULT_ODES_CONFIG, actualizado_en: row.actualizado_en };
  }
}

/** Validation errors of a proposed configuration, in Spanish; empty when valid. */
export function configProblems(cfg: OdesConfig): string[] {
  const out: string[] = [];
  if (COMPONENTES.every((k) => cfg.pesos[k] === 0)) out.push('Al menos un componente debe tener peso mayor que cero.');
  if (cfg.umbral_bajo_desempeno > cfg.umbral_verde) out.push('El umbral de bajo desempeño no puede ser mayor que el umbral verde.');
  return out;
}

/** Stores a new configuration (partial values are merged over the current one) and audits the change. */
export async function setOdesConfig(wh: Warehouse, usuario: string | null, patch: z.infer<typeof odesConfigSchema>): Promise<OdesConfig> {
  const { actualizado_en: _a, ...antes } = await getOdesConfig(wh);
  const despues = mergeConfig(antes, patch);
  await wh.transaction(async (c) => {
    await c.run(
      `INSERT INTO app.configuracion (clave, valor, actualizado_en) VALUES ($1, $2, now())
       ON CONFLICT (clave) DO UPDATE SET valor = excluded.valor, actualizado_en = now()`,
      [ODES_CONFIG_KEY, JSON.stringify(despues)],
    );
    await audit(c, usuario, 'odes.configuracion', ODES_CONFIG_KEY, antes, despues);
  });
  return despues;
}
