import fs from 'node:fs';
import path from 'node:path';
import { InputError } from './errors.js';

/** The Parquet export's roots: `<data folder>/exportes`, and ATALAYA_EXPORT_DIR when set. */
export function exportRoots(config: { dataDir: string; exportDir: string | null }): string[] {
  return [path.join(config.dataDir, 'exportes'), ...(config.exportDir ? [config.exportDir] : [])];
}

/** The real path of p, resolving symlinks of its deepest existing ancestor (p itself may not exist yet). */
function realish(p: string): string {
  let base = path.resolve(p);
  const rest: string[] = [];
  while (!fs.existsSync(base)) {
    const parent = path.dirname(base);
    if (parent === base) break;
    rest.unshift(path.basename(base));
    base = parent;
  }
  return path.join(fs.realpathSync(base), ...rest);
}

const inside = (child: string, root: string): boolean => {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * Where an export may write: `destino` (relative to the first root, or absolute) when it lies under one of the
 * roots — after resolving `..` and symbolic links — else 400. Without `destino`, a new folder named for the time.
 */
export function exportTarget(config: { dataDir: string; exportDir: string | null }, destino?: string | null, now = new Date()): string {
  const roots = exportRoots(config);
  const base = config.exportDir ?? roots[0]!;
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  const target = path.resolve(base, destino?.trim() || stamp);
  fs.mkdirSync(roots[0]!, { recursive: true });
  const real = realish(target);
  if (!roots.some((r) => inside(real, realish(r)))) {
    throw new InputError('destino', `La exportación solo escribe dentro de ${roots.join(' o ')}; «${destino}» queda fuera. Defina ATALAYA_EXPORT_DIR para otra carpeta.`);
  }
  return target;
}
