import type { EChartsCoreOption } from 'echarts/core';
import { grafica } from '$lib/components/graficas';
import { date, hours, num, pct } from '$lib/format';
import { PRIORIDADES, type Desglose, type Edad, type Resumen, type Semana } from './tipos';

/** The four charts of Incidentes: what each draws from the API's answers (null: nothing to draw). */
const ETIQUETAS = { fontSize: 11 };

export function semanal(semanas: Semana[]): EChartsCoreOption | null {
  if (!semanas.some((s) => s.abiertos + s.resueltos > 0)) return null;
  return grafica({
    categorias: semanas.map((s) => date(s.semana)), leyenda: 'arriba', etiquetas: ETIQUETAS, margen: { left: 40, bottom: 40 },
    ejes: [{ nombre: 'tickets', enteros: true }],
    series: [
      { nombre: 'Abiertos', datos: semanas.map((s) => s.abiertos), color: '#5b2a86' },
      { nombre: 'Resueltos', datos: semanas.map((s) => s.resueltos), color: '#2b6cb0' },
    ],
  });
}

export function porEdad(edades: Edad[]): EChartsCoreOption | null {
  if (!edades.some((e) => e.tickets > 0)) return null;
  return grafica({
    categorias: edades.map((e) => e.rango), leyenda: 'arriba', etiquetas: ETIQUETAS, margen: { left: 40, bottom: 30 },
    ejes: [{ enteros: true }],
    series: [
      { nombre: 'Pendientes', datos: edades.map((e) => e.tickets), color: '#b7791f' },
      { nombre: 'De prioridad 5–6', datos: edades.map((e) => e.prioridad_alta), color: '#c0392b' },
    ],
  });
}

export function mttrPorPrioridad(pr: Resumen['por_prioridad']): EChartsCoreOption | null {
  if (!pr.some((p) => p.resueltos > 0)) return null;
  return grafica({
    categorias: pr.map((p) => (p.prioridad === null ? 'Sin prioridad' : PRIORIDADES[String(p.prioridad)] ?? String(p.prioridad))),
    leyenda: 'arriba', etiquetas: ETIQUETAS, margen: { bottom: 30 }, ejes: [{ nombre: 'horas' }],
    tooltip: (i) => {
      const p = pr[i]!;
      return `Prioridad ${p.prioridad ?? '—'}<br>Resueltos: ${num(p.resueltos, 0)}<br>MTTR mediana: ${hours(p.mttr_horas_mediana)}<br>MTTR p90: ${hours(p.mttr_horas_p90)}<br>SLA cumplido: ${pct(p.sla_cumplido_pct)}`;
    },
    series: [
      { nombre: 'Mediana', datos: pr.map((p) => p.mttr_horas_mediana), color: '#1a7f4b' },
      { nombre: 'p90', datos: pr.map((p) => p.mttr_horas_p90), color: '#718096' },
    ],
  });
}

export function porDimension(top: Desglose[]): EChartsCoreOption | null {
  if (!top.length) return null;
  return grafica({
    categorias: top.map((d) => d.valor), horizontal: true, leyenda: 'arriba', margen: { left: 170, bottom: 24 },
    etiquetas: { width: 160, overflow: 'truncate', fontSize: 11 }, ejes: [{ enteros: true }],
    tooltip: (i) => {
      const d = top[i]!;
      return `${d.valor}<br>Abiertos: ${num(d.abiertos, 0)} · Resueltos: ${num(d.resueltos, 0)} · Backlog: ${num(d.backlog, 0)}<br>MTTR mediana: ${hours(d.mttr_horas_mediana)} · SLA: ${pct(d.sla_cumplido_pct)}`;
    },
    series: [
      { nombre: 'Abiertos', datos: top.map((d) => d.abiertos), color: '#5b2a86' },
      { nombre: 'Resueltos', datos: top.map((d) => d.resueltos), color: '#2b6cb0' },
      { nombre: 'Backlog', datos: top.map((d) => d.backlog), color: '#b7791f' },
    ],
  });
}

export function semaforoSla(v: number | null): { texto: string; color: string } {
  if (v === null) return { texto: '— Sin datos', color: 'var(--sin-meta)' };
  if (v >= 90) return { texto: '✓ Verde', color: 'var(--verde)' };
  if (v >= 70) return { texto: '! Amarillo', color: 'var(--amarillo)' };
  return { texto: '✕ Rojo', color: 'var(--rojo)' };
}
