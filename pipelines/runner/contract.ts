import type { Column, ColumnType } from './types.js';

/** How a column is written in a contract: its type alone, or its type with what else it says (see the helpers). */
type Spec = ColumnType | Omit<Column, 'name'>;

/** A column every row must fill, optionally with its accepted values. */
export const req = (type: ColumnType, values?: readonly string[]): Omit<Column, 'name'> => ({ type, required: true, ...(values ? { values } : {}) });

/** A text column that takes only `values` (compared without case, accents or surrounding spaces). */
export const oneOf = (values: readonly string[]): Omit<Column, 'name'> => ({ type: 'text', values });

/** A numeric column within [lo, hi], required or not. */
export const within = (type: 'int' | 'bigint' | 'number', lo: number, hi: number, required = false): Omit<Column, 'name'> =>
  ({ type, range: [lo, hi], ...(required ? { required } : {}) });

/** The columns of a contract, in the order written: `{ folio: req('text'), organo: 'text', … }`. */
export function columns(specs: Record<string, Spec>): Column[] {
  return Object.entries(specs).map(([name, s]) => (typeof s === 'string' ? { name, type: s } : { name, ...s }));
}
