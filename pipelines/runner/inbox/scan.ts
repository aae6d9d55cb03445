import { isUtf8 } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { megabytes, type InboxLimits } from './limits.js';
import { hashFile } from './hash.js';
import { scanText, type TextScan } from './text-scan.js';

/** A file of the inbox that is ready to be read: complete, settled, of a format the runner reads. */
export interface InboxEntry {
  /** The name as users read it (a name that is not UTF-8, as a Windows share may write, decoded as Windows-1252). */
  name: string;
  /** The name's bytes, and the path to open: a Buffer when the name is not UTF-8, so the file is still found. */
  rawName: Buffer;
  path: string | Buffer;
  size: number;
  mtimeMs: number;
}

const join = (dir: string, raw: Buffer): string | Buffer =>
  isUtf8(raw) ? path.join(dir, raw.toString('utf8')) : Buffer.concat([Buffer.from(path.join(dir, '/')), raw]);

export interface InboxScan {
  /** In the order they arrived: modification time, then name. */
  ready: InboxEntry[];
  /** Files left for the next run, with the reason. */
  waiting: Array<{ name: string; motivo: string }>;
}

const READABLE = /\.(csv|txt|xlsx)$/i;
/** Names of files still being written by a browser, a copy tool or Excel (its lock file `~$libro.xlsx`). */
const PARTIAL = /\.(part|crdownload|download|tmp)$/i;

const seconds = (ms: number): string => `${(ms / 1000).toLocaleString('es-MX', { maximumFractionDigits: 1 })} s`;

/**
 * Lists the inbox without reading any file. A file modified within the settle window (either side of now, for a
 * share whose clock runs ahead) may still be arriving: it waits, as do partial downloads and Excel lock files.
 */
export function scanInbox(dir: string, limits: InboxLimits, now = Date.now()): InboxScan {
  const out: InboxScan = { ready: [], waiting: [] };
  if (!fs.existsSync(dir)) return out;
  for (const d of fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })) {
    // Only regular files: a link, a folder or a pipe named like a CSV is not read.
    if (!d.isFile()) continue;
    const raw = d.name;
    const name = isUtf8(raw) ? raw.toString('utf8') : new TextDecoder('windows-1252').decode(raw);
    if (name.startsWith('.')) continue;
    if (name.startsWith('~$')) {
      out.waiting.push({ name, motivo: 'archivo de bloqueo de Excel (el libro está abierto); se ignora' });
      continue;
    }
    if (PARTIAL.test(name)) {
      out.waiting.push({ name, motivo: 'descarga o copia incompleta; se cargará cuando termine de llegar' });
      continue;
    }
    if (!READABLE.test(name)) continue;
    const p = join(dir, raw);
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      continue; // gone since the listing (another process took it)
    }
    if (Math.abs(now - st.mtimeMs) < limits.settleMs) {
      out.waiting.push({ name, motivo: `cambió hace menos de ${seconds(limits.settleMs)} (puede estar copiándose); se cargará en la próxima ejecución` });
      continue;
    }
    out.ready.push({ name, rawName: raw, path: p, size: st.size, mtimeMs: st.mtimeMs });
  }
  out.ready.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}

export type ReadOutcome =
  /** A workbook is read whole (ExcelJS needs it); a text file is only scanned (DuckDB reads it itself). */
  | { kind: 'ok'; content: Buffer | null; scan: TextScan | null; sha256: string }
  | { kind: 'waiting'; motivo: string }
  | { kind: 'rejected'; motivo: string };

const CHANGED: ReadOutcome = { kind: 'waiting', motivo: 'cambió mientras se leía (puede estar copiándose); se cargará en la próxima ejecución' };

function unreadable(err: unknown): ReadOutcome {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'rejected', motivo: 'no se pudo leer: permiso denegado' };
  return { kind: 'waiting', motivo: `no se pudo leer (${code ?? 'error de lectura'}); se intentará en la próxima ejecución` };
}

const unchanged = (e: InboxEntry): boolean => {
  try {
    const after = fs.statSync(e.path);
    return after.size === e.size && after.mtimeMs === e.mtimeMs;
  } catch {
    return false;
  }
};

/**
 * Reads one settled file and hashes it. A file over the bound is rejected without being read; one that changed
 * while it was read waits for the next run. A workbook is read whole (it is bounded by maxBytes); a text file is
 * scanned in chunks while a worker thread hashes it (inbox/hash.ts): neither ever holds it whole.
 */
export async function readInboxFile(e: InboxEntry, limits: InboxLimits): Promise<ReadOutcome> {
  if (e.size > limits.maxBytes) {
    return { kind: 'rejected', motivo: `mide ${megabytes(e.size)}, más que el límite de ${megabytes(limits.maxBytes)} (ATALAYA_MAX_ARCHIVO_MB)` };
  }
  if (e.size === 0) return { kind: 'rejected', motivo: 'el archivo está vacío' };
  if (/\.xlsx$/i.test(e.name)) {
    let content: Buffer;
    try {
      content = fs.readFileSync(e.path);
    } catch (err) {
      return unreadable(err);
    }
    if (content.length !== e.size || !unchanged(e)) return CHANGED;
    return { kind: 'ok', content, scan: null, sha256: crypto.createHash('sha256').update(content).digest('hex') };
  }
  const hash = hashFile(e.path);
  // Settled either way, so a failed scan leaves no rejection unhandled.
  const hashed = hash.then((h) => ({ ok: true as const, h }), (err: unknown) => ({ ok: false as const, err }));
  let scan: TextScan;
  try {
    scan = scanText(e.path);
  } catch (err) {
    await hashed;
    return unreadable(err);
  }
  const h = await hashed;
  if (!h.ok) return unreadable(h.err);
  if (scan.bytes !== e.size || !unchanged(e)) return CHANGED;
  return { kind: 'ok', content: null, scan, sha256: h.h };
}
