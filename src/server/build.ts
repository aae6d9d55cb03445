import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../config/index.js';

export const DASHBOARD_DIR = path.join(ROOT, 'dashboard');
export const DASHBOARD_BUILD = path.join(DASHBOARD_DIR, 'build');

function newestMtime(dir: string): number {
  let max = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return max;
}

/** Builds the dashboard when its build is missing or older than its sources. */
export async function ensureDashboardBuilt(force = false): Promise<void> {
  const marker = path.join(DASHBOARD_BUILD, 'handler.js');
  const stale = !fs.existsSync(marker) || newestMtime(path.join(DASHBOARD_DIR, 'src')) > fs.statSync(marker).mtimeMs;
  if (!force && !stale) return;
  console.log('Construyendo el tablero (SvelteKit)…');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: DASHBOARD_DIR,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('no se pudo construir el tablero (vite build falló; vea el detalle arriba)');
}
