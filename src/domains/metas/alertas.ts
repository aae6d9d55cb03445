import { z } from 'zod';
import { addDays, todayMx } from '../../core/time.js';
import { ruleType, SOBRE_CARGAS, type Observation, type RuleType } from '../reglas.js';
import { avancePorArea, enviosDe, listaCiclos, resultadosCiclo } from './ciclo.js';

/**
 * Metas rule type (issue 13): in an open evaluation cycle whose capture deadline is «dias» days away or less, an area
 * that still has results to justify and has not sent them (avancePorArea's `pendiente` or `observado`). Its alert
 * carries the area, so an `area` user sees only its own.
 */
const params = z.strictObject({ dias: z.number().int().min(0).max(90).default(5) });

export const capturaPendiente = ruleType<z.infer<typeof params>>({
  tipo: 'captura_pendiente', titulo: 'Área sin capturar su evaluación', parametros: params, ...SOBRE_CARGAS,
  descripcion: 'En un ciclo de evaluación abierto cuya fecha límite está a «dias» días o menos (5 por omisión), un área no ha enviado sus justificaciones.',
  async evaluar(wh, prm, ctx) {
    const hoy = todayMx(ctx.ahora);
    const ciclos = (await listaCiclos(wh)).filter((c) => c.estado === 'abierto' && c.fecha_limite <= addDays(hoy, prm.dias));
    const out: Observation[] = [];
    for (const c of ciclos) {
      const avance = avancePorArea(await resultadosCiclo(wh, c, ''), await enviosDe(wh, c.id));
      const vencido = c.fecha_limite < hoy;
      for (const a of avance.filter((x) => x.estado === 'pendiente' || x.estado === 'observado')) {
        const fl = c.fecha_limite.split('-').reverse().join('/');
        out.push({
          sujeto: `${a.area}-${c.ejercicio}-T${c.trimestre}`,
          area: a.area,
          severidad: vencido ? 'critica' : 'advertencia',
          mensaje: `El área ${a.area} no ha enviado la evaluación del ${c.trimestre}.º trimestre de ${c.ejercicio} (${a.sin_justificar} de ${a.requieren} resultados sin justificar); la fecha límite ${vencido ? 'fue' : 'es'} el ${fl}.`,
          resuelta: `El área ${a.area} envió la evaluación del ${c.trimestre}.º trimestre de ${c.ejercicio}, o el ciclo ya no está abierto.`,
          enlace: `/evaluacion?ciclo=${c.id}&area=${encodeURIComponent(a.area)}`,
        });
      }
    }
    return out;
  },
});

export const reglasMetas: readonly RuleType[] = [capturaPendiente];
