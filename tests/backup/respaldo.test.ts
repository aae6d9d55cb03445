import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/backup/create.js';
import { restoreBackup } from '../../src/backup/restore.js';
import { listBackups, NAME_RE } from '../../src/backup/store.js';
import { createUser } from '../../src/auth/users.js';
import type { Warehouse } from '../../src/db/warehouse.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { ticketsPipeline } from '../../pipelines/tickets/index.js';
import { coreSnapshot, openData } from '../helpers/crash.js';
import { dropFile, tempWarehouse } from '../helpers/warehouse.js';
import { csv, ticket } from '../helpers/tickets.js';

const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

const mode = (p: string): number => fs.statSync(p).mode & 0o777;
const everything = (wh: Warehouse): Promise<Record<string, unknown[]>> => coreSnapshot(wh, ['core', 'ops', 'app']);

/** Everything in the warehouse of a data folder, opened as the next start would open it (and closed again). */
async function everythingIn(dataDir: string): Promise<Record<string, unknown[]>> {
  const wh = await openData(dataDir);
  try {
    return await everything(wh);
  } finally {
    wh.close();
  }
}

async function loaded(dataDir: string, wh: Warehouse, name: string, ids: number[]): Promise<void> {
  dropFile(dataDir, 'tickets', name, csv(ids.map((id) => ticket(id))));
  expect((await runPipeline(wh, ticketsPipeline, { dataDir })).estado).toBe('exito');
}

describe('backups (real DuckDB files, in process)', () => {
  it('round trip: create, change the data, restore; the warehouse is as at the backup and the replaced one is kept aside', async () => {
    const t = await tempWarehouse('atalaya-resp-');
    const wh = t.wh;
    cleanup.push(() => fs.rmSync(t.dataDir, { recursive: true, force: true }));
    try {
      await loaded(t.dataDir, wh, 'a.csv', [1, 2, 3]);
      await createUser(wh, { usuario: 'ana', password: 'Clave-Ana-2026!', rol: 'utsi' }, null);
      const atBackup = await everything(wh);

      const r = await createBackup(wh, t.dataDir, 'manual');
      expect(r.nombre).toMatch(NAME_RE);
      expect(r).toMatchObject({ origen: 'manual' });
      expect(r.bytes).toBeGreaterThan(0);
      const folder = path.join(t.dataDir, 'respaldos', r.nombre);
      expect(mode(path.join(t.dataDir, 'respaldos'))).toBe(0o700);
      expect(mode(folder)).toBe(0o700);
      expect(fs.readdirSync(folder).sort()).toEqual(['atalaya.duckdb', 'respaldo.json']);
      for (const f of fs.readdirSync(folder)) expect(mode(path.join(folder, f))).toBe(0o600);
      expect(listBackups(t.dataDir).map((b) => b.nombre)).toEqual([r.nombre]);

      // Change everything a user could: a load that corrects a ticket and adds one, a new user, a setting.
      dropFile(t.dataDir, 'tickets', 'b.csv', csv([ticket(2, { titulo: 'Corregido' }), ticket(4)]));
      expect((await runPipeline(wh, ticketsPipeline, { dataDir: t.dataDir })).estado).toBe('exito');
      await createUser(wh, { usuario: 'beto', password: 'Clave-Beto-2026!', rol: 'utp' }, null);
      const changed = await everything(wh);
      expect(changed['core.tickets']).toHaveLength(4);
      wh.close();

      const res = await restoreBackup(t.dataDir, r.nombre);
      expect(res.reemplazados).not.toBeNull();
      expect(await everythingIn(t.dataDir)).toEqual(atBackup);

      // The replaced warehouse is whole in reemplazados/ (private), and opens with the changes.
      expect(mode(res.reemplazados!)).toBe(0o700);
      const asideDir = path.join(t.dataDir, 'otra');
      fs.mkdirSync(asideDir);
      fs.copyFileSync(path.join(res.reemplazados!, 'atalaya.duckdb'), path.join(asideDir, 'atalaya.duckdb'));
      expect(await everythingIn(asideDir)).toEqual(changed);
    } finally {
      wh.close();
    }
  });

  it('a backup taken while a load is under way holds the warehouse as it was before that load', async () => {
    const t = await tempWarehouse('atalaya-resp-');
    cleanup.push(t.close);
    await loaded(t.dataDir, t.wh, 'a.csv', [1, 2, 3]);
    const before = await everything(t.wh);
    // A load's transaction (as the runner's merge) is open and has written 5,000 rows when the backup is taken.
    const r = await t.wh.withConnection(async (c) => {
      await c.run('BEGIN TRANSACTION');
      await c.run(`INSERT INTO core.tickets SELECT t.* REPLACE (t.id + 1000 * g.i AS id) FROM core.tickets t, range(1, 5001) g(i) WHERE t.id = 1`);
      const b = await createBackup(t.wh, t.dataDir, 'manual');
      await c.run('COMMIT');
      return b;
    });
    expect((await t.wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM core.tickets'))!.n).toBe(5003);
    t.wh.close();
    await restoreBackup(t.dataDir, r.nombre);
    expect(await everythingIn(t.dataDir)).toEqual(before);
  });

  it('keeps the newest ATALAYA_RESPALDOS_RETENER backups; restore refuses names that are not backups', async () => {
    const t = await tempWarehouse('atalaya-resp-');
    cleanup.push(t.close);
    const saved = process.env.ATALAYA_RESPALDOS_RETENER;
    process.env.ATALAYA_RESPALDOS_RETENER = '2';
    cleanup.push(() => (saved === undefined ? delete process.env.ATALAYA_RESPALDOS_RETENER : (process.env.ATALAYA_RESPALDOS_RETENER = saved)));
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await createBackup(t.wh, t.dataDir, 'programado')).nombre);
    expect(new Set(made).size).toBe(3);
    expect(listBackups(t.dataDir).map((b) => b.nombre)).toEqual(made.slice(1));
    expect(fs.readdirSync(path.join(t.dataDir, 'respaldos')).sort()).toEqual(made.slice(1));

    await expect(restoreBackup(t.dataDir, '../atalaya')).rejects.toThrow(/no es un nombre de respaldo/);
    await expect(restoreBackup(t.dataDir, made[0]!)).rejects.toThrow(new RegExp(`no existe el respaldo «${made[0]}»; hay: ${made[1]}, ${made[2]}`));
  });
});
