import { addDays } from '../../core/time.js';
import type { ReporteDeclarado } from '../reporte.js';
import { trimestreCerrado } from './informe.js';
import { listaCiclos } from './ciclo.js';
import { reporteCiclo, reportePdf, reporteXlsx } from './reporte.js';
import { actividadesXlsx } from './xlsx.js';

/** The quarter closed by the end of day `hasta` (aaaa-mm-dd). */
export function trimestreCerradoAl(hasta: string): { ejercicio: number; trimestre: number } {
  const finDeMes = addDays(hasta, 1).slice(8, 10) === '01';
  const anio = Number(hasta.slice(0, 4));
  const mes = Number(hasta.slice(5, 7));
  if (finDeMes) return trimestreCerrado(anio, mes);
  return mes === 1 ? trimestreCerrado(anio - 1, 12) : trimestreCerrado(anio, mes - 1);
}

const sinArea = (): never => {
  throw new Error('El usuario no tiene un área asignada.');
};

/** The Metas page's workbook by e-mail: POA activities at the last closed quarter; an `area` user only its own. */
export const reporteMetas: ReporteDeclarado = {
  id: 'metas',
  titulo: 'Metas del POA — actividades (XLSX)',
  formatos: ['xlsx'],
  generar: async (ctx, p) => actividadesXlsx(ctx.wh, { ...trimestreCerradoAl(p.hasta), area: p.usuario.rol !== 'area' ? '' : p.usuario.area ?? sinArea() }),
};

/**
 * The evaluation cycle's report by e-mail (the Evaluación page's PDF and XLSX): the latest cycle whose quarter had
 * closed by the period's end; an `area` user only its own results.
 */
export const reporteEvaluacion: ReporteDeclarado = {
  id: 'evaluacion',
  titulo: 'Evaluación trimestral — reporte del ciclo (PDF o XLSX)',
  formatos: ['pdf', 'xlsx'],
  generar: async (ctx, p) => {
    const cierre = trimestreCerradoAl(p.hasta);
    const ciclo = (await listaCiclos(ctx.wh)).find((c) => c.ejercicio * 10 + c.trimestre <= cierre.ejercicio * 10 + cierre.trimestre);
    if (!ciclo) throw new Error('Aún no hay un ciclo de evaluación de un trimestre cerrado.');
    const area = p.usuario.rol !== 'area' ? '' : p.usuario.area ?? sinArea();
    const r = await reporteCiclo(ctx.wh, ciclo.id, area);
    const nombre = `evaluacion_${ciclo.ejercicio}_T${ciclo.trimestre}${area ? `_${area}` : ''}.${p.formato}`;
    return { contenido: p.formato === 'pdf' ? await reportePdf(r, p.usuario.usuario) : await reporteXlsx(r), nombre };
  },
};
