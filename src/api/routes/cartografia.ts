import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { topology } from 'topojson-server';
import { auditEvent } from '../../audit/log.js';
import { HttpError, InputError } from '../../core/errors.js';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';

export const cartografiaRoutes = new Hono<Env>();

/** Whether cartography is loaded, and from which file. */
cartografiaRoutes.get('/', requireAccess('cartografia'), async (c) => {
  const { wh } = c.get('ctx');
  const n = await wh.one<{ municipios: number; distritos: number }>(
    `SELECT (SELECT count(*) FROM core.municipios)::INTEGER AS municipios, (SELECT count(*) FROM core.distritos)::INTEGER AS distritos`,
  );
  const fuente = await wh.one(`SELECT archivo, formato, municipios, importada_en FROM core.cartografia_fuente ORDER BY importada_en DESC LIMIT 1`);
  return c.json({ cargada: (n?.municipios ?? 0) > 0, municipios: n?.municipios ?? 0, distritos: n?.distritos ?? 0, fuente: fuente ?? null });
});

/**
 * The municipalities for ECharts' registerMap; feature name = CVEGEO. TopoJSON by default (shared borders once,
 * coordinates quantized to about 8 m: a fraction of the GeoJSON's bytes; the dashboard decodes it with
 * topojson-client); `formato=geojson` answers the FeatureCollection itself.
 */
cartografiaRoutes.get('/municipios', requireAccess('cartografia'), async (c) => {
  const formato = c.req.query('formato') ?? 'topojson';
  if (formato !== 'topojson' && formato !== 'geojson') throw new InputError('formato', 'El formato debe ser «topojson» o «geojson».');
  const { wh } = c.get('ctx');
  const rows = await wh.all<{ cvegeo: string; nombre: string; cabecera: string | null; poblacion: number | null; rep_lon: number | null; rep_lat: number | null; geometria: string }>(
    'SELECT cvegeo, nombre, cabecera, poblacion, rep_lon, rep_lat, geometria FROM core.municipios ORDER BY cvegeo',
  );
  if (rows.length === 0) return c.json({ error: 'No hay cartografía cargada.' }, 404);
  const geojson = {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.cvegeo,
      properties: { name: r.cvegeo, cvegeo: r.cvegeo, nombre: r.nombre, cabecera: r.cabecera, poblacion: r.poblacion, rep: r.rep_lon !== null ? [r.rep_lon, r.rep_lat] : null },
      geometry: JSON.parse(r.geometria) as GeoJSON.Geometry,
    })),
  };
  return c.json(formato === 'geojson' ? geojson : topology({ municipios: geojson }, QUANTIZATION));
});

/** Grid of the quantized coordinates: 100,000 steps across Veracruz (~800 km) is ~8 m, below what a screen shows. */
const QUANTIZATION = 1e5;

/** The seats of the 30 local districts, placed at their municipality's seat. */
cartografiaRoutes.get('/distritos', requireAccess('cartografia'), async (c) => {
  const { wh } = c.get('ctx');
  return c.json(
    await wh.all(
      `SELECT d.distrito, d.cabecera, d.cabecera_cvegeo, d.cabecera_municipio, m.cabecera_lon AS lon, m.cabecera_lat AS lat
       FROM core.distritos d LEFT JOIN core.municipios m ON m.cvegeo = d.cabecera_cvegeo ORDER BY d.distrito`,
    ),
  );
});

/** Admin upload of a GeoJSON or TopoJSON (multipart, field «archivo»); imported by the cartography pipeline. */
cartografiaRoutes.post('/importar', requireAccess('procesos'), async (c) => {
  const ctx = c.get('ctx');
  if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
    throw new HttpError(415, 'Envíe el archivo como multipart/form-data, en el campo «archivo».', { parametro: 'archivo' });
  }
  const form = await c.req.formData().catch(() => null);
  const file = form?.get('archivo');
  if (!file || typeof file === 'string') throw new InputError('archivo', 'Adjunte el archivo GeoJSON o TopoJSON en el campo «archivo».');
  const dir = path.join(ctx.config.dataDir, 'cargas');
  fs.mkdirSync(dir, { recursive: true });
  const name = path.basename(file.name || 'cartografia.json').replace(/[^\w.-]/g, '_').slice(0, 100);
  const dest = path.join(dir, `${Date.now()}_${name}`);
  fs.writeFileSync(dest, Buffer.from(await file.arrayBuffer()));
  const p = ctx.pipelines.find((x) => x.name === 'cartografia')!;
  const { id } = await ctx.startRun(p, { origen: 'manual', options: { archivo: dest } });
  await auditEvent(ctx.wh, c.get('user')!.usuario, 'cartografia.importar', name, null, { ejecucion: id });
  return c.json({ id, estado: 'en_curso' }, 202);
});
