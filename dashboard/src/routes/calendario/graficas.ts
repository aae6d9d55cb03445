import type { EChartsCoreOption } from 'echarts/core';
import { decimal, grafica } from '$lib/components/graficas';
import { date, pct } from '$lib/format';
import {
  ESTADO_ACTIVIDAD_ICONO, ESTADO_ACTIVIDAD_LABELS, ESTADOS_ACTIVIDAD, UMBRAL_CUMPLIMIENTO,
  type ActividadCalendario, type EstadoActividad, type ResumenArea,
} from '$domains/calendario/types';

/** The calendar page's charts: the Gantt (ECharts custom series) and each area's cumplimiento. */

/** State colors: the semáforo's where it applies (app.css), blue for running, grey for not started. */
export const COLOR_ESTADO: Record<EstadoActividad, string> = {
  por_iniciar: '#718096', en_ejecucion: '#2b6cb0', fuera_de_plazo: '#c0392b', concluida: '#1a7f4b', concluida_fuera_de_plazo: '#b7791f',
};
const GRIS = '#a0aec0';

export type Agrupar = 'subproceso' | 'area';
export const AGRUPAR: Record<Agrupar, string> = { subproceso: 'Subproceso', area: 'Área' };

const DIA = 86_400_000;
/** A calendar day as the instant its cell starts on the chart's UTC time axis. */
const ms = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

export const semaforoCumplimiento = (v: number | null): 'verde' | 'amarillo' | 'rojo' | 'sin_datos' =>
  v === null ? 'sin_datos' : v >= UMBRAL_CUMPLIMIENTO.verde ? 'verde' : v >= UMBRAL_CUMPLIMIENTO.amarillo ? 'amarillo' : 'rojo';
export const SEMAFORO_TEXTO = { verde: '✓ Verde', amarillo: '! Amarillo', rojo: '✕ Rojo', sin_datos: '— Sin datos' } as const;
export const SEMAFORO_COLOR = { verde: 'var(--verde)', amarillo: 'var(--amarillo)', rojo: 'var(--rojo)', sin_datos: 'var(--sin-meta)' } as const;

export const etiquetaEstado = (e: EstadoActividad | null): string => (e ? `${ESTADO_ACTIVIDAD_ICONO[e]} ${ESTADO_ACTIVIDAD_LABELS[e]}` : '— Cancelada');

/** The rows of the Gantt, grouped (groups in the order they start), each group's activities by start date. */
export function filasGantt(acts: ActividadCalendario[], agrupar: Agrupar): { filas: ActividadCalendario[]; grupos: Array<{ nombre: string; desde: number; hasta: number }> } {
  const grupo = (a: ActividadCalendario): string => (agrupar === 'area' ? a.area : a.subproceso ?? 'Sin subproceso');
  const inicio = new Map<string, string>();
  for (const a of acts) if (!inicio.has(grupo(a)) || a.fecha_inicio < inicio.get(grupo(a))!) inicio.set(grupo(a), a.fecha_inicio);
  const filas = [...acts].sort((x, y) => {
    const gx = grupo(x), gy = grupo(y);
    if (gx !== gy) return inicio.get(gx)!.localeCompare(inicio.get(gy)!) || gx.localeCompare(gy);
    return x.fecha_inicio.localeCompare(y.fecha_inicio) || x.id_actividad.localeCompare(y.id_actividad, 'es', { numeric: true });
  });
  const grupos: Array<{ nombre: string; desde: number; hasta: number }> = [];
  filas.forEach((a, i) => {
    const g = grupos[grupos.length - 1];
    if (g && g.nombre === grupo(a)) g.hasta = i;
    else grupos.push({ nombre: grupo(a), desde: i, hasta: i });
  });
  return { filas, grupos };
}

interface Forma {
  type: 'rect';
  shape: { x: number; y: number; width: number; height: number };
  style: Record<string, unknown>;
}
type Caja = { x: number; y: number; width: number; height: number };

