#!/usr/bin/env node
// Entry point of the `atalaya` CLI and of `npm start`: TypeScript runs through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
