import type { DuckDBConnection } from '@duckdb/node-api';
import { audit } from '../../audit/log.js';
import { HttpError } from '../../core/errors.js';
import { rowsOf, type Warehouse } from '../../db/warehouse.js';
import { DIAS_VISIBLE, type Actualizacion, type EstadoIncidente, type Impacto, type Incidente, type IncidentePublico } from './types.js';

/** Status page incidents: UTSI writes them; /estado reads what is open or was resolved in the last 90 days. */

const INCIDENTES = `
  SELECT id, titulo, impacto, estado, servicios, creado_por, creado_en AS inicio, actualizado_en, resuelto_en,
         (resuelto_en IS NULL OR resuelto_en >= $ahora::TIMESTAMPTZ - to_days($dias::INTEGER)) AS publicado
  FROM app.estado_incidentes
  WHERE $solo_publicados = false OR resuelto_en IS NULL OR resuelto_en >= $ahora::TIMESTAMPTZ - to_days($dias::INTEGER)
  ORDER BY (resuelto_en IS NULL) DESC, creado_en DESC, id DESC
  LIMIT 500`;

const ACTUALIZACIONES = `
  SELECT id, incidente_id, estado, mensaje, usuario, fecha FROM app.estado_actualizaciones
  WHERE list_contains(from_json($ids, '["INTEGER"]'), incidente_id)
  ORDER BY fecha DESC, id DESC`;

const INSERT_INCIDENTE = `
  INSERT INTO app.estado_incidentes (titulo, impacto, estado, servicios, creado_por, creado_en, actualizado_en, resuelto_en)
  VALUES ($titulo, $impacto, $estado, from_json($servicios, '["VARCHAR"]'), $usuario, $fecha::TIMESTAMPTZ, $fecha::TIMESTAMPTZ,
          CASE WHEN $estado = 'resuelto' THEN $fecha::TIMESTAMPTZ END)
  RETURNING id`;

const INSERT_ACTUALIZACION = `
  INSERT INTO app.estado_actualizaciones (incidente_id, estado, mensaje, usuario, fecha)
  VALUES ($id, $estado, $mensaje, $usuario, $fecha::TIMESTAMPTZ) RETURNING id`;

const UPDATE_ESTADO = `
  UPDATE app.estado_incidentes SET estado = $estado, actualizado_en = $fecha::TIMESTAMPTZ,
    resuelto_en = CASE WHEN $estado = 'resuelto' THEN coalesce(resuelto_en, $fecha::TIMESTAMPTZ) END
  WHERE id = $id`;

type Fila = Omit<Incidente, 'actualizaciones'>;

async function conActualizaciones(wh: Warehouse, filas: Fila[]): Promise<Incidente[]> {
  if (!filas.length) return [];
  const acts = await wh.all<Actualizacion & { incidente_id: number }>(ACTUALIZACIONES, { ids: JSON.stringify(filas.map((f) => f.id)) });
  return filas.map((f) => ({ ...f, actualizaciones: acts.filter((a) => a.incidente_id === f.id).map(({ incidente_id: _, ...a }) => a) }));
}

/** Every incident (newest first, open ones on top) for UTSI's page; `publicado` says whether /estado shows it. */
export async function listarIncidentes(wh: Warehouse, ahora = new Date().toISOString()): Promise<Incidente[]> {
  return conActualizaciones(wh, await wh.all<Fila>(INCIDENTES, { ahora, dias: DIAS_VISIBLE, solo_publicados: false }));
}

/** What the public /estado page shows: open incidents and those resolved in the last 90 days, without authors. */
export async function incidentesPublicos(wh: Warehouse, ahora = new Date().toISOString()): Promise<IncidentePublico[]> {
  const filas = await wh.all<Fila>(INCIDENTES, { ahora, dias: DIAS_VISIBLE, solo_publicados: true });
  return (await conActualizaciones(wh, filas)).map((i) => ({
    id: i.id, titulo: i.titulo, impacto: i.impacto, estado: i.estado, servicios: i.servicios, inicio: i.inicio, resuelto_en: i.resuelto_en,
    actualizaciones: i.actualizaciones.map((a) => ({ estado: a.estado, mensaje: a.mensaje, fecha: a.fecha })),
  }));
}

export interface NuevoIncidente {
  titulo: string;
  impacto: Impacto;
  estado: EstadoIncidente;
  mensaje: string;
  servicios: string[];
}

/** Opens an incident with its first update, audited, in one transaction. */
export async function crearIncidente(wh: Warehouse, usuario: string, n: NuevoIncidente, fecha = new Date().toISOString()): Promise<number> {
  return wh.transaction(async (c) => {
    const [row] = await rowsOf<{ id: number }>(c, INSERT_INCIDENTE, {
      titulo: n.titulo, impacto: n.impacto, estado: n.estado, servicios: JSON.stringify(n.servicios), usuario, fecha,
    });
    const id = row!.id;
    await rowsOf(c, INSERT_ACTUALIZACION, { id, estado: n.estado, mensaje: n.mensaje, usuario, fecha });
    await audit(c, usuario, 'estado.incidente_crear', `incidente ${id}`, null, n);
    return id;
  });
}

async function existente(c: DuckDBConnection, id: number): Promise<{ estado: EstadoIncidente }> {
  const [row] = await rowsOf<{ estado: EstadoIncidente }>(c, 'SELECT estado FROM app.estado_incidentes WHERE id = $id', { id });
  if (!row) throw new HttpError(404, `No existe el incidente ${id}.`);
  return row;
}

/** Adds a timestamped update; the incident takes its state (resuelto stamps resuelto_en; a later update reopens it). */
export async function actualizarIncidente(wh: Warehouse, usuario: string, id: number, u: { estado: EstadoIncidente; mensaje: string }, fecha = new Date().toISOString()): Promise<number> {
  return wh.transaction(async (c) => {
    const antes = await existente(c, id);
    const [row] = await rowsOf<{ id: number }>(c, INSERT_ACTUALIZACION, { id, estado: u.estado, mensaje: u.mensaje, usuario, fecha });
    await c.run(UPDATE_ESTADO, { id, estado: u.estado, fecha });
    await audit(c, usuario, 'estado.incidente_actualizar', `incidente ${id}`, antes, u);
    return row!.id;
  });
}