/** A rectangle cut to the plot area (null when nothing of it is visible). */
function recortar(r: Caja, c: Caja): Caja | null {
  const x0 = Math.max(r.x, c.x), x1 = Math.min(r.x + r.width, c.x + c.width);
  const y0 = Math.max(r.y, c.y), y1 = Math.min(r.y + r.height, c.y + c.height);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

const etiqueta = (a: ActividadCalendario): string => `${a.id_actividad} ${a.actividad}`;

/**
 * The Gantt: one row per activity, its programmed span as an outlined bar and its real span (only what happened
 * by `hasta`) as a solid bar inside it, colored by state; bands name the groups; dashed lines mark today and the
 * cut-off date. `hasta` and `hoy` are aaaa-mm-dd.
 */
export function gantt(acts: ActividadCalendario[], agrupar: Agrupar, hasta: string, hoy: string): EChartsCoreOption | null {
  if (!acts.length) return null;
  const { filas, grupos } = filasGantt(acts, agrupar);
  const corte = ms(hasta) + DIA;
  const data = filas.map((a, i) => {
    const iniReal = a.fecha_inicio_real && a.fecha_inicio_real <= hasta ? ms(a.fecha_inicio_real) : null;
    const finReal = a.fecha_fin_real && a.fecha_fin_real <= hasta ? ms(a.fecha_fin_real) + DIA : null;
    // Concluded without a reported start: the real bar spans the programmed start to the real end.
    const desde = iniReal ?? (finReal !== null ? Math.min(ms(a.fecha_inicio), finReal - DIA) : null);
    const color = a.estado ? COLOR_ESTADO[a.estado] : GRIS;
    return { value: [i, ms(a.fecha_inicio), ms(a.fecha_fin) + DIA, desde ?? NaN, finReal ?? (desde !== null ? corte : NaN), finReal === null ? 1 : 0], itemStyle: { color }, actividad: a };
  });
  const marcas = [{ xAxis: ms(hoy) + DIA / 2, name: `Hoy ${date(hoy)}`, lineStyle: { color: '#5b2a86', type: 'dashed', width: 2 } }];
  if (hasta !== hoy) marcas.push({ xAxis: corte - DIA / 2, name: `Corte ${date(hasta)}`, lineStyle: { color: '#2d3748', type: 'dotted', width: 2 } });
  return {
    useUTC: true,
    animation: false,
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { data?: { actividad?: ActividadCalendario } }) => {
        const a = p.data?.actividad;
        if (!a) return '';
        const esc = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
        return [
          `<strong>${esc(a.id_actividad)} · ${esc(a.actividad)}</strong>`,
          `${esc(a.area)}${a.subproceso ? ` · ${esc(a.subproceso)}` : ''} · ${etiquetaEstado(a.estado)}`,
          `Programada: ${date(a.fecha_inicio)} – ${date(a.fecha_fin)}`,
          `Real: ${date(a.fecha_inicio_real)} – ${date(a.fecha_fin_real)}`,
          ...(a.cambios ? [`Original: ${date(a.fecha_inicio_original)} – ${date(a.fecha_fin_original)} (${a.cambios} ${a.cambios === 1 ? 'cambio' : 'cambios'})`] : []),
          ...(a.dias_atraso ? [`${a.dias_atraso} días de atraso`] : []),
        ].join('<br>');
      },
    },
    grid: { left: 230, right: 24, top: 28, bottom: 56 },
    xAxis: { type: 'time', position: 'top', axisLabel: { formatter: '{dd}/{MM}/{yyyy}', hideOverlap: true }, splitLine: { show: true, lineStyle: { color: '#edf2f7' } } },
    yAxis: {
      type: 'category', inverse: true, data: filas.map(etiqueta),
      axisLabel: { width: 210, overflow: 'truncate', fontSize: 11 }, axisTick: { show: false },
    },
    dataZoom: [
      // Scrolling rows keeps the time axis of the whole calendar (and today's line) in view.
      { type: 'slider', yAxisIndex: 0, filterMode: 'none', right: 0, width: 14, startValue: 0, endValue: Math.min(filas.length - 1, 24), showDetail: false, brushSelect: false },
      { type: 'inside', yAxisIndex: 0, filterMode: 'none', zoomOnMouseWheel: false, moveOnMouseWheel: true },
      { type: 'slider', xAxisIndex: 0, bottom: 8, height: 18, labelFormatter: (v: number) => date(new Date(v).toISOString().slice(0, 10)) },
    ],
    series: [
      {
        type: 'custom', name: 'Actividades', encode: { x: [1, 2], y: 0 }, data,
        renderItem: (params: { coordSys: Caja }, api: { value: (i: number) => number; coord: (v: [number, number]) => [number, number]; size: (v: [number, number]) => [number, number]; visual: (k: string) => string }) => {
          const fila = api.value(0);
          const alto = api.size([0, 1])[1];
          const color = api.visual('color');
          const [x0, yc] = api.coord([api.value(1), fila]);
          const [x1] = api.coord([api.value(2), fila]);
          const hijos: Forma[] = [];
          const prog = recortar({ x: x0, y: yc - alto * 0.36, width: Math.max(x1 - x0, 2), height: alto * 0.72 }, params.coordSys);
          if (prog) hijos.push({ type: 'rect', shape: prog, style: { fill: `${color}26`, stroke: color, lineWidth: 1 } });
          const r0 = api.value(3), r1 = api.value(4);
          if (!Number.isNaN(r0) && !Number.isNaN(r1)) {
            const [a] = api.coord([r0, fila]);
            const [b] = api.coord([r1, fila]);
            const real = recortar({ x: a, y: yc - alto * 0.18, width: Math.max(b - a, 2), height: alto * 0.36 }, params.coordSys);
            // Under way (no real end by the cut-off): lighter, so the unfinished part reads apart from a finished one.
            if (real) hijos.push({ type: 'rect', shape: real, style: { fill: color, opacity: api.value(5) ? 0.55 : 1 } });
          }
          return { type: 'group', children: hijos };
        },
      },
      {
        // Carries the group bands and the date lines (a series without points of its own).
        type: 'scatter', name: 'Marcas', data: [], silent: true,
        markLine: { symbol: 'none', silent: true, label: { formatter: '{b}', position: 'end' }, data: marcas },
        markArea: {
          silent: true,
          label: { position: 'insideTopRight', color: '#4a5568', fontSize: 11, fontWeight: 600 },
          data: grupos.map((g, i) => [
            { yAxis: etiqueta(filas[g.desde]!), name: g.nombre, itemStyle: { color: i % 2 ? 'rgba(91, 42, 134, 0.05)' : 'rgba(0, 0, 0, 0)' } },
            { yAxis: etiqueta(filas[g.hasta]!) },
          ]),
        },
      },
    ],
  };
}

