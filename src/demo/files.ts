import fs from 'node:fs';
import path from 'node:path';
import { loadExcel } from '../core/lazy-libs.js';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { writeFileAtomic, writeViaTemp } from '../db/durable.js';
import { rng, seedFor, type Rng } from './rng.js';

export type Cell = string | number | null | undefined;

/**
 * Demo files appear in the inbox whole: each is written under a hidden temporary name and renamed, so a start
 * killed while writing never leaves half a file for a pipeline to load. Each is then dated `ageS` seconds back so
 * that the runner, which leaves a file modified in the last seconds for the next run (it may still be being copied),
 * loads it at once; files written one after another keep their order of arrival.
 */
export function markArrived(file: string, ageS = 60): void {
  const t = (Date.now() - ageS * 1000) / 1000;
  fs.utimesSync(file, t, t);
}

/** Writes a CSV the way the units' systems do: UTF-8 (optionally with BOM) or Windows-1252, `,` or `;`. */
export function writeCsv(
  file: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  opts: { encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252'; delimiter?: ',' | ';' } = {},
): void {
  const text = Papa.unparse({ fields: [...header], data: rows.map((r) => r.map((c) => (c ?? '') as string | number)) }, {
    delimiter: opts.delimiter ?? ',',
    newline: '\r\n',
  }) + '\r\n';
  const enc = opts.encoding ?? 'utf-8';
  const buf = enc === 'windows-1252' ? iconv.encode(text, 'win1252') : Buffer.from((enc === 'utf-8-bom' ? '\ufeff' : '') + text, 'utf8');
  writeFileAtomic(file, buf);
  markArrived(file);
}

/** Writes an XLSX workbook; each sheet may carry title rows above its header, as units' reports do. */
export async function writeXlsx(
  file: string,
  sheets: ReadonlyArray<{ name: string; titles?: readonly string[]; header: readonly string[]; rows: readonly (readonly Cell[])[] }>,
): Promise<void> {
  const wb = new (await loadExcel()).Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const t of s.titles ?? []) ws.addRow([t]);
    ws.addRow([...s.header]);
    for (const r of s.rows) ws.addRow(r.map((c) => c ?? null));
  }
  await writeViaTemp(file, (tmp) => wb.xlsx.writeFile(tmp));
  markArrived(file);
}

type Sheet = { name: string; titles?: readonly string[]; header: readonly string[]; rows: readonly (readonly Cell[])[] };

/**
 * A source's history as the unit delivers it: the first `historico` part of its rows as the XLSX report its system
 * saves (with title rows), the rest (and `malas`, the bad rows a real capture carries) as a Windows-1252 CSV with `;`.
 */
export async function writeHistory(dir: string, files: { xlsx: string; csv: string }, sheet: Sheet, historico: number, malas: readonly (readonly Cell[])[]): Promise<void> {
  const cut = Math.floor(sheet.rows.length * historico);
  await writeXlsx(path.join(dir, files.xlsx), [{ ...sheet, rows: sheet.rows.slice(0, cut) }]);
  writeCsv(path.join(dir, files.csv), sheet.header, [...sheet.rows.slice(cut), ...malas], { encoding: 'windows-1252', delimiter: ';' });
}

/** This year's tables as one XLSX workbook (a sheet per table), and last year's as one CSV per table. */
export async function writeYears(dir: string, workbook: string, actual: readonly Sheet[], anterior: ReadonlyArray<{ file: string; header: readonly string[]; rows: readonly (readonly Cell[])[] }>, encoding?: 'utf-8-bom'): Promise<void> {
  await writeXlsx(path.join(dir, workbook), actual);
  for (const t of anterior) writeCsv(path.join(dir, t.file), t.header, t.rows, encoding ? { encoding } : {});
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** dd/mm/aaaa hh:mm in Mexico City wall time (UTC−6, no DST since 2022). */
export function fmtDateTimeMx(d: Date): string {
  const x = new Date(d.getTime() - 6 * 3600_000);
  return `${pad(x.getUTCDate())}/${pad(x.getUTCMonth() + 1)}/${x.getUTCFullYear()} ${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}`;
}

export function fmtDateMx(d: Date): string {
  return fmtDateTimeMx(d).slice(0, 10);
}

/** aaaa-mm-dd hh:mm in Mexico City wall time. */
export function fmtIsoLocal(d: Date): string {
  const x = new Date(d.getTime() - 6 * 3600_000);
  return x.toISOString().slice(0, 16).replace('T', ' ');
}

export function isoDate(d: Date): string {
  return new Date(d.getTime() - 6 * 3600_000).toISOString().slice(0, 10);
}

/** Mexico City midnight of an ISO date, as an instant. */
export function mxMidnight(iso: string): Date {
  return new Date(`${iso}T06:00:00Z`);
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/**
 * The frame of a year of generated rows of `fuente` ending on ctx.today at `hora` (Mexico City): its random stream
 * (the same for a seed), the window's start and end instants, and how many rows (`porAnio` at scale 1).
 */
export function demoYear(ctx: { seed: number; scale: number; today: string }, fuente: string, hora: number, porAnio: number): { r: Rng; start: number; end: number; n: number } {
  const end = mxMidnight(ctx.today).getTime() + hora * HOUR;
  return { r: rng(seedFor(ctx.seed, fuente)), start: end - 365 * DAY, end, n: Math.round(porAnio * ctx.scale) };
}
