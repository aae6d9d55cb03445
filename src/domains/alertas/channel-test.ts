import type { Warehouse } from '../../db/warehouse.js';
import { channelNotFound } from './channels.js';
import { testMailOf, testWebhookBodyOf } from './messages.js';
import { reasonOf, type Transports } from './transports/index.js';
import type { ResultadoPrueba, TipoCanal } from './types.js';

/**
 * «Probar»: sends a test notice through a channel now (no grouping, no retry) and reports the outcome: `{ok: true}`
 * once the other end accepted it, or the Spanish reason it failed (the API answers 200 or 502). The attempt is
 * logged like any other (evento `prueba`), so a failing channel shows as failing and a successful test clears it.
 * A switched-off channel can be tested too, before it is switched on.
 */
export async function probar(wh: Warehouse, transports: Transports, canal: number, opts: { publicUrl: string; ahora?: number }): Promise<ResultadoPrueba> {
  const ch = await wh.one<{ id: number; tipo: TipoCanal; nombre: string; destino: string; secreto: string | null }>(
    `SELECT id, tipo, nombre, destino, secreto FROM app.alertas_canales WHERE id = $1`,
    [canal],
  );
  if (!ch) throw channelNotFound(canal);
  let motivo: string | null = null;
  try {
    if (ch.tipo === 'webhook') await transports.postWebhook(ch.destino, testWebhookBodyOf(ch.nombre), ch.secreto);
    else await transports.sendMail(testMailOf(ch.destino, ch.nombre, opts.publicUrl));
  } catch (e) {
    motivo = reasonOf(e);
  }
  await wh.exec(
    `INSERT INTO app.alertas_envios (lote, evento, canal_id, destino, intento, cuando, ok, error)
     VALUES (nextval('app.alertas_lotes_id'), 'prueba', $canal, $destino, 1, $cuando::TIMESTAMPTZ, $ok, $error::VARCHAR)`,
    { canal: ch.id, destino: ch.destino, cuando: new Date(opts.ahora ?? Date.now()).toISOString(), ok: motivo === null, error: motivo },
  );
  return motivo === null ? { ok: true } : { ok: false, motivo };
}
