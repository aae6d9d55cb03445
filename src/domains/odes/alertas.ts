import { z } from 'zod';
import { todayMx } from '../../core/time.js';
import { ruleType, SOBRE_CARGAS, type Observation, type RuleType } from '../reglas.js';
import { computeIndice } from './indice.js';
import { resolveProceso } from './queries.js';
import { getOdesConfig } from './settings.js';
import { COMPONENTE_NOMBRE, COMPONENTES, type IndiceRow, type ProcesoInfo } from './types.js';

/**
 * ODES rule types (issue 13): over the compliance index of the latest process as of today (Mexico City), computed
 * by the domain's own query (computeIndice, one cut-off, every council at once).
 */
const link = (p: ProcesoInfo, clave: string): string => `/odes/${encodeURIComponent(clave)}?proceso=${encodeURIComponent(p.proceso)}`;
const nombre = (r: IndiceRow): string => `consejo ${r.clave_odes}${r.cabecera ? ` (${r.cabecera})` : ''}`;

async function indices(wh: Parameters<RuleType['evaluar']>[0], ahora: number) {
  const p = await resolveProceso(wh, undefined);
  if (!p) return null;
  const cfg = await getOdesConfig(wh);
  const hasta = todayMx(ahora);
  return { p, cfg, rows: await computeIndice(wh, p.proceso, [hasta], cfg) };
}

const umbral = z.strictObject({ umbral: z.number().min(0).max(100).optional() });

export const odesBajoDesempeno = ruleType<z.infer<typeof umbral>>({
  tipo: 'odes_bajo_desempeno', titulo: 'Consejo con bajo desempeño', parametros: umbral, ...SOBRE_CARGAS,
  descripcion: 'El índice de cumplimiento de un consejo (ODES) del proceso más reciente está debajo del umbral de «bajo desempeño» (Parámetros → ODES, 70 por omisión; parámetro «umbral» para otro).',
  async evaluar(wh, prm, ctx) {
    const d = await indices(wh, ctx.ahora);
    if (!d) return [];
    const u = prm.umbral ?? d.cfg.umbral_bajo_desempeno;
    return d.rows.filter((r) => r.indice !== null && r.indice < u).map((r): Observation => ({
      sujeto: r.clave_odes,
      severidad: 'advertencia',
      mensaje: `El índice de cumplimiento del ${nombre(r)} es ${r.indice!.toFixed(1)}, debajo del umbral de bajo desempeño (${u}) en ${d.p.nombre}.`,
      resuelta: `El índice de cumplimiento del ${nombre(r)} volvió a ${u} o más.`,
      enlace: link(d.p, r.clave_odes),
    }));
  },
});

export const odesComponenteCero = ruleType<Record<string, never>>({
  tipo: 'odes_componente_cero', titulo: 'Componente de un consejo en 0', parametros: z.strictObject({}), ...SOBRE_CARGAS,
  descripcion: 'Un componente del índice de cumplimiento de un consejo (instalación, integración, sesiones, actas, estrados, entregables, supervisión) vale 0 en el proceso más reciente.',
  async evaluar(wh, _p, ctx) {
    const d = await indices(wh, ctx.ahora);
    if (!d) return [];
    return d.rows.flatMap((r): Observation[] => {
      const ceros = COMPONENTES.filter((c) => r.componentes[c] === 0);
      if (!ceros.length) return [];
      const lista = ceros.map((c) => COMPONENTE_NOMBRE[c].toLowerCase()).join(', ');
      return [{
        sujeto: r.clave_odes,
        severidad: 'advertencia',
        mensaje: `En el ${nombre(r)} ${ceros.length === 1 ? 'el componente' : 'los componentes'} ${lista} ${ceros.length === 1 ? 'vale' : 'valen'} 0 (${d.p.nombre}).`,
        resuelta: `Ningún componente del ${nombre(r)} vale 0 ya.`,
        enlace: link(d.p, r.clave_odes),
      }];
    });
  },
});

export const reglasOdes: readonly RuleType[] = [odesBajoDesempeno, odesComponenteCero];
