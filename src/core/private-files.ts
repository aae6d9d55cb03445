import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds every password hash, session and source file: only the user that runs Atalaya may read
 * it. Files created from here on are private through the process umask (set at the entry point); this corrects
 * what already exists — the folder 0700, everything under it without group or other bits — at every start.
 */
export function makePrivate(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const walk = (p: string, depth: number): void => {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return; // gone meanwhile
    }
    if (st.isSymbolicLink()) return;
    if ((st.mode & 0o077) !== 0) {
      try {
        fs.chmodSync(p, st.mode & 0o700);
      } catch {
        // not ours to change (another owner): left as is, the folder's own 0700 still closes it
      }
    }
    if (st.isDirectory() && depth < 12) {
      for (const name of fs.readdirSync(p)) walk(path.join(p, name), depth + 1);
    }
  };
  walk(dataDir, 0);
  fs.chmodSync(dataDir, 0o700);
}

/** The umask that makes new files 0600 and folders 0700. */
export const PRIVATE_UMASK = 0o077;
