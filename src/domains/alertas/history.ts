import type { Warehouse } from '../../db/warehouse.js';
import type { Envio } from './types.js';

/** The delivery log (every attempt, newest first), optionally of one channel or one alert. */
export async function listDeliveries(wh: Warehouse, f: { canal?: number; alerta?: number; limite?: number } = {}): Promise<Envio[]> {
  return wh.all<Envio>(
    `SELECT id, lote, alerta_id AS alerta, evento, canal_id AS canal, usuario, destino, intento, cuando, ok, error, proximo_intento
     FROM app.alertas_envios
     WHERE ($canal::INTEGER IS NULL OR canal_id = $canal::INTEGER) AND ($alerta::INTEGER IS NULL OR alerta_id = $alerta::INTEGER)
     ORDER BY id DESC LIMIT ${Math.min(Math.max(1, Math.floor(f.limite ?? 200)), 5000)}`,
    { canal: f.canal ?? null, alerta: f.alerta ?? null },
  );
}

/**
 * Removes what is older than `dias` days (default 365): resolved alerts, their notices, delivery attempts and
 * silences that ended. Active alerts and pending notices are kept whatever their age.
 */
export async function pruneHistory(wh: Warehouse, o: { ahora?: number; dias?: number } = {}): Promise<void> {
  const corte = new Date((o.ahora ?? Date.now()) - (o.dias ?? 365) * 86_400_000).toISOString();
  await wh.transaction(async (c) => {
    await c.run(`DELETE FROM app.alertas_envios WHERE cuando < $1::TIMESTAMPTZ`, [corte]);
    await c.run(`DELETE FROM app.alertas_avisos WHERE creado_en < $1::TIMESTAMPTZ AND estado <> 'pendiente'`, [corte]);
    await c.run(
      `DELETE FROM app.alertas WHERE estado = 'resuelta' AND fin < $1::TIMESTAMPTZ
         AND NOT EXISTS (SELECT 1 FROM app.alertas_avisos v WHERE v.alerta_id = app.alertas.id)`,
      [corte],
    );
    await c.run(`DELETE FROM app.alertas_silencios WHERE hasta < $1::TIMESTAMPTZ`, [corte]);
  }, 'alertas');
}
