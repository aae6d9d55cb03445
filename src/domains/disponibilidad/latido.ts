import type { Warehouse } from '../../db/warehouse.js';
import type { Probe, ProbeResult, ServiceDef } from './probe.js';

/**
 * Heartbeat monitors (issue 13): a service of type `latido` is up while something — a backup job, the PREP
 * publisher, a council's upload — calls its secret URL /api/publico/latido/<clave> at least every `intervalo_s`.
 * Each call records its instant; the probe engine checks the service on its interval like any other, so outages,
 * uptime, maintenance windows, the status page and the `servicio_caido` alert work for heartbeats unchanged.
 */
export const SQL_LATIDO = `
UPDATE core.servicios SET latido_ultimo = $ahora::TIMESTAMPTZ
WHERE tipo = 'latido' AND activo AND destino = $clave RETURNING id`;

/** Records a call; false when no active heartbeat has that clave. */
export async function registrarLatido(wh: Warehouse, clave: string, ahora = Date.now()): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{16,100}$/.test(clave)) return false;
  const rows = await wh.transaction(async (c) => (await c.runAndReadAll(SQL_LATIDO, { clave, ahora: new Date(ahora).toISOString() })).getRowObjects());
  return rows.length > 0;
}

/** The check of a heartbeat: ok when its last call is at most one interval old. */
export function latidoProbe(wh: Warehouse, now: () => number = Date.now): (s: ServiceDef) => Promise<ProbeResult> {
  return async (s) => {
    const r = await wh.one<{ ultimo: number | null }>(`SELECT epoch_ms(latido_ultimo) AS ultimo FROM core.servicios WHERE id = $1`, [s.id]);
    const ultimo = r?.ultimo === null || r?.ultimo === undefined ? null : Number(r.ultimo);
    const edad = ultimo === null ? null : now() - ultimo;
    if (edad !== null && edad <= s.intervalo_s * 1000) return { ok: true, latencia_ms: null, codigo: null, error: null };
    const min = Math.round(s.intervalo_s / 6) / 10;
    return {
      ok: false, latencia_ms: null, codigo: null,
      error: ultimo === null ? 'Nunca se ha recibido un latido' : `Sin latido desde hace ${Math.floor((edad ?? 0) / 60_000)} min (se espera al menos cada ${min} min)`,
    };
  };
}

/** The probe of a running server: heartbeats read the warehouse; the rest go to the network. */
export function withLatidos(wh: Warehouse, network: Probe): Probe {
  const latido = latidoProbe(wh);
  return (s, signal) => (s.tipo === 'latido' ? latido(s) : network(s, signal));
}
