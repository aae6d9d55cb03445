import type { Warehouse } from '../../src/db/warehouse.js';
import type { Check, TableContract } from './types.js';
import { ident, lit } from './validate.js';
import { repeatedIntegers } from './repeated.js';

export interface CheckResult {
  nombre: string;
  tipo: Check['kind'];
  tabla: string;
  fallas: number;
  muestra: unknown[];
}

/**
 * The checks a source's contracts imply, for each table they load: its key is unique, its required columns are
 * not null, and a column with a list of values takes only those. A pipeline adds what a contract cannot say
 * (relationships, freshness) after these.
 */
export function contractChecks(tables: readonly TableContract[]): Check[] {
  return tables.filter((t) => t.checked !== false).flatMap((t): Check[] => [
    { kind: 'unique', table: t.target, columns: t.key, integer: integerKey(t) },
    ...t.columns.filter((c) => c.required).map((c): Check => ({ kind: 'not_null', table: t.target, column: c.name })),
    ...t.columns.filter((c) => c.values).map((c): Check => ({ kind: 'accepted_values', table: t.target, column: c.name, values: c.values! })),
  ]);
}

/** Whether a contract's key is one integer column. */
const integerKey = (t: TableContract): boolean => {
  const only = t.key.length === 1 ? t.columns.find((x) => x.name === t.key[0]) : undefined;
  return only?.type === 'int' || only?.type === 'bigint';
};

export function checkName(ch: Check): string {
  switch (ch.kind) {
    case 'unique': return `único: ${ch.table} (${ch.columns.join(', ')})`;
    case 'not_null': return `no nulo: ${ch.table}.${ch.column}`;
    case 'relationship': return `relación: ${ch.table}.${ch.column} → ${ch.ref}.${ch.refColumn}`;
    case 'accepted_values': return `valores aceptados: ${ch.table}.${ch.column}`;
    case 'freshness': return `vigencia: ${ch.table}.${ch.column} ≤ ${ch.maxHours} h`;
  }
}

/** SQL returning the offending rows of a check (none when it passes). */
export function checkSql(ch: Check): string {
  switch (ch.kind) {
    case 'unique': {
      const cols = ch.columns.map(ident).join(', ');
      return `SELECT ${cols}, count(*)::INTEGER AS repeticiones FROM ${ch.table} GROUP BY ${cols} HAVING count(*) > 1`;
    }
    case 'not_null':
      return `SELECT * FROM ${ch.table} WHERE ${ident(ch.column)} IS NULL`;
    case 'relationship':
      return `SELECT t.* FROM ${ch.table} t
        LEFT JOIN ${ch.ref} r ON t.${ident(ch.column)} = r.${ident(ch.refColumn)}
        WHERE t.${ident(ch.column)} IS NOT NULL AND r.${ident(ch.refColumn)} IS NULL${ch.where ? ` AND (${ch.where})` : ''}`;
    case 'accepted_values':
      return `SELECT * FROM ${ch.table}
        WHERE ${ident(ch.column)} IS NOT NULL AND ${ident(ch.column)} NOT IN (${ch.values.map(lit).join(', ')})`;
    case 'freshness':
      return `SELECT max(${ident(ch.column)}) AS ultimo FROM ${ch.table}
        HAVING max(${ident(ch.column)}) IS NULL OR max(${ident(ch.column)}) < now() - INTERVAL ${Math.round(ch.maxHours)} HOUR`;
  }
}

/** The condition a row breaks, for the checks that look at one row at a time. */
function rowCondition(ch: Check): string | null {
  if (ch.kind === 'not_null') return `${ident(ch.column)} IS NULL`;
  if (ch.kind === 'accepted_values') return `${ident(ch.column)} IS NOT NULL AND ${ident(ch.column)} NOT IN (${ch.values.map(lit).join(', ')})`;
  return null;
}

/**
 * How many rows break each row-at-a-time check (not null, accepted values) of one table: one scan counts them all,
 * instead of one scan per check running side by side (seven scans of 1M tickets after each load).
 */
async function rowCounts(wh: Warehouse, table: string, checks: readonly Check[]): Promise<number[]> {
  const [r] = await wh.all(`SELECT ${checks.map((ch, i) => `count(*) FILTER (WHERE ${rowCondition(ch)})::INTEGER AS n${i}`).join(', ')} FROM ${table}`);
  return checks.map((_, i) => Number(r?.[`n${i}`] ?? 0));
}

/**
 * Runs the checks side by side on the read pool (each is a scan of a whole table; one after another they cost the
 * run their sum); results in the order of `checks`. A check that finds rows reads a sample of them.
 */
export async function runChecks(wh: Warehouse, checks: readonly Check[]): Promise<CheckResult[]> {
  const byTable = new Map<string, Check[]>();
  for (const ch of checks) if (rowCondition(ch)) byTable.set(ch.table, [...(byTable.get(ch.table) ?? []), ch]);
  const counted = new Map<Check, Promise<number>>();
  for (const [table, group] of byTable) {
    const counts = rowCounts(wh, table, group);
    group.forEach((ch, i) => counted.set(ch, counts.then((ns) => ns[i]!)));
  }
  return Promise.all(checks.map(async (ch): Promise<CheckResult> => {
    const result = (fallas: number, muestra: unknown[]): CheckResult => ({ nombre: checkName(ch), tipo: ch.kind, tabla: ch.table, fallas, muestra });
    if (ch.kind === 'unique' && ch.integer && ch.columns.length === 1) {
      // No repeated key and at most one row without one: no group of the check's query has two rows.
      const r = await repeatedIntegers((q) => wh.all(q), ch.table, ident(ch.columns[0]!));
      if (r.repetidas === 0 && r.nulos <= 1) return result(0, []);
    }
    const sql = checkSql(ch);
    const n = counted.has(ch)
      ? await counted.get(ch)!
      : ((await wh.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${sql})`))[0]?.n ?? 0);
    return result(n, n > 0 ? await wh.all(`${sql} LIMIT 5`) : []);
  }));
}

/** Rows of `from` (table.column) whose value is not in `to` (table.column). */
export function references(from: string, to: string, where?: string): Check {
  const [t1, s1, c1] = from.split('.');
  const [t2, s2, c2] = to.split('.');
  return { kind: 'relationship', table: `${t1}.${s1}`, column: c1!, ref: `${t2}.${s2}`, refColumn: c2!, ...(where ? { where } : {}) };
}

/** The last value of `column` (table.column) is older than `maxHours`. */
export const freshness = (column: string, maxHours: number): Check => {
  const [s, t, c] = column.split('.');
  return { kind: 'freshness', table: `${s}.${t}`, column: c!, maxHours };
};
