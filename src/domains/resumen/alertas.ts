import { z } from 'zod';
import { todayMx } from '../../core/time.js';
import { ruleType, SOBRE_CARGAS, type Observation, type RuleType } from '../reglas.js';
import type { ResumenCard } from '../types.js';
import { resumenGeneral, semaforo } from './queries.js';
import { PERIODOS, PERIODO_NOMBRE, type Formato, type Periodo, type SemaforoTarjeta } from './types.js';

/**
 * `semaforo_empeora` (issue 13): a Resumen card whose semáforo over the current period (default the last 30 days) is
 * worse than over the period before it (verde → amarillo → rojo), against its configured target — the same
 * figures and target the Resumen shows. It resolves when the card is back to its earlier color or better.
 */
const RANGO: Partial<Record<SemaforoTarjeta, number>> = { verde: 0, amarillo: 1, rojo: 2 };
const NOMBRE: Record<SemaforoTarjeta, string> = { verde: 'verde', amarillo: 'amarillo', rojo: 'rojo', sin_datos: 'sin datos' };
const NUM = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 });
/** A card's figure as the Resumen writes it: 87.5 %, 1,234, 36 h. */
const cifra = (v: number | null, f: Formato): string =>
  v === null ? '—' : `${NUM.format(v)}${f === 'pct' ? ' %' : f === 'horas' ? ' h' : ''}`;

const params = z.strictObject({ periodo: z.enum(Object.keys(PERIODOS) as [Periodo, ...Periodo[]]).default('mes') });

export function semaforoEmpeora(cards: readonly ResumenCard[]): RuleType {
  return ruleType<z.infer<typeof params>>({
    tipo: 'semaforo_empeora', titulo: 'Semáforo del Resumen empeora', parametros: params, ...SOBRE_CARGAS,
    descripcion: 'Una tarjeta del Resumen pasó a un color peor que en el periodo anterior (verde → amarillo → rojo), contra su meta configurada.',
    async evaluar(wh, prm, ctx) {
      const r = await resumenGeneral(wh, cards, [], prm.periodo, todayMx(ctx.ahora));
      return r.tarjetas.flatMap((t): Observation[] => {
        const antes = semaforo(t.anterior, t.meta);
        const ahora = RANGO[t.semaforo];
        const previo = RANGO[antes];
        if (ahora === undefined || previo === undefined || ahora <= previo) return [];
        return [{
          sujeto: t.id,
          severidad: t.semaforo === 'rojo' ? 'critica' : 'advertencia',
          mensaje: `La tarjeta «${t.titulo}» del Resumen pasó de ${NOMBRE[antes]} a ${NOMBRE[t.semaforo]} (${PERIODO_NOMBRE[prm.periodo]}: ${cifra(t.valor, t.formato)}; antes ${cifra(t.anterior, t.formato)}).`,
          resuelta: `La tarjeta «${t.titulo}» del Resumen ya no está peor que en el periodo anterior.`,
          enlace: t.enlace || '/',
        }];
      });
    },
  });
}
