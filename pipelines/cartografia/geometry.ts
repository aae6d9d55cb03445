import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

export interface MunicipioGeo {
  cvegeo: string;
  nombre: string | null;
  poblacion: number | null;
  viviendas: number | null;
  geometry: unknown;
}

interface GeoFeature {
  id?: string | number;
  properties?: Record<string, unknown> | null;
  geometry?: unknown;
}

const prop = (p: Record<string, unknown>, ...names: string[]): unknown => {
  const keys = Object.keys(p);
  for (const n of names) {
    const k = keys.find((x) => x.toLowerCase() === n.toLowerCase());
    if (k !== undefined && p[k] !== null && p[k] !== '') return p[k];
  }
  return undefined;
};

/** Reads a GeoJSON FeatureCollection or a TopoJSON topology into the municipalities of Veracruz. */
export function parseMunicipios(text: string): MunicipioGeo[] {
  let doc: { type?: string; features?: GeoFeature[]; objects?: Record<string, unknown> };
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('el archivo no es JSON válido (se esperaba GeoJSON o TopoJSON)');
  }
  let features: GeoFeature[];
  if (doc.type === 'Topology' && doc.objects) {
    const topo = doc as unknown as Topology;
    const name = Object.keys(topo.objects).find((k) => /municip/i.test(k)) ?? Object.keys(topo.objects)[0];
    if (!name) throw new Error('el TopoJSON no tiene objetos');
    const fc = feature(topo, topo.objects[name] as GeometryCollection) as unknown as { features: GeoFeature[] };
    features = fc.features;
  } else if (doc.type === 'FeatureCollection' && Array.isArray(doc.features)) {
    features = doc.features;
  } else {
    throw new Error('se esperaba un FeatureCollection de GeoJSON o un Topology de TopoJSON');
  }
  return features.map((f, i) => {
    const p = f.properties ?? {};
    const raw = prop(p, 'CVEGEO', 'cvegeo') ?? f.id;
    const cvegeo = raw === undefined ? '' : String(raw).padStart(5, '0');
    if (!/^30\d{3}$/.test(cvegeo) || Number(cvegeo) < 30001 || Number(cvegeo) > 30212) {
      throw new Error(`el elemento ${i + 1} tiene CVEGEO «${raw ?? ''}»; se esperaba un municipio de Veracruz (30001–30212)`);
    }
    const num = (v: unknown): number | null => (v === undefined || v === null || Number.isNaN(Number(v)) ? null : Number(v));
    return {
      cvegeo,
      nombre: (prop(p, 'NOMGEO', 'nom_agem', 'nombre', 'NOM_MUN', 'name') as string | undefined) ?? null,
      poblacion: num(prop(p, 'POB_2020', 'POB', 'poblacion', 'POBTOT')),
      viviendas: num(prop(p, 'VIV_HAB_2020', 'VIV', 'viviendas')),
      geometry: f.geometry,
    };
  });
}
