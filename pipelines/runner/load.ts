import type { DuckDBConnection } from '@duckdb/node-api';
import { rowsOf } from '../../src/db/warehouse.js';
import type { HeaderMatch } from './headers.js';
import type { LoadCounts, RunRef, StagedRows, TableContract } from './types.js';
import { faultPoint } from './fault.js';
import { stagingInOrder } from './insertion-order.js';
import { repeatedIntegers } from './repeated.js';
import { ident, lit, validatedSelect } from './validate.js';

/** A UTF-8 CSV ready for DuckDB, holding the rows of one table from one file, sheet or HTTP read. */
export interface RawInput {
  /** What quarantine rows name as the file: the file name, "libro.xlsx › hoja" or the HTTP source. */
  archivo: string;
  /** The sheet, for a workbook. */
  hoja?: string | null;
  /** A path DuckDB reads literally (no pattern characters: see inbox/safe-path.ts). */
  csvPath: string;
  delimiter: string;
  /** Lines before the first data row. */
  skip: number;
  /** Number of columns in the file (including the leading _fila column when filaColumn). */
  width: number;
  /** The first column holds the row number (temporary files written from XLSX or HTTP). */
  filaColumn: boolean;
  /** Spreadsheet row number of the first data row (CSV only). */
  firstFila: number;
  header: HeaderMatch;
  /** The file has no space but U+0020 (extract/spaces.ts): values are trimmed only where they can change. */
  asciiSpaces?: boolean;
}

/** One input read, typed and validated into a temporary table of the run's connection, not yet merged. */
export interface Staged {
  table: TableContract;
  input: RawInput;
  /** Temporary table: typed contract columns and `_errores` (NULL for a good row). */
  typed: string;
  /** SQL expression of a row's spreadsheet number over `typed`. */
  fila: string;
  leidas: number;
  rechazadas: number;
}

let seq = 0;

/**
 * Reads one input into a temporary table: read, type and find every bad value of each row in one pass. Runs
 * outside the run's transaction, so a file DuckDB cannot read fails here alone and the transaction stays usable.
 */
export async function stageInput(c: DuckDBConnection, t: TableContract, input: RawInput): Promise<Staged> {
  const typed = `typed_${++seq}`;
  const offset = input.filaColumn ? 1 : 0;
  const cols: string[] = [];
  if (input.filaColumn) cols.push(`'_fila': 'BIGINT'`);
  for (let i = 0; i < input.width - offset; i++) cols.push(`'c${i}': 'VARCHAR'`);
  const reader = `read_csv(${lit(input.csvPath)}, delim=${lit(input.delimiter)}, header=false, skip=${input.skip},
    columns={${cols.join(', ')}}, quote='"', escape='"', null_padding=true, strict_mode=false, auto_detect=false)`;
  const source = new Map<string, string | null>();
  for (const col of t.columns) {
    const pos = input.header.positions.get(col.name);
    source.set(col.name, pos === undefined ? null : `c${pos}`);
  }
  // For a CSV the row number is the temporary table's row id, cheaper than a window: rows keep the file's order
  // (DuckDB preserves insertion order) as long as the query has no join; validate.ts writes its value lists
  // with list_contains because DuckDB plans a long IN list as a join, which reorders a parallel read.
  const create = `CREATE TEMP TABLE ${typed} AS ${validatedSelect(t, source, reader, input.filaColumn, input.asciiSpaces === true)}`;
  await (input.filaColumn ? c.run(create) : stagingInOrder(c, () => c.run(create)));
  let fila = '_fila';
  if (!input.filaColumn) {
    // Row ids may start at a large base (inside a transaction); the offset from the first is exact.
    const [{ base }] = (await rowsOf<{ base: string | null }>(c, `SELECT min(rowid)::VARCHAR AS base FROM ${typed}`)) as [{ base: string | null }];
    fila = `(rowid - ${/^\d+$/.test(base ?? '') ? base : '0'} + ${input.firstFila})::BIGINT`;
  }
  const [counts] = await rowsOf<{ leidas: number; rechazadas: number }>(
    c,
    `SELECT count(*)::INTEGER AS leidas, count(_errores)::INTEGER AS rechazadas FROM ${typed}`,
  );
  return { table: t, input, typed, fila, leidas: counts!.leidas, rechazadas: counts!.rechazadas };
}

export async function dropStaged(c: DuckDBConnection, s: Staged): Promise<void> {
  await c.run(`DROP TABLE IF EXISTS ${s.typed}`);
}

/**
 * Inside the run's transaction: quarantines the bad values of a staged input with their row and field, and merges
 * the good rows into the contract's core table by its key (a later row with the same key replaces the earlier
 * one), or through the contract's own merge.
 */
