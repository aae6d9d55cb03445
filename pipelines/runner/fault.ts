/**
 * Fault injection for the crash tests: when ATALAYA_FAULT names this point, the process stops here (blocking,
 * inside the open transaction) and writes ATALAYA_FAULT_FILE so the test knows when to kill it.
 */
import fs from 'node:fs';

export function faultPoint(name: string): void {
  if (process.env.ATALAYA_FAULT !== name) return;
  if (process.env.ATALAYA_FAULT_FILE) fs.writeFileSync(process.env.ATALAYA_FAULT_FILE, name);
  // Or the process kills itself right here (tests that run it with spawnSync).
  if (process.env.ATALAYA_FAULT_KILL === '1') process.kill(process.pid, 'SIGKILL');
  const until = Date.now() + 60_000;
  while (Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
}
