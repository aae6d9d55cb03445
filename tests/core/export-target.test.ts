import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportTarget } from '../../src/core/export-target.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-export-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const dataDir = path.join(root, 'datos');
const otra = path.join(root, 'parquet');
fs.mkdirSync(dataDir);
fs.mkdirSync(otra);

describe('where the Parquet export may write', () => {
  it('under <datos>/exportes: a relative name, an absolute path inside, or a new folder named for the time', () => {
    const cfg = { dataDir, exportDir: null };
    expect(exportTarget(cfg, 'mensual')).toBe(path.join(dataDir, 'exportes', 'mensual'));
    expect(exportTarget(cfg, path.join(dataDir, 'exportes', 'x', 'y'))).toBe(path.join(dataDir, 'exportes', 'x', 'y'));
    expect(exportTarget(cfg, null, new Date('2026-03-01T10:20:30Z'))).toBe(path.join(dataDir, 'exportes', '2026-03-01T10-20-30'));
  });

  it('refuses anywhere else: another folder, `..` out of the root, the data folder itself, a symlink that leads out', () => {
    const cfg = { dataDir, exportDir: null };
    for (const bad of ['/etc/atalaya', '../../x', path.join(dataDir, 'inbox'), dataDir]) {
      expect(() => exportTarget(cfg, bad), bad).toThrow(/solo escribe dentro de/);
    }
    fs.symlinkSync(otra, path.join(dataDir, 'exportes', 'atajo'));
    expect(() => exportTarget(cfg, 'atajo/tablas')).toThrow(/solo escribe dentro de/);
  });

  it('with ATALAYA_EXPORT_DIR, there too (relative names resolve against it)', () => {
    const cfg = { dataDir, exportDir: otra };
    expect(exportTarget(cfg, 'hoy')).toBe(path.join(otra, 'hoy'));
    expect(exportTarget(cfg, path.join(dataDir, 'exportes', 'z'))).toBe(path.join(dataDir, 'exportes', 'z'));
    expect(() => exportTarget(cfg, path.join(root, 'fuera'))).toThrow(/ATALAYA_EXPORT_DIR/);
  });
});
