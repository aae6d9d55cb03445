import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/config/index.js';
import { createBackup } from '../../src/backup/create.js';
import { runPipeline } from '../../pipelines/runner/run.js';
import { ticketsPipeline } from '../../pipelines/tickets/index.js';
import { runCli } from '../helpers/cli.js';
import { dropTickets, openData, ticketCounts } from '../helpers/crash.js';
import { killStrayServers, spawnServer, startTestServer } from '../helpers/server.js';

/**
 * A warehouse that cannot be opened (a DuckDB defect we have not met, a damaged disk): the server deletes and
 * rewrites nothing, exits non-zero with one Spanish line naming the file, the newest backup and the command that
 * restores it; that command works.
 */
const dirs: string[] = [];
afterAll(async () => {
  await killStrayServers();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Every file under the folder with its size and hash: what "nothing was touched" means. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** A data folder with a warehouse holding 20 tickets and a backup taken before 5 more (built in process). */
async function installation(): Promise<{ dataDir: string; backup: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-danado-'));
  dirs.push(dataDir);
  const wh = await openData(dataDir);
  try {
    dropTickets(dataDir, 'a.csv', 1, 20);
    expect((await runPipeline(wh, ticketsPipeline, { dataDir })).estado).toBe('exito');
    const { nombre } = await createBackup(wh, dataDir, 'manual');
    dropTickets(dataDir, 'b.csv', 100, 5);
    expect((await runPipeline(wh, ticketsPipeline, { dataDir })).estado).toBe('exito');
    return { dataDir, backup: nombre };
  } finally {
    wh.close();
  }
}

async function startFails(dataDir: string): Promise<string> {
  const s = spawnServer({ dataDir });
  const { code } = await s.exited;
  expect(code).not.toBe(0);
  return s.log();
}

describe('a warehouse that cannot be opened', () => {
  it('a log DuckDB cannot replay: the start stops with the restore command, touches nothing, and the command brings it back', async () => {
    const { dataDir, backup } = await installation();
    const file = path.join(dataDir, 'atalaya.duckdb');
    // The defect of STACK.md: ALTER TABLE … ADD COLUMN left in the log by a process killed before a checkpoint.
    const bad = spawnSync(process.execPath, ['--input-type=module', '-e', `
      import { DuckDBInstance } from '@duckdb/node-api';
      const c = await (await DuckDBInstance.create(${JSON.stringify(file)})).connect();
      await c.run("SET checkpoint_threshold = '10GB'");
      await c.run('ALTER TABLE ops.cuarentena ADD COLUMN sobrante VARCHAR');
      process.kill(process.pid, 'SIGKILL');`], { cwd: ROOT });
    expect(bad.signal).toBe('SIGKILL');
    expect(fs.statSync(`${file}.wal`).size).toBeGreaterThan(0);
    const before = fingerprint(dataDir);

    const out = (await startFails(dataDir)).trim();
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toContain(`No se pudo abrir el almacén ${file}`);
    expect(out).toContain('No se borró ni se modificó ningún archivo');
    expect(out).toContain(`Respaldo más reciente: ${backup}`);
    expect(out).toContain(`npm run atalaya -- respaldo restaurar ${backup}`);
    expect(fingerprint(dataDir)).toEqual(before);

    // The printed command, as a user would run it.
    const r = await runCli(dataDir, ['respaldo', 'restaurar', backup]);
    expect(r.code, r.err).toBe(0);
    const aside = /se guardó en (\S+)\.$/m.exec(r.out)![1]!;
    // The damaged file and its log are kept, unchanged.
    expect(fingerprint(aside)).toEqual({ 'atalaya.duckdb': before['atalaya.duckdb'], 'atalaya.duckdb.wal': before['atalaya.duckdb.wal'] });
    const s = await startTestServer({ dataDir, env: { ATALAYA_UPTIME: '0' } });
    await s.stop();
    const wh = await openData(dataDir);
    try {
      expect((await ticketCounts(wh, [{ firstId: 1, n: 20 }, { firstId: 100, n: 5 }])).per).toEqual([20, 0]);
    } finally {
      wh.close();
    }
  });

  it('a damaged file: the same message; without any backup it says so', async () => {
    const { dataDir, backup } = await installation();
    const file = path.join(dataDir, 'atalaya.duckdb');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 0);
    fs.closeSync(fd);
    const before = fingerprint(dataDir);
    const out = (await startFails(dataDir)).trim();
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toMatch(new RegExp(`^No se pudo abrir el almacén ${file}: .*restaurar ${backup} `));
    expect(fingerprint(dataDir)).toEqual(before);

    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'atalaya-sin-respaldo-'));
    dirs.push(empty);
    fs.copyFileSync(file, path.join(empty, 'atalaya.duckdb'));
    const alone = (await startFails(empty)).trim();
    expect(alone).toContain(`No hay respaldos en ${path.join(empty, 'respaldos')}`);
    expect(fs.readdirSync(empty)).toEqual(['atalaya.duckdb']);
  });
});
