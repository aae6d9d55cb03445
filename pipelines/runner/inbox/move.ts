import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';

/** Longest file name most file systems take, in bytes. */
const NAME_MAX = 255;

/**
 * `<instant>_<name>`, cut (keeping the extension) so that it fits in a file name; `rawName` is the name's bytes,
 * which need not be UTF-8.
 */
function asideName(prefix: string, rawName: Buffer): Buffer {
  const head = Buffer.from(prefix);
  if (head.length + rawName.length <= NAME_MAX) return Buffer.concat([head, rawName]);
  const dot = rawName.lastIndexOf(0x2e);
  const ext = dot > 0 && rawName.length - dot <= 10 ? rawName.subarray(dot) : Buffer.alloc(0);
  let stem = rawName.subarray(0, NAME_MAX - head.length - ext.length);
  // A UTF-8 name is not cut inside a character.
  while (stem.length && isUtf8(rawName) && !isUtf8(stem)) stem = stem.subarray(0, -1);
  return Buffer.concat([head, stem, ext]);
}

/**
 * Moves an inbox file into `dir` as `<instant>_<name>`, never over another file. Called only after the run that
 * read it committed (a crash before leaves it in the inbox, and its hash says whether it loaded). Returns the new
 * path, or null when the file is already gone (another run moved it).
 */
export function moveAside(file: string | Buffer, rawName: Buffer, dir: string, now = new Date()): Buffer | null {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = Buffer.from(path.join(dir, '/'));
  let target = Buffer.concat([base, asideName(`${stamp}_`, rawName)]);
  for (let i = 2; fs.existsSync(target); i++) target = Buffer.concat([base, asideName(`${stamp}_${i}_`, rawName)]);
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
