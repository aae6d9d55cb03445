/**
 * DuckDB keeps the order of rows through a query unless `preserve_insertion_order` is off, one setting of the whole
 * instance. Staging a CSV needs it on: a row's number in its file is its temporary table's row id (load.ts). The
 * run's merge and history do not: they write rows whose order nothing reads (every read sorts; `_fila` is a column),
 * and ordered, a parallel insert merges its threads' row groups back into file order (~0.1 s of the 1M-ticket load's
 * merge, ~5 % of the load; npm run bench runner).
 *
 * So the order is let go while a run commits, only when no CSV is being staged, and a staging that starts meanwhile
 * waits for it to be restored. The setting changes through `settings`, another connection than the run's: a failed
 * merge aborts the run's transaction, on whose connection not even a SET would run, and the order must come back.
 */
export type Settings = (sql: string) => Promise<unknown>;

let staging = 0;
let unordered: Promise<void> | null = null;
/** False when setting the order back failed: the next staging sets it on its own connection first. */
let restored = true;

/** Stages a CSV whose row numbers are row ids on `c`: with the order kept throughout. */
export async function stagingInOrder<T>(c: { run: Settings }, fn: () => Promise<T>): Promise<T> {
  while (unordered) await unordered;
  staging++;
  try {
    if (!restored) {
      await c.run('SET preserve_insertion_order = true');
      restored = true;
    }
    return await fn();
  } finally {
    staging--;
  }
}

/** Runs `fn` with insertion order off when no staging is under way (and with it on otherwise: same result). */
export async function unorderedWrites<T>(settings: Settings, fn: () => Promise<T>): Promise<T> {
  if (staging > 0 || unordered) return fn();
  let release!: () => void;
  unordered = new Promise((r) => (release = r));
  try {
    try {
      await settings('SET preserve_insertion_order = false');
    } catch {
      // Kept in order: slower, never wrong.
    }
    return await fn();
  } finally {
    try {
      await settings('SET preserve_insertion_order = true');
    } catch {
      restored = false;
    } finally {
      unordered = null;
      release();
    }
  }
}

/** Whether the order is let go right now (tests). */
export const insertionUnordered = (): boolean => unordered !== null;
