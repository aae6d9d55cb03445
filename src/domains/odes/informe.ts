import { fechaDmy } from '../../core/html.js';
import { avg } from '../../core/figures.js';
import { hasRows } from '../../db/sql.js';
import { cifraInforme, seccionVacia, type SeccionInforme } from '../informe.js';
import { cumplimiento, resolveProceso } from './queries.js';
import { getOdesConfig } from './settings.js';

/** UTVODES's section of the Informe mensual: the councils' compliance index at the month's last day (DESIGN.md §3). */
export const seccionOdes: SeccionInforme = {
  id: 'odes', titulo: 'Órganos desconcentrados (UTVODES)', orden: 30,
  datos: async (wh, mes) => {
    const p = (await hasRows(wh, 'core.odes_consejos')) ? await resolveProceso(wh, undefined) : null;
    if (!p) return seccionVacia('Sin consejos cargados.');
    const cfg = await getOdesConfig(wh);
    const rows = await cumplimiento(wh, p, mes.hasta, cfg);
    const bajos = rows.filter((r) => r.bajo_desempeno).sort((a, b) => (a.indice ?? 0) - (b.indice ?? 0));
    return {
      cifras: [
        cifraInforme('Consejos', rows.length), cifraInforme('Índice de cumplimiento promedio', avg(rows.map((r) => r.indice))),
        cifraInforme(`Consejos bajo ${cfg.umbral_bajo_desempeno} (bajo desempeño)`, bajos.length),
      ],
      tablas: bajos.length ? [{
        titulo: 'Consejos con bajo desempeño', columnas: ['Consejo', 'Cabecera', 'Índice', 'Componentes con datos'],
        filas: bajos.slice(0, 30).map((r) => [r.clave_odes, r.cabecera, r.indice, r.componentes_con_datos]),
      }] : [],
      nota: `Proceso ${p.nombre}; índice 0–100 al ${fechaDmy(mes.hasta)} sobre lo que vencía a esa fecha (promedio ponderado de los componentes con datos).`,
    };
  },
};
