import type { Warehouse } from '../../db/warehouse.js';
import { uptimeConfig } from '../../config/uptime.js';
import type { DomainService } from '../types.js';
import { Monitor } from './engine.js';
import { realProbe, type ServiceDef } from './probe.js';
import { BatchWriter } from './writer.js';
import { onCatalogChange } from './catalog.js';
import { withLatidos } from './latido.js';

export async function activeServices(wh: Warehouse): Promise<ServiceDef[]> {
  return wh.all<ServiceDef>(
    `SELECT id, nombre, tipo, destino, intervalo_s, timeout_ms, palabra_clave, codigos_ok FROM core.servicios WHERE activo ORDER BY id`,
  );
}

/**
 * The probe engine of a running server: a Monitor feeding a BatchWriter, started and stopped with the scheduler
 * (ATALAYA_UPTIME=0 turns it off; the catalogue, rollups and pages keep working).
 */
export const sondeo: DomainService = {
  nombre: 'sondeo de servicios',
  start: (ctx) => {
    const cfg = uptimeConfig();
    if (!cfg.enabled) return () => undefined;
    const writer = new BatchWriter(ctx.wh, cfg.loteMs);
    const monitor = new Monitor({ load: () => activeServices(ctx.wh), probe: withLatidos(ctx.wh, realProbe(() => ctx.config.publicUrl)), sink: (c) => writer.add(c) });
    writer.start();
    monitor.start().catch((e) => console.error(`[disponibilidad] no arrancó el monitor: ${(e as Error).message}`));
    const off = onCatalogChange(() => void monitor.reload().catch(() => undefined));
    // Graceful stop: the checks under way finish and are recorded, then the last batch is written.
    return async () => {
      off();
      await monitor.drain();
      await writer.stop();
    };
  },
};
