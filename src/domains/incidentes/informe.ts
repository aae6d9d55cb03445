import { hasRows } from '../../db/sql.js';
import { cifraInforme, seccionVacia, type SeccionInforme } from '../informe.js';
import { resumen } from './queries.js';

/** UTSI's help desk in the Informe mensual: tickets opened and solved in the month (DESIGN.md §3 Incidents). */
export const seccionIncidentes: SeccionInforme = {
  id: 'incidentes', titulo: 'Mesa de ayuda e incidentes (UTSI)', orden: 40,
  datos: async (wh, mes) => {
    if (!(await hasRows(wh, 'core.tickets'))) return seccionVacia('Sin tickets cargados.');
    const r = await resumen(wh, { desde: mes.desde, hasta: mes.hasta });
    return {
      cifras: [
        cifraInforme('Tickets abiertos', r.abiertos), cifraInforme('Tickets resueltos', r.resueltos), cifraInforme('Pendientes al cierre del mes', r.backlog),
        cifraInforme('Mediana de horas para resolver (MTTR)', r.mttr_horas_mediana, 'horas'), cifraInforme('Resueltos dentro del SLA', r.sla_cumplido_pct, 'porcentaje'),
      ],
      tablas: r.por_prioridad.length ? [{
        titulo: 'Por prioridad', columnas: ['Prioridad', 'Resueltos', 'MTTR mediana (h)', 'SLA cumplido (%)'],
        filas: r.por_prioridad.map((p) => [p.prioridad ?? 'Sin prioridad', p.resueltos, p.mttr_horas_mediana, p.sla_cumplido_pct]),
      }] : [],
      nota: 'Abiertos y resueltos dentro del mes; pendientes = abiertos al último día del mes y no resueltos entonces; MTTR sobre los resueltos del mes.',
    };
  },
};