export async function mergeStaged(c: DuckDBConnection, s: Staged, run: RunRef): Promise<LoadCounts> {
  const { table: t, input, typed, fila } = s;
  await c.run(
    `INSERT INTO ops.cuarentena (ejecucion_id, pipeline, tabla, archivo, hoja, fila, campo, motivo, valor)
     SELECT $run, $pipeline, $tabla, $archivo, $hoja, _fila, e.campo, e.motivo, e.valor
     FROM (SELECT ${fila} AS _fila, unnest(_errores) AS e FROM ${typed} WHERE _errores IS NOT NULL) ORDER BY _fila, e.campo`,
    { run: run.runId, pipeline: run.pipeline, tabla: t.table, archivo: input.archivo, hoja: input.hoja ?? null },
  );
  const goodTyped = `SELECT ${t.columns.map((x) => ident(x.name)).join(', ')}, ${fila} AS _fila FROM ${typed} WHERE _errores IS NULL`;
  if (t.merge) {
    const r = await t.merge(c, { good: `(${goodTyped})`, archivo: input.archivo, hoja: input.hoja ?? null }, run);
    return { leidas: s.leidas, cargadas: r.cargadas, rechazadas: s.rechazadas + r.rechazadas };
  }
  const good = `good_${++seq}`;
  const derived = Object.entries(t.derived ?? {});
  const names = [...t.columns.map((x) => x.name), ...derived.map(([k]) => k)];
  const select = [...t.columns.map((x) => ident(x.name)), ...derived.map(([k, expr]) => `${expr} AS ${ident(k)}`)];
  const key = t.key.map(ident).join(', ');
  const goodRows = `SELECT ${select.join(', ')}, ${fila} AS _fila FROM ${typed} WHERE _errores IS NULL`;
  // A later row with the same key replaces an earlier one (the last row of the file wins); most files repeat
  // no key, and then the good rows are read straight from the typed table.
  const repetidas = await repeatedKeys(c, t, goodRows);
  const from = repetidas > 0 ? good : `(${goodRows})`;
  if (repetidas > 0) await c.run(`CREATE TEMP TABLE ${good} AS ${goodRows} QUALIFY _fila = max(_fila) OVER (PARTITION BY ${key})`);
  const match = t.key.map((k) => `${t.target}.${ident(k)} IS NOT DISTINCT FROM g.${ident(k)}`).join(' AND ');
  // A first load into an empty table has nothing to replace (the join would still read every new key).
  const [{ hay }] = (await rowsOf<{ hay: boolean }>(c, `SELECT EXISTS (SELECT 1 FROM ${t.target}) AS hay`)) as [{ hay: boolean }];
  if (hay) await c.run(`DELETE FROM ${t.target} USING ${from} g WHERE ${match}`);
  faultPoint('merge');
  await c.run(
    `INSERT INTO ${t.target} (${names.map(ident).join(', ')}, _archivo, _fila, _ejecucion, _cargado_en)
     SELECT ${names.map(ident).join(', ')}, $archivo, _fila, $run, now() FROM ${from}`,
    { archivo: input.hoja ? `${input.archivo} › ${input.hoja}` : input.archivo, run: run.runId },
  );
  if (repetidas > 0) await c.run(`DROP TABLE ${good}`);
  return { leidas: s.leidas, cargadas: s.leidas - s.rechazadas - repetidas, rechazadas: s.rechazadas };
}

/** Good rows whose key an earlier good row of the same input has (NULL keys count as repeated, as ever). */
async function repeatedKeys(c: DuckDBConnection, t: TableContract, goodRows: string): Promise<number> {
  const only = t.key.length === 1 ? t.columns.find((x) => x.name === t.key[0]) : undefined;
  if (only && (only.type === 'int' || only.type === 'bigint')) {
    const r = await repeatedIntegers((sql) => rowsOf(c, sql), `(${goodRows})`, ident(only.name));
    return r.repetidas + r.nulos;
  }
  const [{ repetidas }] = await rowsOf<{ repetidas: number }>(
    c,
    `SELECT (count(*) - count(DISTINCT (${t.key.map(ident).join(', ')})))::INTEGER AS repetidas FROM (${goodRows})`,
  ) as [{ repetidas: number }];
  return repetidas;
}

/** Stage and merge in one go, on the caller's connection and inside the caller's transaction (HTTP sources). */
export async function loadTable(c: DuckDBConnection, t: TableContract, input: RawInput, run: RunRef): Promise<LoadCounts> {
  const s = await stageInput(c, t, input);
  try {
    return await mergeStaged(c, s, run);
  } finally {
    // After a failed merge the transaction is aborted and rolls back, taking this temporary table with it.
    await dropStaged(c, s).catch(() => undefined);
  }
}
