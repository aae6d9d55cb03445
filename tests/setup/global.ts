import { ensureDashboardBuilt } from '../../src/server/build.js';

/**
 * Builds the dashboard once before any test file runs, so test servers (which start with ATALAYA_SKIP_BUILD=1)
 * never rebuild it in parallel.
 */
export default async function setup(): Promise<void> {
  await ensureDashboardBuilt();
}
