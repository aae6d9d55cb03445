import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** A data folder left open by an older version (0755, files 0644) is closed at the next start. */
let srv: TestServer;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-permisos-'));
beforeAll(async () => {
  fs.chmodSync(dataDir, 0o755);
  for (const [rel, mode] of [['cli.token', 0o644], ['inbox/tickets/tickets.csv', 0o644], ['respaldos/2026-01-01T00-00-00/atalaya.duckdb', 0o666]] as const) {
    const f = path.join(dataDir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true, mode: 0o755 });
    fs.chmodSync(path.dirname(f), 0o755);
    fs.writeFileSync(f, 'viejo');
    fs.chmodSync(f, mode);
  }
  srv = await startTestServer({ dataDir });
});
afterAll(async () => {
  await srv?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const mode = (p: string): number => fs.statSync(p).mode & 0o777;

function everything(dir: string): string[] {
  const out = [dir];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...everything(p));
    else out.push(p);
  }
  return out;
}

describe('private files', () => {
  it('the data folder is 0700 and nothing under it is readable by group or others, old files included', () => {
    expect(mode(dataDir)).toBe(0o700);
    const open = everything(dataDir).filter((p) => (mode(p) & 0o077) !== 0).map((p) => `${path.relative(dataDir, p)} ${mode(p).toString(8)}`);
    expect(open).toEqual([]);
    expect(mode(path.join(dataDir, 'atalaya.duckdb'))).toBe(0o600);
    expect(mode(path.join(dataDir, 'respaldos', '2026-01-01T00-00-00', 'atalaya.duckdb'))).toBe(0o600);
  });

  it('cli.token was replaced by a new token, 0600, that the server accepts', async () => {
    const file = path.join(dataDir, 'cli.token');
    expect(mode(file)).toBe(0o600);
    const token = fs.readFileSync(file, 'utf8');
    expect(token).toMatch(/^atl_[\w-]{32}$/);
    expect((await fetch(`${srv.url}/api/pipelines`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});

describe('public surface', () => {
  it('/api/health says ok or degraded per part, without error texts; an admin also gets the last errors', async () => {
    const pub = (await (await fetch(`${srv.url}/api/health`)).json()) as Record<string, unknown> & { pipelines: Array<Record<string, unknown>> };
    expect(pub).toMatchObject({ status: expect.stringMatching(/^(ok|degraded)$/), almacen: { estado: 'ok' }, programador: { estado: 'ok' } });
    expect(JSON.stringify(pub)).not.toMatch(/"error"|ultimo_error/);
    expect(Object.keys(pub.pipelines[0]!).sort()).toEqual(['nombre', 'ultima_ejecucion', 'ultimo_estado', 'ultimo_exito', 'vigente']);
    const admin = srv.client();
    await admin.login();
    const det = await admin.json<{ pipelines: Array<Record<string, unknown>> }>('/api/health');
    expect(det.pipelines[0]).toHaveProperty('ultimo_error');
  });

  it('the demo’s endpoints do not exist with the demo off', async () => {
    for (const s of ['portal', 'prep', 'no-existe']) expect((await fetch(`${srv.url}/api/publico/demo/${s}`)).status).toBe(404);
  });

  it('the Parquet export writes only under the data folder (or ATALAYA_EXPORT_DIR)', async () => {
    const admin = srv.client();
    const { csrf } = (await (await admin.login()).json()) as { csrf: string };
    const post = (body: unknown) => admin.fetch('/api/exportar/parquet', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) });
    const outside = path.join(os.tmpdir(), `atalaya-fuera-${process.pid}`);
    const r = await post({ destino: outside });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ parametro: 'destino', error: expect.stringMatching(/solo escribe dentro de/) });
    expect(fs.existsSync(outside)).toBe(false);
    const ok = await post({ destino: 'prueba' });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { destino: string }).destino).toBe(path.join(dataDir, 'exportes', 'prueba'));
    expect(fs.existsSync(path.join(dataDir, 'exportes', 'prueba'))).toBe(true);
  });
});
