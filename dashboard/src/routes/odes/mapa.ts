import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { AreaValor, SedeValor } from '$lib/components/MapaVeracruz.svelte';
import { pct } from '$lib/format';
import { COMPONENTE_NOMBRE, SEMAFORO, cssColor, semaforoDe, type Componente, type CumplimientoRow, type OdesConfig, type Semaforo } from './shared';

/** What the ODES map draws: one area per municipal council, one point per district seat, colored by semáforo. */
export interface Distrito { distrito: number; cabecera: string; lon: number | null; lat: number | null }
export interface Geo { type: 'FeatureCollection'; features: Array<{ properties: { name: string; nombre: string } }> }

const decoded = new WeakMap<Topology, Geo>();
/** The municipalities' GeoJSON from the TopoJSON the API sends (a fraction of the bytes), decoded once per answer. */
export function geoDe(topo: Topology): Geo {
  let geo = decoded.get(topo);
  if (!geo) decoded.set(topo, (geo = feature(topo, topo.objects.municipios as GeometryCollection) as unknown as Geo));
  return geo;
}

/** Points keep a shape per state, so the map reads without color too. */
const FORMA: Record<Semaforo, string> = { verde: 'circle', amarillo: 'triangle', rojo: 'diamond', sin_info: 'emptyCircle' };
const esc = (s: string): string => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

export function colores(): Record<Semaforo, string> {
  return {
    verde: cssColor('--verde', '#1a7f4b'),
    amarillo: cssColor('--amarillo', '#b7791f'),
    rojo: cssColor('--rojo', '#c0392b'),
    sin_info: cssColor('--sin-info', '#d9d9e3'),
  };
}

/** The value a council is colored by: its index, or one component. */
export const valorDe = (r: CumplimientoRow, componente: Componente | ''): number | null => (componente ? r.componentes[componente] : r.indice);

function tooltip(r: CumplimientoRow, valor: number | null, s: Semaforo, componente: Componente | ''): string {
  const deb = r.componente_mas_debil;
  const medida = componente ? COMPONENTE_NOMBRE[componente] : 'Índice';
  return [
    `<strong>${esc(r.clave_odes)} · ${esc(r.cabecera ?? '')}</strong> (${r.tipo === 'municipal' ? 'consejo municipal' : 'consejo distrital'})`,
    `${medida}: ${valor === null ? 'sin información' : pct(valor)} ${SEMAFORO[s].simbolo} ${SEMAFORO[s].palabra}`,
    componente ? `Índice: ${pct(r.indice)}` : `Componentes con datos: ${r.componentes_con_datos} de 7`,
    deb ? `Componente más débil: ${COMPONENTE_NOMBRE[deb]} (${pct(r.componentes[deb])})` : 'Componente más débil: sin información',
    '<em>Clic para ver el consejo</em>',
  ].join('<br>');
}

export function modeloMapa(rows: CumplimientoRow[], distritos: Distrito[], cfg: OdesConfig, tipo: string, componente: Componente | ''): { areas: AreaValor[]; sedes: SedeValor[] } {
  const c = colores();
  const areas: AreaValor[] = [];
  if (tipo !== 'distrital') {
    for (const r of rows) {
      if (r.tipo !== 'municipal' || !r.municipio_cvegeo) continue;
      const v = valorDe(r, componente);
      const s = semaforoDe(v, cfg);
      areas.push({ cvegeo: r.municipio_cvegeo, clave: r.clave_odes, valor: v, color: c[s], simbolo: SEMAFORO[s].simbolo, palabra: SEMAFORO[s].palabra, tooltip: tooltip(r, v, s, componente) });
    }
  }
  const porClave = new Map(rows.filter((r) => r.tipo === 'distrital').map((r) => [r.clave_odes, r]));
  const sedes: SedeValor[] = tipo === 'municipal' ? [] : distritos.filter((d) => d.lon !== null && d.lat !== null).map((d) => {
    const clave = `D${String(d.distrito).padStart(2, '0')}`;
    const r = porClave.get(clave);
    const v = r ? valorDe(r, componente) : null;
    const s = semaforoDe(v, cfg);
    return {
      clave, nombre: d.cabecera, lon: d.lon!, lat: d.lat!, valor: v, color: c[s], forma: FORMA[s],
      tooltip: r ? tooltip(r, v, s, componente) : `<strong>${clave} · ${esc(d.cabecera)}</strong> (consejo distrital)<br>— Sin información en este proceso`,
    };
  });
  return { areas, sedes };
}
