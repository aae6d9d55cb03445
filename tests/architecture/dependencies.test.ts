import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config/index.js';

/** Every relative import of the .ts files under `dir`: [importing file, imported file], both relative to the root. */
function imports(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
      const rel = path.join(d, e.name);
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.ts')) {
        const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
        for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) out.push([rel, path.join(path.dirname(rel), m[1]!)]);
      }
    }
  };
  walk(dir);
  return out;
}

const domainOf = (f: string): string | null => /^src\/domains\/([^/]+)\//.exec(f)?.[1] ?? null;

/** DOMAINS.md «Dependencies point one way». */
describe('dependencies point one way', () => {
  it('pipelines never import a domain or the API', () => {
    expect(imports('pipelines').filter(([, to]) => /^src\/(domains|api)\//.test(to))).toEqual([]);
  });

  it('a domain never imports another domain (only the framework: types, cards, registry)', () => {
    const crossing = imports('src/domains').filter(([from, to]) => {
      const a = domainOf(from);
      const b = domainOf(to);
      return a !== null && b !== null && a !== b;
    });
    expect(crossing).toEqual([]);
  });

  it('src/ reaches pipelines/ only through the registry and the runner', () => {
    const other = imports('src').filter(([, to]) => to.startsWith('pipelines/') && !/^pipelines\/(registry|runner\/)/.test(to));
    expect(other).toEqual([]);
  });

  it('no route or domain imports a demo generator; only the demo does', () => {
    const demo = (to: string): boolean => /^pipelines\/[^/]+\/demo(\.js|\.ts)?$/.test(to) || to.startsWith('src/demo/');
    const outside = [...imports('src/api'), ...imports('src/domains')].filter(([, to]) => demo(to));
    // The API mounts the demo's endpoints (src/demo/servicios.ts), which exist only with the demo on.
    expect(outside).toEqual([['src/api/domains.ts', 'src/demo/servicios.js']]);
  });
});
