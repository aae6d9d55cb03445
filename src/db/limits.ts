import os from 'node:os';

/**
 * How much of the machine the warehouse may use. DuckDB's defaults (80 % of RAM, one thread per core) let a busy
 * server grow without bound; these keep it within a share of the machine, and each can be set by environment:
 * ATALAYA_DB_MEMORIA_MB (DuckDB memory_limit), ATALAYA_DB_THREADS (DuckDB threads) and ATALAYA_DB_LECTORES (read
 * connections; reads past them wait in line).
 */
export interface DbLimits {
  memoryMb: number;
  /** memory_limit while a pipeline loads files (see pipelines/runner/load-memory.ts). */
  loadMemoryMb: number;
  threads: number;
  readers: number;
}

const positive = (v: string | undefined): number | null => {
  const n = Math.floor(Number(v));
  return v !== undefined && v.trim() !== '' && Number.isFinite(n) && n > 0 ? n : null;
};

export function dbLimits(env: NodeJS.ProcessEnv = process.env): DbLimits {
  const cores = os.availableParallelism();
  const totalMb = os.totalmem() / 1024 / 1024;
  // A sixteenth of the RAM, between 64 and 256 MB (a 2 GB VM: 128 MB). The warehouse of an institute this size is
  // tens of MB and DuckDB spills to disk past the limit, so more only grows the server's memory under load.
  const memoryMb = positive(env.ATALAYA_DB_MEMORIA_MB) ?? Math.round(Math.min(256, Math.max(64, totalMb / 16)));
  const threads = positive(env.ATALAYA_DB_THREADS) ?? Math.max(2, Math.min(cores, 4));
  // More readers than cores only adds memory (each running query holds its buffers) and contention.
  const readers = positive(env.ATALAYA_DB_LECTORES) ?? Math.max(2, Math.min(cores * 2, 8));
  // A load types a whole file into a temporary table before its transaction: under the reads' limit a 1M-row
  // ticket export spills that table to disk and takes 4–5× longer. An eighth of the RAM, up to 1 GB, for the load
  // alone (ATALAYA_DB_MEMORIA_CARGA_MB); never less than the reads' limit.
  const loadMemoryMb = Math.max(memoryMb, positive(env.ATALAYA_DB_MEMORIA_CARGA_MB) ?? Math.round(Math.min(1024, totalMb / 8)));
  return { memoryMb, loadMemoryMb, threads, readers };
}
