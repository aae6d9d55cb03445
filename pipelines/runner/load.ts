import type { DuckDBConnection } from '@duckdb/node-api';
import { rowsOf } from '../../src/db/warehouse.js';
import type { HeaderMatch } from './headers.js';
import type { LoadCounts, TableContract } from './types.js';
import { faultPoint } from './fault.js';
import { errorSelects, ident, lit, typedSelect } from './validate.js';

/** A UTF-8 CSV ready for DuckDB, holding the rows of one table from one file, sheet or HTTP read. */
export interface RawInput {
  /** What quarantine rows name as the file: the file name, "libro.xlsx › hoja" or the HTTP source. */
  archivo: string;
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
}

let seq = 0;

/**
 * Reads one input into temporary tables, quarantines bad values with their row and field, and merges the good
 * rows into the contract's core table by its key (a later row with the same key replaces the earlier one).
 * Runs on the caller's connection, inside the caller's transaction.
 */
export async function loadTable(
  c: DuckDBConnection,
  t: TableContract,
  input: RawInput,
  run: { runId: number; pipeline: string },
): Promise<LoadCounts> {
  const n = ++seq;
  const raw = `raw_${n}`;
  const typed = `typed_${n}`;
  const errs = `errs_${n}`;
  const good = `good_${n}`;
  const offset = input.filaColumn ? 1 : 0;
  const cols: string[] = [];
  if (input.filaColumn) cols.push(`'_fila': 'BIGINT'`);
  for (let i = 0; i < input.width - offset; i++) cols.push(`'c${i}': 'VARCHAR'`);
  const reader = `read_csv(${lit(input.csvPath)}, delim=${lit(input.delimiter)}, header=false, skip=${input.skip},
    columns={${cols.join(', ')}}, quote='"', escape='"', null_padding=true, strict_mode=false, auto_detect=false)`;
  const rowNumber = input.filaColumn ? '' : `(row_number() OVER () + ${input.firstFila - 1})::BIGINT AS _fila, `;
  // The raw text is typed straight from the reader (one materialization fewer); the typed table keeps it.
  const rawRows = `(SELECT ${rowNumber}* FROM ${reader}) ${raw}`;

  const source = new Map<string, string | null>();
  for (const col of t.columns) {
    const pos = input.header.positions.get(col.name);
    source.set(col.name, pos === undefined ? null : `c${pos}`);
  }
  await c.run(`CREATE TEMP TABLE ${typed} AS SELECT ${typedSelect(t, source)} FROM ${rawRows}`);
  await c.run(`CREATE TEMP TABLE ${errs} AS ${errorSelects(t, typed)}`);
  await c.run(
    `INSERT INTO ops.cuarentena (ejecucion_id, pipeline, tabla, archivo, fila, campo, motivo, valor)
     SELECT $run, $pipeline, $tabla, $archivo, _fila, campo, motivo, valor FROM ${errs} ORDER BY _fila, campo`,
    { run: run.runId, pipeline: run.pipeline, tabla: t.table, archivo: input.archivo },
  );

  const derived = Object.entries(t.derived ?? {});
  const names = [...t.columns.map((x) => x.name), ...derived.map(([k]) => k)];
  const select = [...t.columns.map((x) => ident(x.name)), ...derived.map(([k, expr]) => `${expr} AS ${ident(k)}`)];
  const key = t.key.map(ident).join(', ');
  await c.run(
    `CREATE TEMP TABLE ${good} AS SELECT ${select.join(', ')}, _fila FROM ${typed}
     WHERE _fila NOT IN (SELECT _fila FROM ${errs})
     QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY _fila DESC) = 1`,
  );
  const match = t.key.map((k) => `${t.target}.${ident(k)} IS NOT DISTINCT FROM g.${ident(k)}`).join(' AND ');
  await c.run(`DELETE FROM ${t.target} USING ${good} g WHERE ${match}`);
  faultPoint('merge');
  await c.run(
    `INSERT INTO ${t.target} (${names.map(ident).join(', ')}, _archivo, _fila, _ejecucion, _cargado_en)
     SELECT ${names.map(ident).join(', ')}, $archivo, _fila, $run, now() FROM ${good}`,
    { archivo: input.archivo, run: run.runId },
  );
  const [counts] = await rowsOf<{ leidas: number; rechazadas: number; cargadas: number }>(
    c,
    `SELECT (SELECT count(*) FROM ${typed})::INTEGER AS leidas,
            (SELECT count(DISTINCT _fila) FROM ${errs})::INTEGER AS rechazadas,
            (SELECT count(*) FROM ${good})::INTEGER AS cargadas`,
  );
  for (const x of [typed, errs, good]) await c.run(`DROP TABLE ${x}`);
  return counts!;
}
