/**
 * core.tickets_hechos: one narrow row per ticket for the incident figures (see src/domains/incidentes/sql.ts), kept
 * in the load transaction by every pipeline that loads core.tickets, for the tickets of the run that just loaded.
 * This file holds ALL the SQL the incident figures add to a tickets load (issue 11: keep the load's budget visible).
 *
 * Instants are epoch microseconds as BIGINT: the exact TIMESTAMPTZ value (no rounding), compared and subtracted as
 * plain integers (TIMESTAMPTZ arithmetic goes through ICU's calendar; DOUBLE epochs are stored with ALP, several
 * times slower to scan, and an exact quantile over integers costs a third of one over doubles). The six text
 * dimensions are integer codes of core.tickets_dimensiones (migration 0790), the empty value spelled
 * SIN_DATO_HECHOS there: writing a million strings per column was two thirds of the cost of this table at each load.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { rowsOf } from '../../src/db/warehouse.js';
import { THIS_RUN_ID } from '../runner/run-id.js';
import { lit } from '../runner/validate.js';

/** How an empty category, service, area, council, type or technician is stored (= SIN_DATO of src/domains/incidentes/types.ts). */
export const SIN_DATO_HECHOS = '(sin dato)';

/** The text columns of core.tickets kept as codes in core.tickets_hechos (each a `dimension` of core.tickets_dimensiones). */
export const DIMENSIONES_HECHOS = ['categoria', 'servicio', 'area_solicitante', 'clave_odes', 'tipo', 'tecnico'] as const;

/**
 * The Mexico City calendar day of an epoch (seconds). Since 30 Oct 2022 07:00 UTC Mexico City is always UTC−6, so
 * the day is plain arithmetic; earlier instants go through ICU's time-zone rules (the session zone).
 */
export const diaMexico = (e: string): string =>
  `CASE WHEN ${e} >= 1667113200 THEN DATE '1970-01-01' + CAST(floor((${e} - 21600) / 86400) AS INTEGER) ELSE CAST(to_timestamp(${e}) AS DATE) END`;

const valor = (c: string): string => `COALESCE(k.${c}, ${lit(SIN_DATO_HECHOS)})`;

/**
 * The projection of core.tickets (alias k) into core.tickets_hechos' columns; `codigo(c)` gives the SQL of the code of
 * dimension c's value (an expression over k).
 */
const hechosSelect = (codigo: (c: (typeof DIMENSIONES_HECHOS)[number]) => string, where: string): string => `
  SELECT id, prioridad, ${DIMENSIONES_HECHOS.join(', ')},
         apertura, asignacion, solucion, COALESCE(solucion, cierre) AS fin, limite_fuente,
         ${diaMexico('apertura / 1000000')} AS dia_apertura, ${diaMexico('solucion / 1000000')} AS dia_solucion
  FROM (SELECT k.id, k.prioridad, ${DIMENSIONES_HECHOS.map((c) => `${codigo(c)} AS ${c}`).join(', ')},
               epoch_us(k.fecha_apertura) AS apertura, epoch_us(k.fecha_asignacion) AS asignacion,
               epoch_us(k.fecha_solucion) AS solucion, epoch_us(k.fecha_cierre) AS cierre,
               epoch_us(k.fecha_limite_solucion) AS limite_fuente
        FROM core.tickets k WHERE ${where})`;

/**
 * The rows core.tickets_hechos holds for the tickets of core.tickets (alias k) that meet `where`, the codes looked up
 * by a join: the definition the load's faster form must agree with (tests/pipelines/runner/typing.test.ts).
 */
export const HECHOS_SQL = (where: string): string => hechosSelect(
  (c) => `(SELECT d.codigo FROM core.tickets_dimensiones d WHERE d.dimension = ${lit(c)} AND d.valor = ${valor(c)})`, where);

/**
 * Values of the run's tickets not yet in core.tickets_dimensiones, appended with the next codes of their dimension.
 * Each dimension's distinct values are found apart (a GROUP BY of one column: cheaper than six DISTINCT lists at once),
 * then once more with the empty value spelled out (a source value '(sin dato)' and an empty one are the same value).
 */
const NUEVOS_VALORES_SQL = `
  INSERT INTO core.tickets_dimensiones (dimension, codigo, valor)
  WITH n AS (SELECT DISTINCT dimension, valor FROM (${DIMENSIONES_HECHOS.map((c) => `SELECT ${lit(c)} AS dimension, ${valor(c)} AS valor FROM (SELECT k.${c} FROM core.tickets k WHERE k._ejecucion = ${THIS_RUN_ID} GROUP BY ALL) k`).join(`
    UNION ALL `)}))
  SELECT n.dimension, (COALESCE(m.ultimo, -1) + row_number() OVER (PARTITION BY n.dimension ORDER BY n.valor))::INTEGER, n.valor
  FROM n LEFT JOIN (SELECT dimension, max(codigo) AS ultimo FROM core.tickets_dimensiones GROUP BY dimension) m ON m.dimension = n.dimension
  WHERE NOT EXISTS (SELECT 1 FROM core.tickets_dimensiones d WHERE d.dimension = n.dimension AND d.valor = n.valor)`;

/**
 * Replaces the narrow rows of the tickets this run loaded (runs after the history transform, which may fill
 * fecha_asignacion). The run's rows are found by its id, a constant the scan filters on (see runner/run-id.ts), and
 * inserted in the order they were loaded: the figures read whole ranges and need no sort. A value's code comes from
 * an ENUM of its dimension's values in code order (enum_code is its position): a hash lookup that keeps the rows in
 * order, where a join with core.tickets_dimensiones would not.
 */
export async function ticketHechos(tx: DuckDBConnection): Promise<void> {
  await tx.run(NUEVOS_VALORES_SQL);
  const dic = await rowsOf<{ dimension: string; valores: string[] }>(
    tx, `SELECT dimension, list(valor ORDER BY codigo) AS valores FROM core.tickets_dimensiones GROUP BY dimension`);
  const valores = new Map(dic.map((d) => [d.dimension, d.valores]));
  const [{ hay }] = (await rowsOf<{ hay: boolean }>(tx, `SELECT EXISTS (SELECT 1 FROM core.tickets_hechos) AS hay`)) as [{ hay: boolean }];
  // A first load has nothing to replace (the semi-join would still read every id of the run).
  if (hay) await tx.run(`DELETE FROM core.tickets_hechos WHERE id IN (SELECT id FROM core.tickets WHERE _ejecucion = ${THIS_RUN_ID})`);
  // No values: the run loaded no ticket (every ticket's values were added above).
  if (DIMENSIONES_HECHOS.some((c) => !valores.get(c)?.length)) return;
  const codigo = (c: string): string => `enum_code(${valor(c)}::ENUM(${valores.get(c)!.map(lit).join(', ')}))::INTEGER`;
  await tx.run(`INSERT INTO core.tickets_hechos ${hechosSelect(codigo, `k._ejecucion = ${THIS_RUN_ID}`)}`);
}
