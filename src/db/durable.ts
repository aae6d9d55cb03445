import fs from 'node:fs';
import path from 'node:path';

/**
 * File operations that survive a power cut or a SIGKILL at any moment: a reader (or the next start) sees the old
 * file or the new one, never half of one.
 */

/** Flushes a file (or a folder's entries) to the disk. */
export function fsyncPath(p: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(p, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on folders; the rename is still atomic there.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Renames and makes the rename itself durable (the folder entry reaches the disk). */
export function renameDurable(from: string, to: string): void {
  fsyncPath(from);
  fs.renameSync(from, to);
  fsyncPath(path.dirname(to));
}

/** The name a file is written under before it is renamed into place: hidden and ending in .part, so no loader takes it. */
export function partialName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.part`);
}

/** Removes half-written files (partialName) left in a folder by processes that died. */
export function removeStalePartials(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const m = /^\..+\.(\d+)\.part$/.exec(name);
    if (m && !processAlive(Number(m[1]))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Writes a whole file under a temporary name, then renames it into place: a reader or a killed process never sees
 * half of it. `durable` also flushes it to the disk first (for what must survive a power cut, not for inbox files).
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, mode?: number, durable = false): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = partialName(file);
  try {
    fs.writeFileSync(tmp, data, mode === undefined ? undefined : { mode });
    if (durable) renameDurable(tmp, file);
    else fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Runs a writer against a temporary path, then renames the result into place (for libraries that write files). */
export async function writeViaTemp(file: string, write: (tmp: string) => Promise<void> | void): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = partialName(file);
  try {
    await write(tmp);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Whether a process with this id is alive (signal 0 only checks). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
