import { audit } from '../../audit/log.js';
import type { Warehouse } from '../../db/warehouse.js';
import { CatalogError, validateServicio, type Servicio } from '../../core/uptime.js';
import { mxInstant } from '../../core/time.js';
import type { Mantenimiento } from './types.js';

export { CatalogError, type Servicio };

/** Listeners told when the catalogue changes in this process (the probe engine reloads at once). */
const listeners = new Set<() => void>();
export function onCatalogChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
function changed(): void {
  for (const fn of listeners) fn();
}

const COLS = 'id, nombre, tipo, destino, intervalo_s, timeout_ms, palabra_clave, codigos_ok, criticidad, publico, activo';
const FIELDS = ['nombre', 'tipo', 'destino', 'intervalo_s', 'timeout_ms', 'palabra_clave', 'codigos_ok', 'criticidad', 'publico', 'activo'] as const;

export async function listServicios(wh: Warehouse): Promise<Servicio[]> {
  return wh.all<Servicio>(`SELECT ${COLS} FROM core.servicios ORDER BY criticidad = 'alta' DESC, criticidad = 'media' DESC, nombre`);
}

export async function getServicio(wh: Warehouse, id: string): Promise<Servicio | undefined> {
  return wh.one<Servicio>(`SELECT ${COLS} FROM core.servicios WHERE id = $1`, [id]);
}

export async function createServicio(wh: Warehouse, input: Record<string, unknown>, usuario: string | null): Promise<Servicio> {
  const s = validateServicio(input);
  if (await getServicio(wh, s.id)) throw new CatalogError(409, `Ya existe el servicio «${s.id}».`);
  await wh.transaction(async (c) => {
    await c.run(`INSERT INTO core.servicios (${COLS}) VALUES ($id, $nombre, $tipo, $destino, $intervalo_s, $timeout_ms, $palabra_clave, $codigos_ok, $criticidad, $publico, $activo)`, { ...s });
    await audit(c, usuario, 'servicio.crear', s.id, null, s);
  });
  changed();
  return s;
}

export async function updateServicio(wh: Warehouse, id: string, patch: Record<string, unknown>, usuario: string | null): Promise<Servicio> {
  const before = await getServicio(wh, id);
  if (!before) throw new CatalogError(404, `No existe el servicio «${id}».`);
  const merged: Record<string, unknown> = { ...before };
  for (const f of FIELDS) if (f in patch) merged[f] = patch[f];
  const s = validateServicio({ ...merged, id });
  await wh.transaction(async (c) => {
    await c.run(
      `UPDATE core.servicios SET nombre = $nombre, tipo = $tipo, destino = $destino, intervalo_s = $intervalo_s, timeout_ms = $timeout_ms,
         palabra_clave = $palabra_clave, codigos_ok = $codigos_ok, criticidad = $criticidad, publico = $publico, activo = $activo WHERE id = $id`,
      { ...s },
    );
    await audit(c, usuario, 'servicio.modificar', id, before, s);
  });
  changed();
  return s;
}

/** Removes a service from the catalogue (its history and rollups stay, for the record). */
export async function deleteServicio(wh: Warehouse, id: string, usuario: string | null): Promise<void> {
  const before = await getServicio(wh, id);
  if (!before) throw new CatalogError(404, `No existe el servicio «${id}».`);
  await wh.transaction(async (c) => {
    await c.run('DELETE FROM core.mantenimientos WHERE servicio_id = $1', [id]);
    await c.run('DELETE FROM core.servicios WHERE id = $1', [id]);
    await audit(c, usuario, 'servicio.eliminar', id, before, null);
  });
  changed();
}

export async function listMantenimientos(wh: Warehouse, servicio?: string): Promise<Mantenimiento[]> {
  return wh.all<Mantenimiento>(
    `SELECT id, servicio_id, inicio, fin, motivo FROM core.mantenimientos WHERE ($s::VARCHAR IS NULL OR servicio_id = $s) ORDER BY inicio DESC`,
    { s: servicio ?? null },
  );
}

function ts(v: unknown, campo: string): string {
  const s = String(v ?? '').trim();
  // dd/mm/aaaa hh:mm (Mexico City) or ISO; an ISO without offset is read in Mexico City time.
  const mx = /^(\d{2})\/(\d{2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(s);
  const isoS = mx ? mxInstant(`${mx[3]}-${mx[2]}-${mx[1]}T${(mx[4] ?? '0').padStart(2, '0')}:${mx[5] ?? '00'}`)
    : /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(s) ? mxInstant(s) : s;
  const t = Date.parse(isoS);
  if (!s || Number.isNaN(t)) throw new CatalogError(400, `«${campo}» debe ser una fecha y hora (aaaa-mm-ddThh:mm o dd/mm/aaaa hh:mm).`);
  return new Date(t).toISOString();
}

/** Adds a maintenance window; asks the next rollup to recompute from its start (it may be in the past). */
export async function createMantenimiento(wh: Warehouse, input: Record<string, unknown>, usuario: string | null): Promise<Mantenimiento> {
  const servicio_id = String(input.servicio_id ?? '').trim();
  if (!(await getServicio(wh, servicio_id))) throw new CatalogError(404, `No existe el servicio «${servicio_id}».`);
  const inicio = ts(input.inicio, 'inicio');
  const fin = ts(input.fin, 'fin');
  if (Date.parse(fin) <= Date.parse(inicio)) throw new CatalogError(400, 'El fin del mantenimiento debe ser posterior al inicio.');
  const motivo = input.motivo === undefined || input.motivo === null ? null : String(input.motivo).trim() || null;
  return wh.transaction(async (c) => {
    const r = await c.runAndReadAll(
      `INSERT INTO core.mantenimientos (servicio_id, inicio, fin, motivo) VALUES ($1, $2::TIMESTAMPTZ, $3::TIMESTAMPTZ, $4) RETURNING id`,
      [servicio_id, inicio, fin, motivo],
    );
    await c.run('INSERT INTO core.disp_recalculo (desde) VALUES ($1::TIMESTAMPTZ)', [inicio]);
    const m: Mantenimiento = { id: Number(r.getRows()[0]![0]), servicio_id, inicio, fin, motivo };
    await audit(c, usuario, 'mantenimiento.crear', `${servicio_id}#${m.id}`, null, m);
    return m;
  });
}

export async function deleteMantenimiento(wh: Warehouse, id: number, usuario: string | null): Promise<void> {
  const before = await wh.one<Mantenimiento>('SELECT id, servicio_id, inicio, fin, motivo FROM core.mantenimientos WHERE id = $1', [id]);
  if (!before) throw new CatalogError(404, `No existe el mantenimiento ${id}.`);
  await wh.transaction(async (c) => {
    await c.run('DELETE FROM core.mantenimientos WHERE id = $1', [id]);
    await c.run('INSERT INTO core.disp_recalculo (desde) VALUES ($1::TIMESTAMPTZ)', [before.inicio]);
    await audit(c, usuario, 'mantenimiento.eliminar', `${before.servicio_id}#${id}`, before, null);
  });
}
