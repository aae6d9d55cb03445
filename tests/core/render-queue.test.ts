import { describe, expect, it } from 'vitest';
import { BusyError, RenderQueue } from '../../src/core/render-queue.js';

/** A job that ends when the test says so, recording how many run at once. */
function gate() {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
}

describe('render queue', () => {
  it('runs one job at a time, in arrival order', async () => {
    const q = new RenderQueue({ perUser: 5, maxWaitMs: 60_000, initialEstimateMs: 10 });
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const gates = [gate(), gate(), gate()];
    const jobs = gates.map((g, i) => q.run(`u${i}`, async () => {
      running++;
      peak = Math.max(peak, running);
      order.push(i);
      await g.p;
      running--;
      return i;
    }));
    expect(q.size).toBe(3);
    gates[0]!.open();
    gates[1]!.open();
    gates[2]!.open();
    expect(await Promise.all(jobs)).toEqual([0, 1, 2]);
    expect(order).toEqual([0, 1, 2]);
    expect(peak).toBe(1);
    expect(q.size).toBe(0);
  });

  it('refuses a user over their share with 429 and Retry-After; others still queue', async () => {
    const q = new RenderQueue({ perUser: 2, maxWaitMs: 60_000, initialEstimateMs: 4_000 });
    const g = gate();
    const a = [q.run('ana', () => g.p), q.run('ana', () => g.p)];
    const third = q.run('ana', async () => 'no');
    await expect(third).rejects.toBeInstanceOf(BusyError);
    const e = (await third.catch((x: unknown) => x)) as BusyError;
    expect(e.status).toBe(429);
    // Two jobs ahead of 4 s each, plus its own: about 12 s.
    expect(e.headers['Retry-After']).toBe('12');
    expect(e.message).toMatch(/Ya tiene 2 reportes en preparación/);
    const luis = q.run('luis', async () => 'sí');
    g.open();
    await Promise.all(a);
    expect(await luis).toBe('sí');
  });

  it('refuses a job that would wait longer than the limit', async () => {
    const q = new RenderQueue({ perUser: 10, maxWaitMs: 5_000, initialEstimateMs: 2_000 });
    const g = gate();
    const ahead = [1, 2, 3].map((i) => q.run(`u${i}`, () => g.p));
    // 3 ahead × 2 s = 6 s > 5 s.
    const late = await q.run('u9', async () => 'no').catch((x: unknown) => x);
    expect(late).toBeInstanceOf(BusyError);
    expect((late as BusyError).headers['Retry-After']).toBe('8');
    g.open();
    await Promise.all(ahead);
    expect(await q.run('u9', async () => 'ya')).toBe('ya');
  });
});
