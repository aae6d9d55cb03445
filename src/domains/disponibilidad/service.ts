import type { AppContext } from '../../api/context.js';
import type { Warehouse } from '../../db/warehouse.js';
import { uptimeConfig } from '../../config/uptime.js';
import { Monitor } from './engine.js';
import { realProbe, type ServiceDef } from './probe.js';
import { BatchWriter } from './writer.js';
import { onCatalogChange } from './catalog.js';

export async function activeServices(wh: Warehouse): Promise<ServiceDef[]> {
  return wh.all<ServiceDef>(
    `SELECT id, nombre, tipo, destino, intervalo_s, timeout_ms, palabra_clave, codigos_ok FROM core.servicios WHERE activo ORDER BY id`,
  );
}

/** The probe engine of a running server: a Monitor feeding a BatchWriter, both stopped with the scheduler. */
export function uptimeService(ctx: AppContext): void {
  const cfg = uptimeConfig();
  if (!cfg.enabled) return;
  const sched = ctx.scheduler as AppContext['scheduler'] & { addLoop?: (start: () => () => Promise<void> | void) => void };
  sched.addLoop?.(() => {
    const writer = new BatchWriter(ctx.wh, cfg.loteMs);
    const monitor = new Monitor({ load: () => activeServices(ctx.wh), probe: realProbe(() => ctx.config.publicUrl), sink: (c) => writer.add(c) });
    writer.start();
    monitor.start().catch((e) => console.error(`[disponibilidad] no arrancó el monitor: ${(e as Error).message}`));
    const off = onCatalogChange(() => void monitor.reload().catch(() => undefined));
    // Graceful stop: the checks under way finish and are recorded, then the last batch is written.
    return async () => {
      off();
      await monitor.drain();
      await writer.stop();
    };
  });
}
