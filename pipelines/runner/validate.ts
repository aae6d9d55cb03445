import type { Column, TableContract } from './types.js';
import { normalizeName } from './headers.js';

/** SQL string literal. Only for names and values that come from contracts, never from files. */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
export const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

const DATE_FORMATS = ['%d/%m/%Y', '%Y-%m-%d', '%d-%m-%Y', '%Y/%m/%d'];
const TIME_SUFFIXES = [' %H:%M', ' %H:%M:%S', 'T%H:%M', 'T%H:%M:%S', ' %H:%M:%S.%f', 'T%H:%M:%S.%f'];
const NAIVE_DATETIME = [...DATE_FORMATS.flatMap((d) => TIME_SUFFIXES.map((t) => d + t)), ...DATE_FORMATS];
const OFFSET_DATETIME = ['%Y-%m-%dT%H:%M:%S%z', '%Y-%m-%d %H:%M:%S%z', '%Y-%m-%dT%H:%M%z', '%Y-%m-%dT%H:%M:%S.%f%z', '%Y-%m-%d %H:%M%z'];
const list = (xs: readonly string[]): string => `[${xs.map(lit).join(', ')}]`;

/** Normalized form of an accepted value: no case, accents, or difference between spaces and underscores. */
export const normValue = (v: string): string => normalizeName(v).replace(/_/g, ' ');
const normSql = (v: string): string => `regexp_replace(lower(strip_accents(${v})), '[\\s_]+', ' ', 'g')`;

/**
 * The instant of a Mexico City wall-clock time. Since 30 Oct 2022 Mexico City has no daylight saving time and is
 * always UTC−6, so recent times take a plain offset; earlier ones go through ICU's time-zone rules.
 */
function mexicoCityInstant(t: string): string {
  return `CASE WHEN ${t} >= TIMESTAMP '2022-10-30 02:00:00' THEN to_timestamp(epoch(${t}) + 21600) ELSE timezone('America/Mexico_City', ${t}) END`;
}

/** A time followed by a zone (`Z`, `-06`, `-06:00`, `-0600`): no wall-clock format can parse such a text. */
const WITH_OFFSET = `'\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?\\s*(Z|[+-]\\d\\d(:?\\d\\d)?)$'`;

/**
 * Wall-clock parse of a datetime text (NULL when it is not one); the two usual formats first, for speed. A text
 * with a zone skips the long list of wall-clock formats (none of them would match it; the list costs tens of
 * microseconds a value, seconds on a history of checks written with offsets).
 */
export function naiveDatetime(v: string): string {
  return `COALESCE(${byShape(v, DATETIME_SHAPES)}, TRY_STRPTIME(${v}, '%d/%m/%Y %H:%M'), TRY_STRPTIME(${v}, '%Y-%m-%d %H:%M'),
    CASE WHEN NOT regexp_matches(${v}, ${WITH_OFFSET}) THEN TRY_STRPTIME(${v}, ${list(NAIVE_DATETIME)}) END)`;
}

/**
 * A value that fails to parse costs DuckDB an error message it then throws away (several times the cost of one that
 * parses), so a value is first tried only with the format its shape (LIKE, a few nanoseconds) says it has. Each
 * shape's format is the first of the full list that could parse such a value, so a value that parses here gets the
 * answer the full list would give, and one that does not (31/02/2026) goes through the full list as before.
 */
const DATETIME_SHAPES: ReadonlyArray<readonly [string, string]> = [
  ['__/__/____ __:__', '%d/%m/%Y %H:%M'],
  ['____-__-__ __:__', '%Y-%m-%d %H:%M'],
  ['____-__-__ __:__:__', '%Y-%m-%d %H:%M:%S'],
  ['____-__-__T__:__:__', '%Y-%m-%dT%H:%M:%S'],
];
const DATE_SHAPES: ReadonlyArray<readonly [string, string]> = [
  ['__/__/____', '%d/%m/%Y'],
  ['____-__-__', '%Y-%m-%d'],
];
const byShape = (v: string, shapes: ReadonlyArray<readonly [string, string]>): string =>
  `CASE ${shapes.map(([like, fmt]) => `WHEN ${v} LIKE ${lit(like)} THEN TRY_STRPTIME(${v}, ${lit(fmt)})`).join(' ')} END`;
