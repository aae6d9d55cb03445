/**
 * How many rows of a query repeat an integer key of an earlier row (count − distinct), for the merge's "a later row
 * replaces an earlier one" and the `unique` check. count(DISTINCT) hashes every key (~50 ms at 1M tickets, twice per
 * load); when the keys span a range of at most RANGE_MAX values, a bitmap of that range (DuckDB's bitstring_agg) counts
 * the distinct ones in one cheap pass (~10 ms). Same answer either way.
 */
type Rows = (sql: string) => Promise<Array<Record<string, unknown>>>;

/** Widest key range counted with a bitmap: 2^27 bits, 16 MB while the query runs. */
export const RANGE_MAX = 2 ** 27;

export interface Repeated {
  /** Rows whose non-null key another row already has. */
  repetidas: number;
  /** Rows with no key. */
  nulos: number;
}

const num = (v: unknown): number => Number(v ?? 0);

/** `from` is a table or a parenthesized query; `col` a quoted identifier of an integer column of it. */
export async function repeatedIntegers(rows: Rows, from: string, col: string): Promise<Repeated> {
  const [r] = await rows(`SELECT min(${col})::VARCHAR AS lo, max(${col})::VARCHAR AS hi, count(${col}) AS n, count(*) - count(${col}) AS nulos FROM ${from}`);
  const lo = String(r?.lo ?? ''), hi = String(r?.hi ?? '');
  const nulos = num(r?.nulos);
  if (!/^-?\d+$/.test(lo) || !/^-?\d+$/.test(hi)) return { repetidas: 0, nulos };
  const span = BigInt(hi) - BigInt(lo) + 1n;
  const distinct = span <= BigInt(RANGE_MAX)
    ? `bit_count(bitstring_agg(${col}::BIGINT, ${lo}::BIGINT, ${hi}::BIGINT))`
    : `count(DISTINCT ${col})`;
  const [d] = await rows(`SELECT (count(${col}) - ${distinct})::BIGINT AS repetidas FROM ${from}`);
  return { repetidas: num(d?.repetidas), nulos };
}
