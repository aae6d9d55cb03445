import type { EChartsCoreOption } from 'echarts/core';
import { grafica } from '$lib/components/graficas';
import { MESES, SEM, SEMAFOROS, SEM_HEX } from './shared';
import type { Actividad, Medicion, Resumen } from './tipos';

/** The charts of Metas (null: nothing to draw). */
export function porArea(r: Resumen): EChartsCoreOption | null {
  if (!r.por_area.length) return null;
  return grafica({
    categorias: r.por_area.map((a) => a.area), horizontal: true, margen: { top: 8, bottom: 48 }, ejes: [{ nombre: 'actividades', enteros: true }],
    series: SEMAFOROS.map((s) => ({ nombre: `${SEM[s].icon} ${SEM[s].txt}`, pila: 'a', color: SEM_HEX[s], datos: r.por_area.map((a) => a[s]) })),
  });
}

/** An activity's months: programmed and achieved, and both cumulative (achieved up to the end of quarter `tri`). */
export function mensual(a: Actividad, tri: number): EChartsCoreOption {
  let cp = 0;
  let cr = 0;
  const acumP = a.programado_mensual.map((v) => (cp += v ?? 0));
  const acumR = a.realizado_mensual.map((v, i) => (i < 3 * tri ? (cr += v ?? 0) : null));
  return grafica({
    categorias: [...MESES], ejes: [{ nombre: 'por mes' }, { nombre: 'acumulado' }],
    series: [
      { nombre: 'Programado', datos: a.programado_mensual, color: '#9aa5b1' },
      { nombre: 'Realizado', datos: a.realizado_mensual, color: '#2b6cb0' },
      { nombre: 'Programado acumulado', tipo: 'line', eje: 1, datos: acumP, trazo: 'dashed', color: '#4a5568' },
      { nombre: 'Realizado acumulado', tipo: 'line', eje: 1, datos: acumR, color: '#1a7f4b' },
    ],
  });
}

/** An indicator's periods: value (colored by its semáforo) against the period's target and the baseline. */
export function historia(ficha: Medicion[]): EChartsCoreOption {
  const i = ficha[0]!;
  return grafica({
    categorias: ficha.map((m) => m.periodo), margen: { left: 56 }, ejes: [{ nombre: i.unidad_medida ?? '' }],
    series: [
      { nombre: 'Valor', datos: ficha.map((m) => ({ value: m.valor, itemStyle: { color: m.semaforo ? SEM_HEX[m.semaforo] : '#d9d9e3' } })) },
      { nombre: 'Meta del periodo', tipo: 'line', datos: ficha.map((m) => m.meta_periodo), trazo: 'dashed', color: '#4a5568' },
      ...(i.linea_base !== null ? [{ nombre: 'Línea base', tipo: 'line' as const, datos: ficha.map(() => i.linea_base), trazo: 'dotted' as const, color: '#718096', extra: { symbol: 'none' } }] : []),
    ],
  });
}
