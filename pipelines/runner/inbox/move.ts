import fs from 'node:fs';
import path from 'node:path';

/**
 * Moves an inbox file into `dir` as `<instant>_<name>`, never over another file. Called only after the run that
 * read it committed (a crash before leaves it in the inbox, and its hash says whether it loaded). Returns the new
 * path, or null when the file is already gone (another run moved it).
 */
export function moveAside(file: string, dir: string, now = new Date()): string | null {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = path.basename(file);
  let target = path.join(dir, `${stamp}_${base}`);
  for (let i = 2; fs.existsSync(target); i++) target = path.join(dir, `${stamp}_${i}_${base}`);
  try {
    fs.renameSync(file, target);
    return target;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code !== 'EXDEV') throw e;
    // The archive is on another file system: copy, then remove the original.
    fs.copyFileSync(file, target);
    fs.rmSync(file, { force: true });
    return target;
  }
}
