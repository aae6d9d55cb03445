import { Worker } from 'node:worker_threads';

/**
 * The file's SHA-256 in a worker thread, read in chunks: on a 2-core machine it runs beside the main thread's pass
 * over the same file (text-scan.ts) instead of after it (~0.1 s per 177 MB each), and never holds the whole file.
 * Plain JavaScript evaluated in the worker: no loader or build step involved.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const fs = require('node:fs');
const p = typeof workerData.path === 'string' ? workerData.path : Buffer.from(workerData.path);
const h = crypto.createHash('sha256');
const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
const fd = fs.openSync(p, 'r');
try {
  for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
} finally {
  fs.closeSync(fd);
}
parentPort.postMessage(h.digest('hex'));
`;

export function hashFile(file: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { path: file } });
    let done = false;
    w.once('message', (hex: string) => {
      done = true;
      resolve(hex);
    });
    w.once('error', (e) => {
      done = true;
      reject(e);
    });
    w.once('exit', (code) => {
      if (!done) reject(new Error(`el cálculo del hash terminó sin resultado (código ${code})`));
    });
  });
}