export const localName = (c: string): string => ident(`${c}$local`);

/** The typed value of a trimmed, non-empty text `v` (NULL when it does not parse). */
export function typedExpr(col: Column, v: string, local?: string): string {
  switch (col.type) {
    case 'text':
      if (!col.values) return v;
      // list_contains, not IN: DuckDB turns a long IN list into a join, whose output may leave the file's row
      // order, and the loader numbers rows by that order (see load.ts).
      // Exact spellings skip the normalization (the common case by far).
      return `CASE WHEN list_contains(${list(col.values)}, ${v}) THEN ${v} ELSE CASE ${normSql(v)} ${col.values.map((a) => `WHEN ${lit(normValue(a))} THEN ${lit(a)}`).join(' ')} END END`;
    case 'int':
    case 'bigint': {
      const d = `TRY_CAST(${v} AS DOUBLE)`;
      return `CASE WHEN ${d} = floor(${d}) AND abs(${d}) < ${col.type === 'int' ? '2147483648' : '9.2e18'} THEN ${d}::${col.type === 'int' ? 'INTEGER' : 'BIGINT'} END`;
    }
    case 'number':
      return `COALESCE(TRY_CAST(${v} AS DOUBLE), CASE WHEN regexp_full_match(${v}, '-?\\d{1,3}(,\\d{3})+(\\.\\d+)?') THEN TRY_CAST(replace(${v}, ',', '') AS DOUBLE) END)`;
    case 'date':
      // The two usual formats first, one format each (a format list is several times slower per value); the
      // lists after them give the same answer for everything else.
      return `COALESCE(${byShape(v, DATE_SHAPES)}::DATE, TRY_STRPTIME(${v}, '%d/%m/%Y')::DATE, TRY_STRPTIME(${v}, '%Y-%m-%d')::DATE,
        TRY_STRPTIME(${v}, ${list(DATE_FORMATS)})::DATE, TRY_STRPTIME(${v}, ${list(NAIVE_DATETIME)})::DATE)`;
    case 'datetime': {
      // Wall-clock formats first (no value matches both a naive format and an offset one, so the order does not
      // change results), the two usual ones on their own for speed; then values with an offset or Z.
      const z = `regexp_replace(${v}, 'Z$', '+00:00')`;
      // `local` is the wall-clock parse computed once in an inner projection (it is used three times here).
      const naive = local ?? `(${naiveDatetime(v)})`;
      return `COALESCE(${mexicoCityInstant(naive)}, TRY_STRPTIME(${z}, ${list(OFFSET_DATETIME)})::TIMESTAMPTZ)`;
    }
    case 'bool':
      return `CASE WHEN list_contains(['si', 's', '1', 'true', 'verdadero', 'x'], lower(strip_accents(${v}))) THEN true
        WHEN list_contains(['no', 'n', '0', 'false', 'falso'], lower(strip_accents(${v}))) THEN false END`;
  }
}

export const SQL_TYPE: Record<Column['type'], string> = {
  text: 'VARCHAR',
  int: 'INTEGER',
  bigint: 'BIGINT',
  number: 'DOUBLE',
  date: 'DATE',
  datetime: 'TIMESTAMPTZ',
  bool: 'BOOLEAN',
};

const TYPE_REASON: Record<Column['type'], string> = {
  text: 'texto inválido',
  int: 'número entero inválido',
  bigint: 'número entero inválido',
  number: 'número inválido',
  date: 'fecha inválida (use dd/mm/aaaa o aaaa-mm-dd)',
  datetime: 'fecha y hora inválida (use dd/mm/aaaa hh:mm o aaaa-mm-dd hh:mm)',
  bool: 'valor lógico inválido (use si o no)',
};

