import { isUtf8 } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { megabytes, type InboxLimits } from './limits.js';

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
  | { kind: 'ok'; content: Buffer; sha256: string }
  | { kind: 'waiting'; motivo: string }
  | { kind: 'rejected'; motivo: string };

/**
 * Reads one settled file whole (it is bounded by maxBytes) and hashes it. A file over the bound is rejected
 * without being read; one that changed while it was read waits for the next run.
 */
export function readInboxFile(e: InboxEntry, limits: InboxLimits): ReadOutcome {
  if (e.size > limits.maxBytes) {
    return { kind: 'rejected', motivo: `mide ${megabytes(e.size)}, más que el límite de ${megabytes(limits.maxBytes)} (ATALAYA_MAX_ARCHIVO_MB)` };
  }
  if (e.size === 0) return { kind: 'rejected', motivo: 'el archivo está vacío' };
  let content: Buffer;
  try {
    content = fs.readFileSync(e.path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'rejected', motivo: 'no se pudo leer: permiso denegado' };
    return { kind: 'waiting', motivo: `no se pudo leer (${code ?? 'error de lectura'}); se intentará en la próxima ejecución` };
  }
  let after: fs.Stats | null = null;
  try {
    after = fs.statSync(e.path);
  } catch {
    after = null;
  }
  if (!after || after.size !== e.size || after.mtimeMs !== e.mtimeMs || content.length !== e.size) {
    return { kind: 'waiting', motivo: 'cambió mientras se leía (puede estar copiándose); se cargará en la próxima ejecución' };
  }
  return { kind: 'ok', content, sha256: crypto.createHash('sha256').update(content).digest('hex') };
}
