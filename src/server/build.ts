import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../config/index.js';

export const DASHBOARD_DIR = path.join(ROOT, 'dashboard');
export const DASHBOARD_BUILD = path.join(DASHBOARD_DIR, 'build');

/** The newest modification under `dir` of the files `keep` selects (default: every file). */
function newestMtime(dir: string, keep: (name: string) => boolean = () => true): number {
  let max = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newestMtime(p, keep) : keep(e.name) ? fs.statSync(p).mtimeMs : 0);
  }
  return max;
}

/** What the dashboard is built from: its own sources, the core it shares ($core) and each domain's types.ts ($domains). */
function newestSource(): number {
  return Math.max(
    newestMtime(path.join(DASHBOARD_DIR, 'src')),
    newestMtime(path.join(ROOT, 'src', 'core')),
    newestMtime(path.join(ROOT, 'src', 'domains'), (name) => name === 'types.ts'),
  );
}

function isStale(): boolean {
  const marker = path.join(DASHBOARD_BUILD, 'handler.js');
  // Test servers start many at once against a build made beforehand; they must not rebuild it concurrently.
  if (process.env.ATALAYA_SKIP_BUILD === '1' && fs.existsSync(marker)) return false;
  return !fs.existsSync(marker) || newestSource() > fs.statSync(marker).mtimeMs;
}

const BUILD_LOCK = path.join(DASHBOARD_DIR, '.construyendo.lock');

/** One build at a time across processes (servers started together would otherwise overwrite each other's output). */
async function withBuildLock<T>(fn: () => T): Promise<T> {
  for (;;) {
    try {
      fs.writeFileSync(BUILD_LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(BUILD_LOCK, 'utf8').trim() || 0);
      let alive = pid > 0;
      try {
        if (alive) process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (!alive) fs.rmSync(BUILD_LOCK, { force: true });
      else await new Promise((r) => setTimeout(r, 300));
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(BUILD_LOCK, { force: true });
  }
}

/** Builds the dashboard when its build is missing or older than its sources. */
export async function ensureDashboardBuilt(force = false): Promise<void> {
  if (!force && !isStale()) return;
  await withBuildLock(() => {
    // Another process may have built it while this one waited.
    if (!force && !isStale()) return;
    console.log('Construyendo el tablero (SvelteKit)…');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: DASHBOARD_DIR,
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error('no se pudo construir el tablero (vite build falló; vea el detalle arriba)');
  });
}
