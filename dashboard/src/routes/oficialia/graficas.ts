import type { EChartsCoreOption } from 'echarts/core';
import { decimal, grafica } from '$lib/components/graficas';
import { date } from '$lib/format';
import { TIPOS, type Resumen } from './tipos';

/** The four charts of Oficialía Electoral (null: nothing to draw). */
export function porSemana(r: Resumen): EChartsCoreOption | null {
  const s = r.semanal;
  if (!s.length) return null;
  return grafica({
    categorias: s.map((x) => date(x.semana)), margen: { left: 40, top: 16 }, ejes: [{ nombre: 'peticiones', enteros: true }],
    series: [
      { nombre: 'Oficinas centrales', pila: 'r', datos: s.map((x) => x.oficinas_centrales) },
      { nombre: 'Consejos distritales', pila: 'r', datos: s.map((x) => x.consejos_distritales) },
      { nombre: 'Consejos municipales', pila: 'r', datos: s.map((x) => x.consejos_municipales) },
    ],
  });
}

export function porTipo(r: Resumen): EChartsCoreOption | null {
  const t = r.por_tipo;
  if (!t.length) return null;
  return grafica({
    categorias: t.map((x) => TIPOS[x.tipo_peticionario] ?? x.tipo_peticionario), margen: { left: 40, right: 40 },
    ejes: [{ nombre: 'peticiones', enteros: true }, { nombre: '% en plazo', max: 100 }],
    series: [
      { nombre: 'Recibidas', datos: t.map((x) => x.recibidas) },
      { nombre: 'Pendientes', datos: t.map((x) => x.backlog) },
      { nombre: '% en plazo', tipo: 'line', eje: 1, datos: t.map((x) => decimal(x.en_plazo_pct)) },
    ],
  });
}

/** The 20 organs with most petitions: hours to attention against the deadline. */
export function porOrgano(r: Resumen): EChartsCoreOption | null {
  const o = r.por_organo.slice(0, 20);
  if (!o.length) return null;
  return grafica({
    categorias: o.map((x) => x.organo), etiquetas: { interval: 0, rotate: 45 }, margen: { left: 56 }, ejes: [{ nombre: 'horas' }],
    series: [
      { nombre: 'Mediana de atención (h)', datos: o.map((x) => decimal(x.horas_atencion_mediana)) },
      { nombre: 'p90 de atención (h)', datos: o.map((x) => decimal(x.horas_atencion_p90)) },
      { nombre: `Plazo (${r.plazo_horas} h)`, tipo: 'line', trazo: 'dashed', datos: o.map(() => r.plazo_horas), extra: { symbol: 'none' } },
    ],
  });
}

export function porAntiguedad(r: Resumen): EChartsCoreOption {
  return grafica({
    categorias: r.antiguedad_backlog.map((a) => a.rango), margen: { left: 40, top: 16 }, ejes: [{ enteros: true }],
    series: [{ nombre: 'Peticiones pendientes', datos: r.antiguedad_backlog.map((a) => a.peticiones) }],
  });
}
