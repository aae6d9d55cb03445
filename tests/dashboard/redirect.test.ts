import { describe, expect, it } from 'vitest';
import { safeNext } from '../../dashboard/src/lib/redirect.js';

const ORIGIN = 'http://127.0.0.1:3000';

describe('after login, only same-origin paths', () => {
  it('keeps a path of this origin with its query and fragment', () => {
    expect(safeNext('/odes/ranking?proceso=PELO_2024_2025#tabla', ORIGIN, '/')).toBe('/odes/ranking?proceso=PELO_2024_2025#tabla');
    expect(safeNext(`${ORIGIN}/metas`, ORIGIN, '/')).toBe('/metas');
  });

  it('sends anything that leaves the origin home', () => {
    for (const next of ['//evil.example', '/\\evil.example', '\\\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'http://127.0.0.1:3001/', '/login', '/login?siguiente=//x', '', null]) {
      expect(safeNext(next, ORIGIN, '/metas'), String(next)).toBe('/metas');
    }
  });
});
