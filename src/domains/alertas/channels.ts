import { audit } from '../../audit/log.js';
import { HttpError } from '../../core/errors.js';
import { rowsOf, type Warehouse } from '../../db/warehouse.js';
import type { Canal, EstadoCanal, TipoCanal } from './types.js';

export interface ChannelInput {
  tipo: TipoCanal;
  nombre: string;
  destino: string;
  /** Webhook signing secret; null or absent: unsigned. */
  secreto?: string | null;
  activo?: boolean;
}

const COLS = `id, tipo, nombre, destino, secreto IS NOT NULL AS con_secreto, activo, creado_en`;

/** What the audit log keeps of a channel: never its secret. */
const audited = (c: Partial<ChannelInput>): Record<string, unknown> => {
  const { secreto, ...rest } = c;
  return secreto === undefined ? rest : { ...rest, secreto: secreto ? '(definido)' : null };
};

export async function createChannel(wh: Warehouse, input: ChannelInput, usuario: string | null): Promise<number> {
  return wh.transaction(async (c) => {
    const [r] = await rowsOf<{ id: number }>(
      c,
      `INSERT INTO app.alertas_canales (tipo, nombre, destino, secreto, activo, creado_por) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.tipo, input.nombre, input.destino, input.secreto ?? null, input.activo ?? true, usuario],
    );
    await audit(c, usuario, 'alertas.canal.crear', `canal ${r!.id}`, null, audited(input));
    return r!.id;
  }, 'alertas');
}

export async function listChannels(wh: Warehouse): Promise<Canal[]> {
  return wh.all<Canal>(`SELECT ${COLS} FROM app.alertas_canales ORDER BY id`);
}

export async function getChannel(wh: Warehouse, id: number): Promise<Canal | undefined> {
  return wh.one<Canal>(`SELECT ${COLS} FROM app.alertas_canales WHERE id = $1`, [id]);
}

export const channelNotFound = (id: number): HttpError => new HttpError(404, `No existe el canal ${id}.`);

/** Changes a channel's name, destination, secret or state (`tipo` does not change: create another channel). */
export async function updateChannel(wh: Warehouse, id: number, patch: Partial<Omit<ChannelInput, 'tipo'>>, usuario: string | null): Promise<Canal> {
  return wh.transaction(async (c) => {
    const [before] = await rowsOf<Canal>(c, `SELECT ${COLS} FROM app.alertas_canales WHERE id = $1`, [id]);
    if (!before) throw channelNotFound(id);
    await c.run(
      `UPDATE app.alertas_canales SET nombre = coalesce($nombre::VARCHAR, nombre), destino = coalesce($destino::VARCHAR, destino),
         secreto = CASE WHEN $cambia_secreto::BOOLEAN THEN $secreto::VARCHAR ELSE secreto END, activo = coalesce($activo::BOOLEAN, activo)
       WHERE id = $id::INTEGER`,
      {
        id,
        nombre: patch.nombre ?? null,
        destino: patch.destino ?? null,
        cambia_secreto: patch.secreto !== undefined,
        secreto: patch.secreto ?? null,
        activo: patch.activo ?? null,
      },
    );
    const [after] = await rowsOf<Canal>(c, `SELECT ${COLS} FROM app.alertas_canales WHERE id = $1`, [id]);
    await audit(c, usuario, 'alertas.canal.modificar', `canal ${id}`, before, { ...after, ...audited(patch) });
    return after!;
  }, 'alertas');
}

/**
 * Delivery health per channel, from the attempts log, one message (`lote`) at a time: `fallando` when the channel's
 * last attempted message failed; `fallos_seguidos` counts the failed messages since its last success.
 */
export const SQL_SALUD_CANALES = `
WITH l AS (
  SELECT canal_id, lote, max(cuando) AS cuando, bool_and(ok) AS ok, max(error) AS error
  FROM app.alertas_envios WHERE canal_id IS NOT NULL GROUP BY canal_id, lote
), u AS (
  SELECT canal_id, max(cuando) AS ultimo_intento, max(cuando) FILTER (WHERE ok) AS ultimo_exito,
    arg_max(ok, lote) AS ultimo_ok, arg_max(error, lote) AS ultimo_error, max(lote) FILTER (WHERE ok) AS lote_ok
  FROM l GROUP BY canal_id
), f AS (
  SELECT l.canal_id, count(*)::INTEGER AS n FROM l JOIN u USING (canal_id)
  WHERE NOT l.ok AND (u.lote_ok IS NULL OR l.lote > u.lote_ok) GROUP BY l.canal_id
), p AS (
  SELECT canal_id, count(*)::INTEGER AS n FROM app.alertas_avisos WHERE estado = 'pendiente' AND canal_id IS NOT NULL GROUP BY canal_id
)
SELECT c.id AS canal, c.nombre,
  CASE WHEN u.ultimo_intento IS NULL THEN 'sin_envios' WHEN u.ultimo_ok THEN 'ok' ELSE 'fallando' END AS estado,
  coalesce(f.n, 0) AS fallos_seguidos, u.ultimo_intento, u.ultimo_exito,
  CASE WHEN u.ultimo_ok THEN NULL ELSE u.ultimo_error END AS ultimo_error, coalesce(p.n, 0) AS pendientes
FROM app.alertas_canales c
LEFT JOIN u ON u.canal_id = c.id LEFT JOIN f ON f.canal_id = c.id LEFT JOIN p ON p.canal_id = c.id
ORDER BY c.id`;

export async function channelHealth(wh: Warehouse): Promise<EstadoCanal[]> {
  return wh.all<EstadoCanal>(SQL_SALUD_CANALES);
}
