import { fechaDmy } from '../../core/html.js';
import { cifraInforme, seccionVacia, type SeccionInforme } from '../informe.js';
import { procesos, resumen } from './queries.js';

/**
 * The Calendario integral in the Informe mensual (DESIGN.md §3): the activities of the processes whose calendar
 * spans the month, by state at the month's last day. Registered through src/domains/registry.ts until the
 * calendario domain declares it in its own DomainModule.
 */
export const seccionCalendario: SeccionInforme = {
  id: 'calendario', titulo: 'Calendario integral del proceso electoral (UTP)', orden: 20,
  datos: async (wh, mes) => {
    const vigentes = (await procesos(wh)).filter((p) => (!p.inicio || p.inicio <= mes.hasta) && (!p.fin || p.fin >= mes.desde));
    if (!vigentes.length) return seccionVacia('No hay un proceso electoral con calendario en el mes.');
    const filas = [];
    for (const p of vigentes) {
      const r = await resumen(wh, { proceso: p.proceso, hasta: mes.hasta });
      if (r) filas.push({ p, r });
    }
    if (!filas.length) return seccionVacia('No hay un proceso electoral con calendario en el mes.');
    const [primero] = filas;
    const r = primero!.r;
    return {
      cifras: [
        cifraInforme('Concluidas en plazo', r.concluida), cifraInforme('Concluidas fuera de plazo', r.concluida_fuera_de_plazo),
        cifraInforme('Fuera de plazo', r.fuera_de_plazo), cifraInforme('En ejecución', r.en_ejecucion), cifraInforme('Por iniciar', r.por_iniciar),
        cifraInforme('Cumplimiento', r.cumplimiento_pct, 'porcentaje'),
      ],
      tablas: [
        ...filas.length > 1 ? [{
          titulo: 'Por proceso', columnas: ['Proceso', 'Concluidas', 'Fuera de plazo', 'En ejecución', 'Cumplimiento (%)'],
          filas: filas.map(({ p, r: x }) => [p.nombre, x.concluida + x.concluida_fuera_de_plazo, x.fuera_de_plazo, x.en_ejecucion, x.cumplimiento_pct]),
        }] : [],
        {
          titulo: `Por área — ${primero!.p.nombre}`, columnas: ['Área', 'Concluidas', 'Fuera de plazo', 'En ejecución', 'Por iniciar', 'Cumplimiento (%)'],
          filas: r.por_area.map((a) => [a.area, a.concluida + a.concluida_fuera_de_plazo, a.fuera_de_plazo, a.en_ejecucion, a.por_iniciar, a.cumplimiento_pct]),
        },
      ],
      nota: `Proceso ${primero!.p.nombre}, estado de cada actividad al ${fechaDmy(mes.hasta)}; cumplimiento = concluidas en plazo / (concluidas + fuera de plazo). Las canceladas no cuentan.`,
    };
  },
};
