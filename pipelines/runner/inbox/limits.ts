/** Bounds on what the inbox accepts, from the environment (read at each run, so a change needs no restart). */
export interface InboxLimits {
  /** ATALAYA_MAX_ARCHIVO_MB (default 200): largest file accepted, and largest an XLSX may unpack to. */
  maxBytes: number;
  /** ATALAYA_ESPERA_ARCHIVO_S (default 5): a file modified this recently may still be being copied; it waits. */
  settleMs: number;
}

const MB = 1024 * 1024;

function positive(v: string | undefined, fallback: number, allowZero = false): number {
  const n = Number(v);
  return v !== undefined && v.trim() !== '' && Number.isFinite(n) && (allowZero ? n >= 0 : n > 0) ? n : fallback;
}

export function inboxLimits(env: NodeJS.ProcessEnv = process.env): InboxLimits {
  return {
    maxBytes: Math.round(positive(env.ATALAYA_MAX_ARCHIVO_MB, 200) * MB),
    settleMs: Math.round(positive(env.ATALAYA_ESPERA_ARCHIVO_S, 5, true) * 1000),
  };
}

/** "12.5 MB" (or "24 KB" under a megabyte) for messages. */
export function megabytes(bytes: number): string {
  if (bytes < MB) return `${Math.round(bytes / 1024).toLocaleString('es-MX')} KB`;
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb).toLocaleString('es-MX') : mb.toLocaleString('es-MX', { maximumFractionDigits: 1 })} MB`;
}
