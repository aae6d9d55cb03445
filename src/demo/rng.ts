/** Seeded pseudo-random numbers (mulberry32) so the demo is the same on every machine. */
export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  weighted<T>(xs: ReadonlyArray<readonly [T, number]>): T;
  chance(p: number): boolean;
  /** Exponential-ish positive duration around a mean. */
  expo(mean: number): number;
  normal(mean: number, sd: number): number;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    weighted: (xs) => {
      const total = xs.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [v, w] of xs) {
        if ((x -= w) < 0) return v;
      }
      return xs[xs.length - 1]![0];
    },
    chance: (p) => next() < p,
    expo: (mean) => -Math.log(1 - next()) * mean,
    normal: (mean, sd) => {
      const u = Math.max(next(), 1e-12);
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
  return r;
}

/** A stable seed per source, so adding a source does not change the others' data. */
export function seedFor(seed: number, name: string): number {
  let h = seed >>> 0;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}
