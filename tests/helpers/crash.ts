/** What the kill tests and the crash benchmark share: ticket files with known ids, and what the warehouse holds of them. */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import type { Warehouse } from '../../src/db/warehouse.js';
import { openWarehouse } from '../../src/server/startup.js';
import { COLS, ticket } from './tickets.js';

/** Writes a CSV of `n` valid tickets with ids firstId…, dated a minute ago (so no loader waits for it to settle). */
export function writeTickets(file: string, firstId: number, n: number): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines = [COLS.join(',')];
  for (let i = 0; i < n; i++) lines.push(COLS.map((c) => ticket(firstId + i)[c]).join(','));
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  const past = new Date(Date.now() - 60_000);
  fs.utimesSync(file, past, past);
  return file;
}

/** Moves a file into the tickets inbox at once (a rename), as a unit's system that writes elsewhere first. */
export function moveToInbox(dataDir: string, file: string, name = path.basename(file)): string {
  const dest = path.join(dataDir, 'inbox', 'tickets', name);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.renameSync(file, dest);
  return dest;
}

/** Writes `n` valid tickets with ids firstId… into the tickets inbox, whole (written aside, then renamed in). */
export function dropTickets(dataDir: string, name: string, firstId: number, n: number): string {
  return moveToInbox(dataDir, writeTickets(path.join(dataDir, `.${name}.tmp`), firstId, n), name);
}

/** Opens the warehouse of a stopped server in this process, as a start would (migrations, interrupted runs). */
export function openData(dataDir: string): Promise<Warehouse> {
  return openWarehouse(loadConfig({ ...process.env, ATALAYA_DATA_DIR: dataDir, ATALAYA_DEMO: '0' }));
}

export interface TicketRange {
  firstId: number;
  n: number;
}

/** For each range: how many of its tickets the warehouse holds; and how many ids appear more than once overall. */
export async function ticketCounts(wh: Warehouse, ranges: TicketRange[]): Promise<{ per: number[]; doubled: number; total: number }> {
  const per: number[] = [];
  for (const r of ranges) {
    const row = await wh.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM core.tickets WHERE id >= $1 AND id < $2', [r.firstId, r.firstId + r.n]);
    per.push(row?.n ?? 0);
  }
  const d = await wh.one<{ doubled: number; total: number }>('SELECT (count(*) - count(DISTINCT id))::INTEGER AS doubled, count(*)::INTEGER AS total FROM core.tickets');
  return { per, doubled: d?.doubled ?? 0, total: d?.total ?? 0 };
}

/** Full contents of every core table, each sorted by all its columns (to compare a warehouse before and after). */
export async function coreSnapshot(wh: Warehouse, schemas: readonly string[] = ['core']): Promise<Record<string, unknown[]>> {
  const tables = await wh.all<{ s: string; t: string }>(
    `SELECT schema_name AS s, table_name AS t FROM duckdb_tables()
     WHERE schema_name IN (${schemas.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ')}) AND NOT temporary ORDER BY 1, 2`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { s, t } of tables) out[`${s}.${t}`] = await wh.all(`SELECT * FROM "${s}"."${t}" ORDER BY ALL`);
  return out;
}
