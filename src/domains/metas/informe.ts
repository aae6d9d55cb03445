import { hasRows, tableExists } from '../../db/sql.js';
import { cifraInforme, seccionVacia, type SeccionInforme } from '../informe.js';
import { resumenMetas } from './queries/metas.js';

/** The quarter closed by the end of month `mes` of `anio` (the POA's figures are cumulative to a quarter's end). */
export function trimestreCerrado(anio: number, mes: number): { ejercicio: number; trimestre: number } {
  const t = Math.floor(mes / 3);
  return t === 0 ? { ejercicio: anio - 1, trimestre: 4 } : { ejercicio: anio, trimestre: t };
}

/** UTP's section of the Informe mensual: POA activities by semáforo at the last closed quarter (DESIGN.md §3 Avance). */
export const seccionMetas: SeccionInforme = {
  id: 'metas', titulo: 'Metas del Programa Operativo Anual (UTP)', orden: 10,
  datos: async (wh, mes) => {
    if (!(await hasRows(wh, 'core.poa_actividades')) || !(await tableExists(wh, 'core.poa_avance'))) return seccionVacia('Sin actividades del POA cargadas.');
    const p = trimestreCerrado(mes.anio, mes.mes);
    const r = await resumenMetas(wh, { ...p, area: '' }).catch(() => null);
    if (!r || r.actividades === 0) return seccionVacia(`Sin actividades del POA ${p.ejercicio}.`);
    return {
      cifras: [
        cifraInforme('Actividades', r.actividades), cifraInforme('En verde', r.verde), cifraInforme('En amarillo', r.amarillo), cifraInforme('En rojo', r.rojo),
        cifraInforme('Rebasadas', r.rebasada), cifraInforme('Sin meta', r.sin_meta), cifraInforme('Avance del instituto', r.avance_pct, 'porcentaje'),
      ],
      tablas: [{
        titulo: 'Por área', columnas: ['Área', 'Verde', 'Amarillo', 'Rojo', 'Rebasada', 'Sin meta', 'Avance (%)'],
        filas: r.por_area.map((a) => [a.area, a.verde, a.amarillo, a.rojo, a.rebasada, a.sin_meta, a.avance_pct]),
      }],
      nota: `Acumulado de enero al cierre del trimestre ${p.trimestre} de ${p.ejercicio} (el último cerrado al fin del mes). Avance = 100 × realizado / programado; verde 90–130 %, amarillo 70–90 %, rojo menos de 70 %, rebasada más de 130 %.`,
    };
  },
};
