import type { EChartsCoreOption } from 'echarts/core';
import { cruce, decimal, grafica } from '$lib/components/graficas';
import { TIPOS, cap, type Resumen } from './tipos';

/** The four charts of Sesiones (null: nothing to draw). */
const mesLabel = (m: string): string => new Date(`${m}-15T12:00:00Z`).toLocaleDateString('es-MX', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Sessions by month, stacked by organ or by type. */
export function porMes(r: Resumen, por: 'organo' | 'tipo'): EChartsCoreOption | null {
  if (!r.por_mes.length) return null;
  const meses = [...new Set(r.por_mes.map((x) => x.mes))].sort();
  const claves = por === 'organo' ? [...new Set(r.por_mes.map((x) => x.organo))] : TIPOS.filter((t) => r.por_mes.some((x) => x.tipo === t));
  const sumas = cruce(r.por_mes, meses, claves, (x) => x.mes, (x) => x[por], (x) => x.sesiones);
  return grafica({
    categorias: meses.map(mesLabel), leyenda: por === 'organo' ? 'desplazable' : 'abajo', margen: { left: 40, top: 16 },
    ejes: [{ nombre: 'sesiones', enteros: true }],
    series: claves.map((c, i) => ({ nombre: por === 'organo' ? c : cap(c), pila: por, datos: sumas[i]! })),
  });
}

export function anticipacion(r: Resumen): EChartsCoreOption | null {
  const t = r.por_tipo;
  if (!t.length) return null;
  return grafica({
    categorias: t.map((x) => cap(x.tipo)), ejes: [{ nombre: 'horas' }, { nombre: '% cumple', max: 100 }],
    series: [
      { nombre: 'Mediana de anticipación (h)', datos: t.map((x) => decimal(x.horas_anticipacion_mediana)) },
      { nombre: 'Mínimo (h)', datos: t.map((x) => x.minimo_horas) },
      { nombre: '% con anticipación suficiente', tipo: 'line', eje: 1, datos: t.map((x) => decimal(x.anticipacion_cumplida_pct)) },
    ],
  });
}

export function acuerdosPorMes(r: Resumen): EChartsCoreOption | null {
  const a = r.acuerdos_por_mes;
  if (!a.length) return null;
  return grafica({
    categorias: a.map((x) => mesLabel(x.mes)), margen: { left: 40 }, ejes: [{ nombre: 'acuerdos', enteros: true }, { nombre: 'días' }],
    series: [
      { nombre: 'Aprobados', datos: a.map((x) => x.acuerdos) },
      { nombre: 'Publicados', datos: a.map((x) => x.publicados) },
      { nombre: 'Mediana de días a la publicación', tipo: 'line', eje: 1, datos: a.map((x) => x.dias_publicacion_mediana) },
    ],
  });
}
