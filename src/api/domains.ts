import { Hono } from 'hono';
import type { Env } from './context.js';
import { requireAccess } from './middleware/roles/index.js';
import { DOMAINS } from '../domains/registry.js';
import { demoRoutes } from '../demo/servicios.js';
import type { Dataset } from '../db/versions.js';

/** Domains whose figures read the uptime probes' results: their answers change with each batch of checks. */
const READ_PROBES = new Set(['disponibilidad', 'resumen']);
/** Domains whose answers depend on the caller's own user (unread alerts, one's subscriptions): never shared by scope. */
const PER_USER = new Set(['alertas', 'reportes']);

/**
 * GET answers cached by data version (src/api/cache): every domain's routers and the cartography, with the datasets
 * they read. Platform lists (users, runs, tokens, backups, audit) are small, per caller or not in the warehouse.
 */
export const CACHED_ROUTES: ReadonlyArray<{ prefix: string; datasets: readonly Dataset[] }> = [
  ...DOMAINS.filter((d) => !PER_USER.has(d.id)).flatMap((d) => d.routers.filter((r) => !r.public).map((r) => ({
    prefix: `/api${r.prefix}`,
    datasets: (READ_PROBES.has(d.id) ? ['datos', 'sondeos'] : ['datos']) as Dataset[],
  }))),
  { prefix: '/api/cartografia', datasets: ['datos'] },
];

/** Prefixes under /api that answer without a session: the domains' public routers and the demo's endpoints. */
export const PUBLIC_PREFIXES: readonly string[] = [
  ...DOMAINS.flatMap((d) => d.routers.filter((r) => r.public).map((r) => `/api${r.prefix}/`)),
  '/api/publico/demo/',
];

/** The one place where the domains' routers are mounted: each under its prefix, behind its domain's roles. */
export function mountDomains(api: Hono<Env>): void {
  for (const d of DOMAINS) {
    for (const r of d.routers) {
      if (r.public) {
        api.route(r.prefix, r.router);
        continue;
      }
      const guarded = new Hono<Env>();
      guarded.use('*', requireAccess(d.id));
      guarded.route('/', r.router);
      api.route(r.prefix, guarded);
    }
  }
  // The demo's services (src/demo): they exist only with the demo on.
  api.route('/publico/demo', demoRoutes);
}