/** Spanish reason for a value that does not parse, with the value quoted. */
function badValueReason(col: Column, raw: string): string {
  const what = col.values ? `valor no permitido; se esperaba uno de: ${col.values.join(', ')}` : TYPE_REASON[col.type];
  return `${lit(what + ': «')} || ${raw} || '»'`;
}

export const rawName = (c: string): string => ident(`${c}$raw`);

/**
 * A text without its surrounding spaces, NULL when nothing is left. trim() copies every value (a second of CPU over
 * a 1M-row file); when the file has no space other than the ASCII one (`asciiSpaces`, see extract/spaces.ts) only
 * values that start or end with it can change, and the others are kept as they are.
 */
function trimmed(x: string, asciiSpaces: boolean): string {
  return asciiSpaces ? `CASE WHEN ${x} LIKE ' %' OR ${x} LIKE '% ' THEN NULLIF(trim(${x}), '') ELSE NULLIF(${x}, '') END` : `NULLIF(trim(${x}), '')`;
}

/** Condition under which a column's value is bad, and the Spanish reason, over the inner raw/typed columns. */
function columnProblem(col: Column): { cond: string; motivo: string } {
  const raw = rawName(col.name);
  const typed = ident(col.name);
  const conds: string[] = [];
  const reasons: string[] = [];
  if (col.required) {
    conds.push(`${raw} IS NULL`);
    reasons.push(`WHEN ${raw} IS NULL THEN 'valor requerido vacío'`);
  }
  conds.push(`(${raw} IS NOT NULL AND ${typed} IS NULL)`);
  reasons.push(`WHEN ${typed} IS NULL THEN ${badValueReason(col, raw)}`);
  if (col.range) {
    const [lo, hi] = col.range;
    conds.push(`(${typed} < ${lo} OR ${typed} > ${hi})`);
    reasons.push(`ELSE ${lit(`fuera de rango (${lo} a ${hi}): «`)} || ${raw} || '»'`);
  }
  return { cond: conds.join(' OR '), motivo: `CASE ${reasons.join(' ')} END` };
}

/**
 * One pass over the source rows: the contract's typed columns and `_errores`, the list of (campo, motivo, valor)
 * of every bad value of the row (NULL for a good row, so good rows build no list). `source` maps a contract
 * column to its raw text column of `from`, or null when the file lacks it.
 */
export function validatedSelect(t: TableContract, source: Map<string, string | null>, from: string, withFila = true, asciiSpaces = false): string {
  const inner = withFila ? ['_fila'] : [];
  for (const col of t.columns) {
    const src = source.get(col.name);
    const v = src ? trimmed(ident(src), asciiSpaces) : 'NULL::VARCHAR';
    inner.push(`${v} AS ${rawName(col.name)}`);
  }
  const locals = t.columns.filter((c) => c.type === 'datetime').map((c) => `${naiveDatetime(rawName(c.name))} AS ${localName(c.name)}`);
  const typed = t.columns.map((col) => `${typedExpr(col, rawName(col.name), col.type === 'datetime' ? localName(col.name) : undefined)} AS ${ident(col.name)}`);
  const problems = t.columns.map((col) => ({ col, ...columnProblem(col) }));
  const list = `list_filter([${problems
    .map((p) => `CASE WHEN ${p.cond} THEN {'campo': ${lit(p.col.name)}, 'motivo': ${p.motivo}, 'valor': ${rawName(p.col.name)}} END`)
    .join(', ')}], x -> x IS NOT NULL)`;
  const anyBad = problems.map((p) => `(${p.cond})`).join(' OR ');
  const fila = withFila ? '_fila, ' : '';
  return `SELECT ${fila}${t.columns.map((c) => ident(c.name)).join(', ')},
    CASE WHEN ${anyBad} THEN ${list} END AS _errores
  FROM (SELECT ${fila}${t.columns.map((c) => rawName(c.name)).join(', ')}, ${typed.join(', ')}
        FROM (SELECT *${locals.length ? ', ' + locals.join(', ') : ''} FROM (SELECT ${inner.join(', ')} FROM ${from})))`;
}
