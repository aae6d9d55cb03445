#!/usr/bin/env node
// Entry point of the `atalaya` CLI and of `npm start`: TypeScript runs through tsx's loader.
import { register } from 'tsx/esm/api';

// Before anything writes: files this process creates (warehouse, WAL, backups, tokens) are its owner's alone.
process.umask(0o077);
register();
await import('../src/cli/main.ts');
