import { cifraInforme, seccionVacia, type SeccionInforme } from '../informe.js';
import { resumenOficialiaBasico } from './queries.js';

/** UTOE's section of the Informe mensual: the petitions received in the month (DESIGN.md §3 Petitions). */
export const seccionOficialia: SeccionInforme = {
  id: 'oficialia', titulo: 'Oficialía Electoral (UTOE)', orden: 60,
  datos: async (wh, mes) => {
    const r = await resumenOficialiaBasico(wh, { desde: mes.desde, hasta: mes.hasta });
    if (r.recibidas === 0) return seccionVacia('No se recibieron peticiones en el mes.');
    return {
      cifras: [
        cifraInforme('Peticiones recibidas', r.recibidas), cifraInforme('Atendidas', r.atendidas), cifraInforme('Pendientes al cierre del mes', r.backlog),
        cifraInforme('Mediana de horas de atención', r.horas_atencion_mediana, 'horas'), cifraInforme('Atendidas en plazo', r.en_plazo_pct, 'porcentaje'),
      ],
      tablas: [],
      nota: `Peticiones recibidas en el mes; una petición está atendida al entregarse su acta (o al evaluarse, si fue improcedente o no presentada); en plazo = atendida en ${r.plazo_horas} h o menos.`,
    };
  },
};
