import cliProgress from 'cli-progress';
import type { Progress } from '../../pipelines/runner/types.js';

/** A progress bar on stderr for a run (phase, done / total); silent when stderr is not a terminal. */
export function progressBar(label: string): { update: (p: Progress) => void; stop: () => void } {
  if (!process.stderr.isTTY) {
    let last = '';
    return {
      update: (p) => {
        if (p.fase !== last) process.stderr.write(`${label}: ${p.fase}\n`);
        last = p.fase;
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} {fase}`, hideCursor: true, stream: process.stderr, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      const total = p.total ?? Math.max(p.hechos, 1);
      if (!started) bar.start(total, p.hechos, { fase: p.fase });
      started = true;
      bar.setTotal(total);
      bar.update(p.hechos, { fase: p.fase });
    },
    stop: () => started && bar.stop(),
  };
}
