import { loadExcel } from '../../core/lazy-libs.js';
import type { Warehouse } from '../../db/warehouse.js';
import { listaActividades, type FiltroMetas } from './queries/metas.js';
import { CLASIFICACION_NOMBRE, MESES, SEMAFORO_NOMBRE } from './types.js';
import { fileNameSuffix } from '../../core/file-name.js';

/** The POA activities of a period as an Excel workbook (the Metas page's download and its scheduled report). */
export async function actividadesXlsx(wh: Warehouse, f: FiltroMetas): Promise<{ contenido: Buffer; nombre: string }> {
  const rows = await listaActividades(wh, f);
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(`Actividades T${f.trimestre} ${f.ejercicio}`);
  ws.addRow([`Avance del POA ${f.ejercicio}, acumulado de enero al cierre del trimestre ${f.trimestre}${f.area ? ` — ${f.area}` : ''}`]);
  ws.addRow([
    'Programa', 'Programa específico', 'Área', 'Núm.', 'Actividad', 'Unidad de medida', 'Estatus', 'Programado', 'Realizado', 'Avance %',
    'Semáforo', 'Clasificación', 'Reportes tardíos', 'Meses sin reporte', ...MESES.map((m) => `Prog. ${m}`), ...MESES.map((m) => `Real. ${m}`),
  ]);
  for (const r of rows) {
    ws.addRow([
      r.programa, r.programa_especifico, r.area, r.num_actividad, r.descripcion, r.unidad_medida, r.estatus, r.programado, r.realizado,
      r.avance_pct, SEMAFORO_NOMBRE[r.semaforo], r.clasificacion ? CLASIFICACION_NOMBRE[r.clasificacion] : 'Sin meta', r.reportes_tardios,
      r.meses_sin_reporte, ...r.programado_mensual, ...r.realizado_mensual,
    ]);
  }
  ws.getRow(2).font = { bold: true };
  return {
    contenido: Buffer.from(await wb.xlsx.writeBuffer()),
    nombre: `poa_${f.ejercicio}_T${f.trimestre}${fileNameSuffix(f.area)}.xlsx`,
  };
}
