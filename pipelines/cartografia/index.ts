import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadConfig } from '../../src/config/index.js';
import type { LoadCounts, Pipeline, RunContext } from '../runner/types.js';
import { parseMunicipios } from './geometry.js';

export const CATALOGO_CSV = 'veracruz_municipios_catalogo.csv';
export const DISTRITOS_CSV = 'veracruz_distritos_locales_cabeceras.csv';

/** The file to import: the one given (`atalaya import cartografia <file>`), else the demo's TopoJSON. */
export function defaultCartografia(geoDir: string): string {
  const topo = path.join(geoDir, 'veracruz_municipios.topojson');
  return fs.existsSync(topo) ? topo : path.join(geoDir, 'veracruz_municipios.geojson');
}

function readCsv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
}

async function load(c: DuckDBConnection, ctx: RunContext): Promise<LoadCounts> {
  const geoDir = loadConfig().geoDir;
  const file = ctx.options.archivo ? path.resolve(ctx.options.archivo) : defaultCartografia(geoDir);
  if (!fs.existsSync(file)) throw new Error(`no existe el archivo de cartografía ${file}`);
  ctx.progress({ fase: `leyendo ${path.basename(file)}`, hechos: 0, total: null });
  const municipios = parseMunicipios(fs.readFileSync(file, 'utf8'));
  const seen = new Set(municipios.map((m) => m.cvegeo));
  if (seen.size !== municipios.length) throw new Error(`${path.basename(file)}: hay claves CVEGEO repetidas`);
  // The catalogue beside the boundaries adds seats and label points; optional.
  const dir = path.dirname(file);
  const catFile = [path.join(dir, CATALOGO_CSV), path.join(geoDir, CATALOGO_CSV)].find((f) => fs.existsSync(f));
  const catalogo = new Map((catFile ? readCsv(catFile) : []).map((r) => [r.cvegeo ?? '', r]));
  const n = (v: string | undefined): number | null => (v === undefined || v === '' || Number.isNaN(Number(v)) ? null : Number(v));
  await c.run('DELETE FROM core.municipios');
  const app = await c.createAppender('municipios', 'core');
  for (const [i, m] of municipios.entries()) {
    const cat = catalogo.get(m.cvegeo);
    app.appendVarchar(m.cvegeo);
    app.appendInteger(Number(m.cvegeo.slice(2)));
    app.appendVarchar(m.nombre ?? cat?.nombre ?? m.cvegeo);
    for (const v of [cat?.cabecera]) (v ? app.appendVarchar(v) : app.appendNull());
    for (const v of [cat?.cabecera_lon, cat?.cabecera_lat, cat?.rep_lon, cat?.rep_lat]) {
      const x = n(v);
      x === null ? app.appendNull() : app.appendDouble(x);
    }
    for (const v of [m.poblacion ?? n(cat?.pob_2020), m.viviendas ?? n(cat?.viv_hab_2020)]) (v === null ? app.appendNull() : app.appendInteger(v));
    app.appendVarchar(JSON.stringify(m.geometry));
    app.endRow();
    if (i % 50 === 0) ctx.progress({ fase: 'municipios', hechos: i, total: municipios.length });
  }
  app.closeSync();
  const distFile = [path.join(dir, DISTRITOS_CSV), path.join(geoDir, DISTRITOS_CSV)].find((f) => fs.existsSync(f));
  if (distFile) {
    await c.run('DELETE FROM core.distritos');
    for (const d of readCsv(distFile)) {
      await c.run('INSERT INTO core.distritos VALUES ($1, $2, $3, $4, $5)', [
        Number(d.distrito), d.cabecera ?? '', d.cabecera_cvegeo || null, d.cabecera_municipio || null, d.confirmado_proceso_2024 === 'si',
      ]);
    }
  }
  await c.run('INSERT INTO core.cartografia_fuente (archivo, formato, municipios) VALUES ($1, $2, $3)', [
    path.basename(file), /"type"\s*:\s*"Topology"/.test(fs.readFileSync(file, 'utf8').slice(0, 200)) ? 'topojson' : 'geojson', municipios.length,
  ]);
  return { leidas: municipios.length, cargadas: municipios.length, rechazadas: 0 };
}

/** Municipal boundaries of Veracruz (INEGI) and the seats of the 30 local districts. */
export const cartografiaPipeline: Pipeline = {
  name: 'cartografia',
  titulo: 'Cartografía de Veracruz (INEGI)',
  schedule: null,
  freshnessHours: 24 * 365 * 10,
  source: { kind: 'custom', load },
  tables: [],
  checks: [
    { kind: 'unique', table: 'core.municipios', columns: ['cvegeo'] },
    { kind: 'not_null', table: 'core.municipios', column: 'geometria' },
  ],
};
