import type { AppContext } from '../api/context.js';
import { uptimeService } from '../domains/disponibilidad/service.js';

/** Long-running services of the domains (uptime probes …), started with the server. Each domain adds its own. */
export const domainServices: Array<(ctx: AppContext) => void> = [uptimeService];

export function startDomainServices(ctx: AppContext): void {
  for (const s of domainServices) s(ctx);
}
