import type { DuckDBConnection } from '@duckdb/node-api';
import type { TransformStep } from './types.js';

/** Runs a pipeline's transform, step by step, inside the run's transaction. */
export async function runTransform(tx: DuckDBConnection, steps: readonly TransformStep[] | undefined): Promise<void> {
  for (const step of steps ?? []) {
    if (typeof step === 'string') await tx.run(step);
    else await step(tx);
  }
}
