#!/usr/bin/env node
// Entry point of the `atalaya` CLI and of `npm start`: TypeScript runs through tsx's loader.
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'tsx/esm/api';

// Before anything writes: files this process creates (warehouse, WAL, backups, tokens) are its owner's alone.
process.umask(0o077);
// The server's data folder exists (private) from its first instant, before the loader compiles anything: scripts
// that start a server and look into its folder right away find it. Same default as src/config/index.ts.
if (process.argv[2] === 'serve') {
  fs.mkdirSync(path.resolve(process.env.ATALAYA_DATA_DIR ?? path.join(process.cwd(), 'data')), { recursive: true, mode: 0o700 });
}

register();
await import('../src/cli/main.ts');
