import { audit } from '../../audit/log.js';
import type { Warehouse } from '../../db/warehouse.js';
import { parseCodigos } from '../../core/uptime.js';
import { HttpError } from '../../core/errors.js';
import { mxInstant } from '../../core/time.js';

/** A catalogue entry as stored (core.servicios). */
export interface Servicio {
  id: string;
  nombre: string;
  tipo: 'http' | 'tcp';
  destino: string;
  intervalo_s: number;
  timeout_ms: number;
  palabra_clave: string | null;
  codigos_ok: string;
  criticidad: 'alta' | 'media' | 'baja';
  publico: boolean;
  activo: boolean;
}

export interface Mantenimiento {
  id: number;
  servicio_id: string;
  inicio: string;
  fin: string;
  motivo: string | null;
}

/** Invalid input, with the HTTP status the API answers. */
export class CatalogError extends HttpError {
  constructor(status: 400 | 404 | 409, message: string) {
    super(status, message);
  }
}

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

function bool(v: unknown, campo: string): boolean {
  if (typeof v === 'boolean') return v;
  const s = String(v).trim().toLowerCase();
  if (['si', 'sí', '1', 'true'].includes(s)) return true;
  if (['no', '0', 'false'].includes(s)) return false;
  throw new CatalogError(400, `«${campo}» debe ser sí o no.`);
}

function int(v: unknown, campo: string, lo: number, hi: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < lo || n > hi) throw new CatalogError(400, `«${campo}» debe ser un entero entre ${lo} y ${hi}.`);
  return n;
}

/** Validates the whole entry (after merging a patch), returning a clean copy. */
export function validateServicio(x: Record<string, unknown>): Servicio {
  const id = String(x.id ?? '').trim();
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(id)) throw new CatalogError(400, 'El id debe tener minúsculas, dígitos, guiones o guiones bajos (hasta 64).');
  const nombre = String(x.nombre ?? '').trim();
  if (!nombre) throw new CatalogError(400, 'Falta el nombre del servicio.');
  const tipo = String(x.tipo ?? 'http').trim().toLowerCase();
  if (tipo !== 'http' && tipo !== 'tcp') throw new CatalogError(400, 'El tipo debe ser http o tcp.');
  const destino = String(x.destino ?? '').trim();
  if (!destino) throw new CatalogError(400, 'Falta el destino (URL o host:puerto).');
  if (tipo === 'http' && !/^(https?:\/\/|\{local\})/i.test(destino)) throw new CatalogError(400, 'El destino de un servicio http debe ser una URL http:// o https://.');
  if (tipo === 'tcp' && !/^(\{local\}|\[?[\w.:-]+\]?:\d{1,5})$/.test(destino)) throw new CatalogError(400, 'El destino de un servicio tcp debe ser host:puerto.');
  const codigos_ok = String(x.codigos_ok ?? '200-399').trim() || '200-399';
  if (!parseCodigos(codigos_ok)) throw new CatalogError(400, 'Los códigos aceptados deben ser como 200-399 o 200,204,301-302.');
  const criticidad = String(x.criticidad ?? 'media').trim().toLowerCase();
  if (!['alta', 'media', 'baja'].includes(criticidad)) throw new CatalogError(400, 'La criticidad debe ser alta, media o baja.');
  const pk = x.palabra_clave === null || x.palabra_clave === undefined ? '' : String(x.palabra_clave).trim();
  return {
    id, nombre, tipo, destino,
    intervalo_s: int(x.intervalo_s ?? 60, 'intervalo_s', 10, 86_400),
    timeout_ms: int(x.timeout_ms ?? 10_000, 'timeout_ms', 100, 120_000),
    palabra_clave: pk || null,
    codigos_ok,
    criticidad: criticidad as Servicio['criticidad'],
    publico: bool(x.publico ?? false, 'publico'),
    activo: bool(x.activo ?? true, 'activo'),
  };
}

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
