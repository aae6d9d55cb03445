import { audit } from '../../audit/log.js';
import { HttpError } from '../../core/errors.js';
import { rowsOf, type Warehouse } from '../../db/warehouse.js';
import { proximoEnvio } from './periodo.js';
import type { Envio, Formato, Frecuencia, ResultadoEnvio, Suscripcion } from './types.js';

/** The subscriptions and their delivery log (app.reportes_suscripciones, app.reportes_envios). */

const COLUMNAS = `id, usuario, reporte, formato, frecuencia, destino, activa, creada_en, proximo_envio, intentos, reintento_en, ultimo_envio, ultimo_resultado`;

export type FilaSuscripcion = Omit<Suscripcion, 'titulo'>;

/** Every subscription of `usuario`, or all of them (null: an admin's view). */
export async function listarSuscripciones(wh: Warehouse, usuario: string | null): Promise<FilaSuscripcion[]> {
  return wh.all<FilaSuscripcion>(`SELECT ${COLUMNAS} FROM app.reportes_suscripciones WHERE $usuario::VARCHAR IS NULL OR usuario = $usuario ORDER BY usuario, id`, { usuario });
}

export async function getSuscripcion(wh: Warehouse, id: number): Promise<FilaSuscripcion> {
  const s = await wh.one<FilaSuscripcion>(`SELECT ${COLUMNAS} FROM app.reportes_suscripciones WHERE id = $id`, { id });
  if (!s) throw new HttpError(404, `No existe la suscripción ${id}.`);
  return s;
}

/** Active subscriptions whose sending (or retry) time has come. */
export async function pendientes(wh: Warehouse, ahora: Date): Promise<FilaSuscripcion[]> {
  return wh.all<FilaSuscripcion>(
    `SELECT ${COLUMNAS} FROM app.reportes_suscripciones WHERE activa AND coalesce(reintento_en, proximo_envio) <= $ahora::TIMESTAMPTZ ORDER BY proximo_envio, id`,
    { ahora: ahora.toISOString() });
}

export interface NuevaSuscripcion {
  reporte: string;
  formato: Formato;
  frecuencia: Frecuencia;
  destino: string;
}

export async function crearSuscripcion(wh: Warehouse, usuario: string, n: NuevaSuscripcion, ahora = new Date()): Promise<{ id: number; proximo_envio: string }> {
  const proximo = proximoEnvio(n.frecuencia, ahora).toISOString();
  return wh.transaction(async (c) => {
    const [row] = await rowsOf<{ id: number }>(c, `INSERT INTO app.reportes_suscripciones (usuario, reporte, formato, frecuencia, destino, creada_en, proximo_envio)
      VALUES ($usuario, $reporte, $formato, $frecuencia, $destino, $ahora::TIMESTAMPTZ, $proximo::TIMESTAMPTZ) RETURNING id`,
    { usuario, ...n, ahora: ahora.toISOString(), proximo });
    await audit(c, usuario, 'reportes.suscribir', `suscripción ${row!.id}`, null, n);
    return { id: row!.id, proximo_envio: proximo };
  });
}

export async function cambiarActiva(wh: Warehouse, actor: string, s: FilaSuscripcion, activa: boolean, ahora = new Date()): Promise<void> {
  await wh.transaction(async (c) => {
    // Resumed: from the next sending on, not the ones missed while paused.
    await c.run(`UPDATE app.reportes_suscripciones SET activa = $activa, intentos = 0, reintento_en = NULL,
      proximo_envio = CASE WHEN $activa AND NOT activa THEN $proximo::TIMESTAMPTZ ELSE proximo_envio END WHERE id = $id`,
    { id: s.id, activa, proximo: proximoEnvio(s.frecuencia, ahora).toISOString() });
    await audit(c, actor, activa ? 'reportes.reanudar' : 'reportes.pausar', `suscripción ${s.id}`, { activa: s.activa }, { activa });
  });
}

export async function borrarSuscripcion(wh: Warehouse, actor: string, s: FilaSuscripcion): Promise<void> {
  await wh.transaction(async (c) => {
    await c.run('DELETE FROM app.reportes_suscripciones WHERE id = $id', { id: s.id });
    await audit(c, actor, 'reportes.cancelar', `suscripción ${s.id}`, s, null);
  });
}

export interface Intento {
  resultado: ResultadoEnvio;
  detalle: string | null;
  archivo: string | null;
  bytes: number | null;
  periodo_hasta: string;
  intento: number;
  /** The subscription afterwards: its next sending, retry time and attempt count. */
  proximo_envio: string;
  reintento_en: string | null;
  intentos: number;
}

/** Logs one attempt and moves the subscription on, in one transaction. */
export async function registrarIntento(wh: Warehouse, id: number, ahora: Date, i: Intento): Promise<void> {
  await wh.transaction(async (c) => {
    await c.run(`INSERT INTO app.reportes_envios (suscripcion_id, fecha, periodo_hasta, intento, resultado, detalle, archivo, bytes)
      VALUES ($id, $ahora::TIMESTAMPTZ, $periodo_hasta::DATE, $intento, $resultado, $detalle, $archivo, $bytes)`,
    { id, ahora: ahora.toISOString(), periodo_hasta: i.periodo_hasta, intento: i.intento, resultado: i.resultado, detalle: i.detalle, archivo: i.archivo, bytes: i.bytes });
    await c.run(`UPDATE app.reportes_suscripciones SET proximo_envio = $proximo::TIMESTAMPTZ, reintento_en = $reintento::TIMESTAMPTZ, intentos = $intentos,
      ultimo_envio = $ahora::TIMESTAMPTZ, ultimo_resultado = $resultado WHERE id = $id`,
    { id, proximo: i.proximo_envio, reintento: i.reintento_en, intentos: i.intentos, ahora: ahora.toISOString(), resultado: i.resultado });
  });
}

/** The delivery log, newest first: of `usuario`'s subscriptions, or of all (null). */
export async function listarEnvios(wh: Warehouse, usuario: string | null, suscripcion: number | null): Promise<Envio[]> {
  return wh.all<Envio>(`SELECT e.id, e.suscripcion_id, s.usuario, s.reporte, e.fecha, strftime(e.periodo_hasta, '%Y-%m-%d') AS periodo_hasta, e.intento,
      e.resultado, e.detalle, e.archivo, e.bytes
    FROM app.reportes_envios e JOIN app.reportes_suscripciones s ON s.id = e.suscripcion_id
    WHERE ($usuario::VARCHAR IS NULL OR s.usuario = $usuario) AND ($suscripcion::INTEGER IS NULL OR e.suscripcion_id = $suscripcion)
    ORDER BY e.fecha DESC, e.id DESC LIMIT 500`, { usuario, suscripcion });
}
