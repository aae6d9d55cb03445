import type { EChartsCoreOption } from 'echarts/core';

/**
 * The dashboard's bar and line charts as data: categories, series and value axes in, an ECharts option out, so a
 * page states what it draws and every chart shares the same tooltip, legend, grid and axis conventions.
 */
export type Valor = number | null | { value: number | null; itemStyle?: { color: string } };

export interface Serie {
  nombre: string;
  datos: Valor[];
  tipo?: 'bar' | 'line';
  color?: string;
  /** Series with the same `pila` are stacked. */
  pila?: string;
  /** 1: the second value axis (right). */
  eje?: 0 | 1;
  /** A dashed or dotted line (targets, limits). */
  trazo?: 'dashed' | 'dotted';
  /** A line without point markers. */
  sinPuntos?: boolean;
  /** Anything else ECharts takes for this series (markLine, symbolSize…). */
  extra?: Record<string, unknown>;
}

export interface EjeValor {
  nombre?: string;
  /** A number, or one computed from the data's own minimum. */
  min?: number | ((datos: { min: number }) => number);
  max?: number;
  /** Whole numbers only (counts). */
  enteros?: boolean;
  /** Label format, e.g. '{value} %'. */
  formato?: string;
}

export interface Grafica {
  categorias: string[];
  series: Serie[];
  /** One or two value axes (default: one without a name). */
  ejes?: EjeValor[];
  /** Categories on the vertical axis, first at the top. */
  horizontal?: boolean;
  leyenda?: 'arriba' | 'abajo' | 'desplazable' | false;
  /** Plot margins in px (defaults follow the legend and the number of axes). */
  margen?: Partial<Record<'left' | 'right' | 'top' | 'bottom', number>>;
  /** Tooltip text of the category at an index (HTML). */
  tooltip?: (indice: number) => string;
  /** How the tooltip writes each value (units, "sin información"). */
  formatoValor?: (v: number | null) => string;
  /** axisLabel of the category axis (interval, rotate, formatter…). */
  etiquetas?: Record<string, unknown>;
}

function ejeValor(e: EjeValor): Record<string, unknown> {
  return {
    type: 'value',
    ...(e.nombre !== undefined ? { name: e.nombre } : {}),
    ...(e.min !== undefined ? { min: e.min } : {}),
    ...(e.max !== undefined ? { max: e.max } : {}),
    ...(e.enteros ? { minInterval: 1 } : {}),
    ...(e.formato ? { axisLabel: { formatter: e.formato } } : {}),
  };
}

function serie(s: Serie): Record<string, unknown> {
  const tipo = s.tipo ?? 'bar';
  return {
    name: s.nombre,
    type: tipo,
    data: s.datos,
    ...(s.pila ? { stack: s.pila } : {}),
    ...(s.eje ? { yAxisIndex: s.eje } : {}),
    ...(s.color ? { itemStyle: { color: s.color } } : {}),
    ...(s.trazo ? { lineStyle: { type: s.trazo } } : {}),
    ...(s.sinPuntos ? (tipo === 'line' ? { showSymbol: false } : {}) : {}),
    ...s.extra,
  };
}

export function grafica(g: Grafica): EChartsCoreOption {
  const ejes = g.ejes ?? [{}];
  const leyenda = g.leyenda ?? (g.series.length > 1 ? 'abajo' : false);
  const margen = {
    left: g.horizontal ? 72 : 48,
    right: ejes.length > 1 ? 48 : 16,
    top: leyenda === 'arriba' ? 36 : 24,
    bottom: leyenda === 'abajo' || leyenda === 'desplazable' ? 56 : 32,
    ...g.margen,
  };
  const categorias = { type: 'category', data: g.categorias, ...(g.horizontal ? { inverse: true } : {}), ...(g.etiquetas ? { axisLabel: g.etiquetas } : {}) };
  const valores = ejes.map(ejeValor);
  return {
    tooltip: {
      trigger: 'axis',
      ...(g.horizontal ? { axisPointer: { type: 'shadow' } } : {}),
      ...(g.formatoValor ? { valueFormatter: g.formatoValor } : {}),
      ...(g.tooltip ? { formatter: (ps: Array<{ dataIndex: number }>) => g.tooltip!(ps[0]?.dataIndex ?? 0) } : {}),
    },
    ...(leyenda ? { legend: leyenda === 'arriba' ? { top: 0 } : leyenda === 'desplazable' ? { bottom: 0, type: 'scroll' } : { bottom: 0 } } : {}),
    grid: margen,
    xAxis: g.horizontal ? valores[0] : categorias,
    yAxis: g.horizontal ? categorias : valores.length === 1 ? valores[0] : valores,
    series: g.series.map(serie),
  };
}

/** One decimal for a chart value (null stays null: a gap, not a zero). */
export const decimal = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Math.round(v * 10) / 10);

/** Sums `valor` of the rows of each category and series key: one list per series, in category order. */
export function cruce<R>(filas: R[], categorias: string[], claves: string[], categoria: (r: R) => string, clave: (r: R) => string, valor: (r: R) => number): number[][] {
  const suma = new Map<string, number>();
  for (const r of filas) {
    const k = `${clave(r)}\u0000${categoria(r)}`;
    suma.set(k, (suma.get(k) ?? 0) + valor(r));
  }
  return claves.map((c) => categorias.map((m) => suma.get(`${c}\u0000${m}`) ?? 0));
}
