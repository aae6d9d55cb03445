import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * DuckDB's read_csv takes its path as a glob pattern (`*`, `?`, `[…]`, `**`; `{…}` in some versions), so an inbox
 * file named `p[ab].csv` would read `pa.csv`. Every file handed to DuckDB gets a name made of safe characters in
 * a folder whose path has none of them either.
 */
const PATTERN_CHARS = /[*?[\]{}]/;

export function isGlobSafe(p: string): boolean {
  return !PATTERN_CHARS.test(p) && !p.startsWith('~');
}

/**
 * A folder for the run's temporary files whose path DuckDB reads literally: `preferred` (under the data folder,
 * the same file system as the inbox, so files can be hard-linked), or else one under the system's temporary
 * folder. The caller removes it.
 */
export function safeTempDir(preferred: string): string {
  if (isGlobSafe(path.resolve(preferred))) {
    fs.mkdirSync(preferred, { recursive: true });
    return path.resolve(preferred);
  }
  const base = os.tmpdir();
  if (!isGlobSafe(base)) {
    throw new Error('Ni la carpeta de datos ni la carpeta temporal del sistema sirven para leer archivos: sus rutas contienen *, ?, [ ] o { }. Use otra ATALAYA_DATA_DIR.');
  }
  return fs.mkdtempSync(path.join(base, 'atalaya-carga-'));
}

/**
 * Gives `source` a safe name inside `dir` (a safe folder from safeTempDir): a hard link, so even a large file
 * costs nothing to expose; a copy when the two are on different file systems.
 */
export function safeLink(source: string | Buffer, dir: string, name: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`nombre temporal inseguro: ${name}`);
  const target = path.join(dir, name);
  fs.rmSync(target, { force: true });
  try {
    fs.linkSync(source, target);
  } catch {
    fs.copyFileSync(source, target);
  }
  return target;
}
