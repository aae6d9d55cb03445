import type { EChartsCoreOption } from 'echarts/core';
import { grafica } from '$lib/components/graficas';
import { date, dateTime, num, pct, todayIso } from '$lib/format';
import { colorDia, ultimosDias } from './estado';

export interface Dia { dia: string; total: number; ok: number; mantenimiento: number; uptime: number | null }
export interface Punto { inicio: string; promedio_ms: number | null; p50_ms: number | null; p95_ms: number | null }

/** A CSS color variable as a concrete color (the canvas does not read CSS). */
function css(c: string): string {
  return c.startsWith('var(') ? getComputedStyle(document.documentElement).getPropertyValue(c.slice(4, -1)).trim() || '#999' : c;
}

/** The last 90 days, one bar per day colored by its uptime (grey: no checks). */
export function diaria(dias: Dia[]): EChartsCoreOption | null {
  if (!dias.length) return null;
  const porDia = new Map(dias.map((d) => [d.dia, d]));
  const labels = ultimosDias(90, todayIso());
  return grafica({
    categorias: labels.map((l) => date(l).slice(0, 5)), etiquetas: { interval: 14 }, margen: { right: 12, top: 16, bottom: 40 },
    ejes: [{ min: (v) => Math.max(0, Math.floor(Math.min(v.min, 95))), max: 100, formato: '{value} %' }],
    tooltip: (i) => {
      const day = labels[i]!;
      const d = porDia.get(day);
      if (!d) return `${date(day)}<br>Sin verificaciones`;
      return `${date(day)}<br>Disponibilidad: <b>${pct(d.uptime, 2)}</b><br>Verificaciones: ${num(d.total, 0)} (${num(d.total - d.ok - d.mantenimiento, 0)} fallidas${d.mantenimiento ? `, ${num(d.mantenimiento, 0)} en mantenimiento` : ''})`;
    },
    series: [{
      nombre: 'Disponibilidad', extra: { barCategoryGap: '15%' },
      datos: labels.map((l) => {
        const d = porDia.get(l);
        return { value: d?.uptime ?? null, itemStyle: { color: css(colorDia(d?.uptime)) } };
      }),
    }],
  });
}

/** Hourly response time over the last 7 days: mean, p50 and p95. */
export function latencia(puntos: Punto[]): EChartsCoreOption | null {
  if (!puntos.length) return null;
  return grafica({
    categorias: puntos.map((p) => dateTime(p.inicio)), etiquetas: { interval: 23, formatter: (v: string) => v.slice(0, 5) },
    leyenda: 'arriba', margen: { left: 56, right: 12, top: 32, bottom: 40 }, ejes: [{ formato: '{value} ms' }],
    formatoValor: (v) => (v === null ? '—' : `${num(v, 0)} ms`),
    series: [
      { nombre: 'Promedio', tipo: 'line', sinPuntos: true, datos: puntos.map((p) => p.promedio_ms) },
      { nombre: 'p50', tipo: 'line', sinPuntos: true, datos: puntos.map((p) => p.p50_ms) },
      { nombre: 'p95', tipo: 'line', sinPuntos: true, datos: puntos.map((p) => p.p95_ms) },
    ],
  });
}
