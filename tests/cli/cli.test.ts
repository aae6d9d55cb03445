import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config/index.js';
import { dropFile } from '../helpers/warehouse.js';
import { csv, ticket } from '../helpers/tickets.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function atalaya(args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'atalaya.js'), ...args], {
      cwd: ROOT, env: { ...process.env, ATALAYA_DATA_DIR: dataDir, ATALAYA_DEMO: '0', ATALAYA_PASSWORD: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.stdin.end(input ?? '');
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

describe('atalaya CLI without a server (opens the data folder itself)', () => {
  it('user add takes the password from ATALAYA_PASSWORD or standard input', async () => {
    const a = await atalaya(['user', 'add', 'lucia', '--rol', 'utsi'], { ATALAYA_PASSWORD: 'Clave-Lucia-2026' });
    expect(a.code, a.err).toBe(0);
    const b = await atalaya(['user', 'add', 'jorge', '--rol', 'area', '--area', 'DEA'], {}, 'Clave-Jorge-2026\n');
    expect(b.code, b.err).toBe(0);
    const dup = await atalaya(['user', 'add', 'lucia', '--rol', 'utsi'], { ATALAYA_PASSWORD: 'Clave-Lucia-2026' });
    expect(dup.code).not.toBe(0);
    expect(dup.err.trim()).toMatch(/^Error: El usuario «lucia» ya existe\.$/);
    const rol = await atalaya(['user', 'add', 'tomas', '--rol', 'jefe'], { ATALAYA_PASSWORD: 'Clave-Tomas-2026' });
    expect(rol.code).not.toBe(0);
    expect(rol.err.trim()).toMatch(/^Error: El campo «rol» debe ser uno de los roles: admin, direccion/);
  });

  it('etl run / list / history work on the file; failures exit non-zero with one Spanish line', async () => {
    dropFile(dataDir, 'tickets', 'tickets.csv', csv([ticket(1), ticket(2), ticket(3, { estado: 'escalado' })]));
    const run = await atalaya(['etl', 'run', 'tickets']);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/tickets: éxito — 2 filas cargadas, 1 rechazadas/);
    const list = await atalaya(['etl', 'list']);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^tickets\s+\*\/30 \* \* \* \*\s+último: exito/m);
    const hist = await atalaya(['etl', 'history', 'tickets']);
    expect(hist.code).toBe(0);
    expect(hist.out).toMatch(/tickets\s+exito .* leídas 3, cargadas 2, rechazadas 1/);

    const none = await atalaya(['etl', 'run', 'no-existe']);
    expect(none.code).not.toBe(0);
    expect(none.err.trim()).toBe('Error: no existe el proceso «no-existe»');
    const unknown = await atalaya(['volar']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err.trim().split('\n')).toHaveLength(1);
    expect(unknown.err).toMatch(/comando desconocido «volar»/);
    const help = await atalaya(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Uso: atalaya/);
  });
});
