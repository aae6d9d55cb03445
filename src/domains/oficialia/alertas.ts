import { z } from 'zod';
import { readSetting } from '../../core/settings.js';
import { addDays, todayMx } from '../../core/time.js';
import type { Warehouse } from '../../db/warehouse.js';
import { ruleType, SOBRE_CARGAS, type Observation, type RuleType } from '../reglas.js';
import { listaPeticiones } from './queries.js';
import { plazoOficialia } from './settings.js';
import type { Peticion } from './types.js';

/**
 * Oficialía rule types (issue 13): petitions not attended yet (the domain's own list, pending only, received in
 * the last year), by the hours elapsed since reception up to the evaluation's instant.
 */
const link = (p: Peticion): string => `/oficialia?folio=${encodeURIComponent(p.folio)}`;
const horasDesde = (p: Peticion, ahora: number): number => (ahora - Date.parse(p.fecha_recepcion)) / 3_600_000;

async function pendientes(wh: Warehouse, ahora: number): Promise<{ peticiones: Peticion[]; plazo: number }> {
  const hasta = todayMx(ahora);
  const [peticiones, { plazo_horas }] = await Promise.all([
    listaPeticiones(wh, { desde: addDays(hasta, -365), hasta, pendientes: true }),
    readSetting(wh, plazoOficialia),
  ]);
  return { peticiones, plazo: plazo_horas };
}

const quien = (p: Peticion): string => `La petición ${p.folio} (${p.organo === 'OC' ? 'oficinas centrales' : `consejo ${p.organo}`}${p.acto_a_certificar ? `: ${p.acto_a_certificar.slice(0, 80)}` : ''})`;

const porVencerParams = z.strictObject({ horas: z.number().positive().max(24 * 365).default(60) });

export const peticionPorVencer = ruleType<z.infer<typeof porVencerParams>>({
  tipo: 'peticion_por_vencer', titulo: 'Petición por vencer', parametros: porVencerParams, ...SOBRE_CARGAS,
  descripcion: 'Una petición de Oficialía Electoral lleva «horas» (60 por omisión) sin atenderse y todavía no pasa el plazo (Parámetros → Oficialía, 72 h).',
  async evaluar(wh, prm, ctx) {
    const { peticiones, plazo } = await pendientes(wh, ctx.ahora);
    return peticiones.filter((p) => {
      const h = horasDesde(p, ctx.ahora);
      return h >= prm.horas && h <= plazo;
    }).map((p): Observation => ({
      sujeto: p.folio,
      severidad: 'advertencia',
      mensaje: `${quien(p)} lleva ${Math.floor(horasDesde(p, ctx.ahora))} h sin atenderse; el plazo es de ${plazo} h.`,
      resuelta: `La petición ${p.folio} se atendió o pasó el plazo.`,
      enlace: link(p),
    }));
  },
});

export const peticionVencida = ruleType<Record<string, never>>({
  tipo: 'peticion_vencida', titulo: 'Petición fuera de plazo', parametros: z.strictObject({}), ...SOBRE_CARGAS,
  descripcion: 'Una petición de Oficialía Electoral pasó el plazo de atención (Parámetros → Oficialía, 72 h por omisión) sin atenderse.',
  async evaluar(wh, _p, ctx) {
    const { peticiones, plazo } = await pendientes(wh, ctx.ahora);
    return peticiones.filter((p) => horasDesde(p, ctx.ahora) > plazo).map((p): Observation => ({
      sujeto: p.folio,
      severidad: 'critica',
      mensaje: `${quien(p)} pasó el plazo de ${plazo} h sin atenderse (lleva ${Math.floor(horasDesde(p, ctx.ahora))} h).`,
      resuelta: `La petición ${p.folio} ya se atendió.`,
      enlace: link(p),
      inicio: new Date(Date.parse(p.fecha_recepcion) + plazo * 3_600_000).toISOString(),
    }));
  },
});

export const reglasOficialia: readonly RuleType[] = [peticionPorVencer, peticionVencida];
