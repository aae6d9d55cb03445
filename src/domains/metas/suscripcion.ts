import { addDays } from '../../core/time.js';
import type { ReporteDeclarado } from '../reporte.js';
import { trimestreCerrado } from './informe.js';
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
