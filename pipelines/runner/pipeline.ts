import { contractChecks } from './checks.js';
import type { Check, Pipeline } from './types.js';

/**
 * A source whose files (CSV or XLSX) are dropped in its inbox: checked for what its contracts imply (key, required
 * columns, listed values) and for its own `checks` (relationships, freshness).
 */
export function filesPipeline(p: Omit<Pipeline, 'source' | 'checks'> & { checks?: readonly Check[] }): Pipeline {
  return { ...p, source: { kind: 'files' }, checks: [...contractChecks(p.tables), ...(p.checks ?? [])] };
}
