import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../src/config/index.js';

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/** Runs the real `atalaya` CLI as a child process on a data folder (demo off), with optional standard input. */
export function runCli(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}, input = ''): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'atalaya.js'), ...args], {
      cwd: ROOT, env: { ...process.env, ATALAYA_DATA_DIR: dataDir, ATALAYA_DEMO: '0', ...env }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.stdin.end(input);
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}
