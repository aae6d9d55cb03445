import type { Config } from '../config/index.js';
import { todayMx } from '../core/time.js';
import { inboxDir } from '../config/index.js';
import type { DemoContext, Pipeline } from '../../pipelines/runner/types.js';
import { removeStalePartials } from '../db/durable.js';

export interface DemoOptions {
  seed?: number;
  scale?: number;
  /** ISO date the generated history ends on (default: today in Mexico City). */
  today?: string;
}

// The one "today in Mexico City" (src/core/time.ts); re-exported for the demo generators that import it from here.
export { todayMx };

export function demoContext(config: Config, opts: DemoOptions = {}): DemoContext {
  return {
    dataDir: config.dataDir,
    inbox: (p) => inboxDir(config.dataDir, p),
    seed: opts.seed ?? 2026,
    scale: opts.scale ?? 1,
    today: opts.today ?? todayMx(),
    geoDir: config.geoDir,
    publicUrl: config.publicUrl,
  };
}

/** Writes every source's demo files into the inbox (deterministic for a seed, scale and date). */
export async function generateDemo(
  config: Config,
  pipelines: readonly Pipeline[],
  opts: DemoOptions = {},
  onSource?: (name: string) => void,
): Promise<void> {
  const ctx = demoContext(config, opts);
  for (const p of pipelines) {
    if (!p.demo) continue;
    onSource?.(p.name);
    removeStalePartials(ctx.inbox(p.name));
    await p.demo(ctx);
  }
}