/** Each area's cumplimiento (%), colored by its semáforo, the lowest first. */
export function cumplimientoPorArea(areas: ResumenArea[]): EChartsCoreOption | null {
  const con = areas.filter((a) => a.cumplimiento_pct !== null).sort((a, b) => a.cumplimiento_pct! - b.cumplimiento_pct! || a.area.localeCompare(b.area));
  if (!con.length) return null;
  const colores = { verde: '#1a7f4b', amarillo: '#b7791f', rojo: '#c0392b', sin_datos: '#718096' };
  return grafica({
    categorias: con.map((a) => a.area), horizontal: true, ejes: [{ nombre: '%', max: 100, min: 0 }], margen: { left: 80 },
    formatoValor: (v) => pct(v),
    tooltip: (i) => {
      const a = con[i]!;
      return `<strong>${a.area}</strong>: ${pct(a.cumplimiento_pct)} (${SEMAFORO_TEXTO[semaforoCumplimiento(a.cumplimiento_pct)]})<br>`
        + ESTADOS_ACTIVIDAD.map((e) => `${etiquetaEstado(e)}: ${a[e]}`).join('<br>');
    },
    series: [{ nombre: 'Cumplimiento', datos: con.map((a) => ({ value: decimal(a.cumplimiento_pct), itemStyle: { color: colores[semaforoCumplimiento(a.cumplimiento_pct)] } })) }],
  });
}
