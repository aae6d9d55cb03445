import type { Warehouse } from '../../db/warehouse.js';
import { evaluateAll, type CycleResult } from './cycle.js';
import { deliver, type DeliveryOptions, type DeliveryResult } from './delivery.js';
import type { EvaluationContext } from './evaluator.js';
import type { Transports } from './transports/index.js';

export interface AlertsServiceOptions {
  wh: Warehouse;
  transports: Transports;
  /** Base of the links in notices (ATALAYA_PUBLIC_URL). */
  publicUrl: string;
  /** What evaluators need besides the clock (N failures for an outage, this installation's sources). */
  context: () => Omit<EvaluationContext, 'ahora'>;
  /** Time between passes (ms); default 15 s. */
  intervalMs?: number;
  now?: () => number;
  delivery?: Omit<DeliveryOptions, 'ahora' | 'publicUrl'>;
  /** Where problems are reported (default console.error, in Spanish). */
  log?: (message: string) => void;
}

export interface AlertsService {
  /** One pass now: evaluate every rule, then deliver what is due. Concurrent calls share the pass under way. */
  tick: () => Promise<{ ciclo: CycleResult; entrega: DeliveryResult } | null>;
  /** Stops the timer and waits for the pass under way. */
  stop: () => Promise<void>;
}

/**
 * The background work of the alerts domain: every `intervalMs`, evaluate all rules and deliver due notices. One
 * pass at a time; a pass that fails is logged and the next one runs as usual. The server starts it after the
 * warehouse is open and stops it before closing the warehouse.
 */
export function startAlertsService(o: AlertsServiceOptions): AlertsService {
  const now = o.now ?? Date.now;
  const log = o.log ?? ((m: string) => console.error(`[alertas] ${m}`));
  let current: Promise<{ ciclo: CycleResult; entrega: DeliveryResult } | null> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const pass = async (): Promise<{ ciclo: CycleResult; entrega: DeliveryResult } | null> => {
    try {
      const ctx = o.context();
      const ciclo = await evaluateAll(o.wh, { ...ctx, ahora: now() });
      for (const e of ciclo.errores) log(`no se pudo evaluar la regla ${e.regla} (${e.tipo}): ${e.error}`);
      const entrega = await deliver(o.wh, o.transports, { ...o.delivery, ahora: now(), publicUrl: o.publicUrl, acceso: ctx.acceso });
      return { ciclo, entrega };
    } catch (e) {
      log(`falló una pasada de evaluación y envío: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
      return null;
    }
  };
  const tick = (): Promise<{ ciclo: CycleResult; entrega: DeliveryResult } | null> => {
    current ??= pass().finally(() => {
      current = null;
    });
    return current;
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => void tick().finally(schedule), o.intervalMs ?? 15_000);
    timer.unref?.();
  };
  schedule();
  return {
    tick,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
