/**
 * The calendario's merge: the runner's (delete by key, insert with lineage columns; the last row of a file wins)
 * after the rules across the fields of a row (an end before its start), which quarantine the row with its file,
 * row and field. Runs inside the run's transaction.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { rowsOf } from '../../src/db/warehouse.js';
import type { RunRef, StagedRows, TableContract } from '../runner/types.js';
import { ident, lit } from '../runner/validate.js';

/** A rule over the typed columns of one row (bare column names): `bad` holds for a bad row. */
export interface RowRule {
  /** The field quarantine names. */
  campo: string;
  /** SQL condition; NULL (a date missing) counts as not bad. */
  bad: string;
  /** SQL expression of the Spanish reason. */
  motivo: string;
  /** SQL expression of the value shown beside the reason. */
  valor: string;
}

type Merge = NonNullable<TableContract['merge']>;

let seq = 0;

/**
 * A merge for `t` that first quarantines the rows breaking any of `rules` (every rule a row breaks is listed, the
 * row counted once), then loads the others by the contract's key. `defaults` gives a column's stored expression
 * (an empty estatus is vigente).
 */
export function mergeWithRules(t: Pick<TableContract, 'table' | 'target' | 'key' | 'columns'>, rules: readonly RowRule[], defaults: Readonly<Record<string, string>> = {}): Merge {
  const cols = t.columns.map((c) => c.name);
  const anyBad = rules.map((r) => `coalesce(${r.bad}, false)`).join(' OR ') || 'false';
  const key = t.key.map(ident).join(', ');
  return async (c: DuckDBConnection, rows: StagedRows, run: RunRef) => {
    const all = `cal_rows_${++seq}`;
    const ok = `cal_ok_${seq}`;
    await c.run(`CREATE TEMP TABLE ${all} AS SELECT * FROM ${rows.good}`);
    try {
      if (rules.length) await c.run(
        `INSERT INTO ops.cuarentena (ejecucion_id, pipeline, tabla, archivo, hoja, fila, campo, motivo, valor)
         SELECT $run, $pipeline, $tabla, $archivo, $hoja, _fila, campo, motivo, valor FROM (
           ${rules.map((r) => `SELECT _fila, ${lit(r.campo)} AS campo, ${r.motivo} AS motivo, ${r.valor}::VARCHAR AS valor FROM ${all} WHERE ${r.bad}`).join('\nUNION ALL ')}
         ) ORDER BY _fila, campo`,
        { run: run.runId, pipeline: run.pipeline, tabla: t.table, archivo: rows.archivo, hoja: rows.hoja },
      );
      // Among the rows that pass, a later row with the same key replaces an earlier one, as in the runner's merge.
      await c.run(`CREATE TEMP TABLE ${ok} AS SELECT * FROM ${all} WHERE NOT (${anyBad})
        QUALIFY _fila = max(_fila) OVER (PARTITION BY ${key})`);
      const match = t.key.map((k) => `${t.target}.${ident(k)} = g.${ident(k)}`).join(' AND ');
      await c.run(`DELETE FROM ${t.target} USING ${ok} g WHERE ${match}`);
      await c.run(
        `INSERT INTO ${t.target} (${cols.map(ident).join(', ')}, _archivo, _fila, _ejecucion, _cargado_en)
         SELECT ${cols.map((n) => (defaults[n] ? `${defaults[n]} AS ${ident(n)}` : ident(n))).join(', ')}, $archivo, _fila, $run, now()
         FROM ${ok} ORDER BY _fila`,
        { archivo: rows.hoja ? `${rows.archivo} › ${rows.hoja}` : rows.archivo, run: run.runId },
      );
      const [n] = await rowsOf<{ cargadas: number; rechazadas: number }>(c,
        `SELECT (SELECT count(*) FROM ${ok})::INTEGER AS cargadas, (SELECT count(*) FROM ${all} WHERE ${anyBad})::INTEGER AS rechazadas`);
      return n!;
    } finally {
      await c.run(`DROP TABLE IF EXISTS ${all}; DROP TABLE IF EXISTS ${ok}`).catch(() => undefined);
    }
  };
}
