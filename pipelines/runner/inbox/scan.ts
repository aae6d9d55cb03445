import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { megabytes, type InboxLimits } from './limits.js';

/** A file of the inbox that is ready to be read: complete, settled, of a format the runner reads. */
export interface InboxEntry {
  name: string;
  path: string;
  size: number;
  mtimeMs: number;
}

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
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!d.isFile() || d.name.startsWith('.')) continue;
    if (d.name.startsWith('~$')) {
      out.waiting.push({ name: d.name, motivo: 'archivo de bloqueo de Excel (el libro está abierto); se ignora' });
      continue;
    }
    if (PARTIAL.test(d.name)) {
      out.waiting.push({ name: d.name, motivo: 'descarga o copia incompleta; se cargará cuando termine de llegar' });
      continue;
    }
    if (!READABLE.test(d.name)) continue;
    const p = path.join(dir, d.name);
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      continue; // gone since the listing (another process took it)
    }
    if (Math.abs(now - st.mtimeMs) < limits.settleMs) {
      out.waiting.push({ name: d.name, motivo: `cambió hace menos de ${seconds(limits.settleMs)} (puede estar copiándose); se cargará en la próxima ejecución` });
      continue;
    }
    out.ready.push({ name: d.name, path: p, size: st.size, mtimeMs: st.mtimeMs });
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
