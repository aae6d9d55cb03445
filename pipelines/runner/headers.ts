import type { TableContract } from './types.js';

/** Header and value normalization: case, accents, surrounding and repeated spaces do not matter. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '_');
}

export interface HeaderMatch {
  /** contract column → index of the file column (absent when the file lacks it) */
  positions: Map<string, number>;
  missingRequired: string[];
  extras: string[];
  score: number;
}

export function matchHeader(cells: readonly (string | null | undefined)[], contract: TableContract): HeaderMatch {
  const byName = new Map<string, number>();
  cells.forEach((c, i) => {
    const n = normalizeName(String(c ?? ''));
    if (n && !byName.has(n)) byName.set(n, i);
  });
  const positions = new Map<string, number>();
  for (const col of contract.columns) {
    const i = byName.get(normalizeName(col.name));
    if (i !== undefined) positions.set(col.name, i);
  }
  const known = new Set(contract.columns.map((c) => normalizeName(c.name)));
  const extras = cells.map((c) => String(c ?? '').trim()).filter((c) => c && !known.has(normalizeName(c)));
  const missingRequired = contract.columns.filter((c) => c.required && !positions.has(c.name)).map((c) => c.name);
  return { positions, missingRequired, extras, score: positions.size };
}

/**
 * Picks the header row among the first rows of a file or sheet (title rows may sit above it): the first row
 * that names every required column, else the row naming the most contract columns.
 */
export function findHeaderRow(
  rows: readonly (readonly (string | null | undefined)[])[],
  contract: TableContract,
): { index: number; match: HeaderMatch } | null {
  let best: { index: number; match: HeaderMatch } | null = null;
  rows.forEach((cells, index) => {
    const match = matchHeader(cells, contract);
    if (match.score === 0) return;
    if (!best || (match.missingRequired.length === 0 && best.match.missingRequired.length > 0) ||
        (match.score > best.match.score && (match.missingRequired.length === 0) === (best.match.missingRequired.length === 0))) {
      best = { index, match };
    }
  });
  const found = best as { index: number; match: HeaderMatch } | null;
  if (!found || found.match.score < Math.min(2, contract.columns.length)) return null;
  return found;
}

/** The table a file belongs to, by the start of its name (`odes_sesiones_corte_2025-05.csv`); longest wins. */
export function tableForName(name: string, contracts: readonly TableContract[]): TableContract | null {
  const n = normalizeName(name.replace(/\.[^.]+$/, ''));
  const hits = contracts.filter((t) => n === t.table || n.startsWith(t.table + '_') || n.startsWith(t.table + '-') || n.startsWith(t.table));
  hits.sort((a, b) => b.table.length - a.table.length);
  return hits[0] ?? null;
}
