import { describe, expect, it } from 'vitest';
import { memoryReleases, settleMemory, watchMemory } from '../../src/core/memory.js';

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Objects worth `mb` of heap that live long enough to reach V8's old space, then become garbage. */
async function garbage(mb: number): Promise<void> {
  let held: number[][] | null = [];
  for (let i = 0; i < mb * 64; i++) held.push(new Array(2048).fill(i));
  await tick(50);
  held = null;
}

describe('memory watch', () => {
  it('collects once the process is over its target and the heap has grown; not while the heap stays put', async () => {
    // A target of 1 MB: this process is always over it, so only the heap's growth decides.
    const stop = watchMemory(1, 20);
    try {
      await tick(100);
      const quiet = memoryReleases();
      await tick(200);
      expect(memoryReleases()).toBe(quiet);
      await garbage(64);
      for (let i = 0; i < 50 && memoryReleases() === quiet; i++) await tick(20);
      expect(memoryReleases()).toBeGreaterThan(quiet);
    } finally {
      stop();
    }
  });

  it('collects when memory outside the heap grows (results held by small wrappers), though the heap barely does', async () => {
    const stop = watchMemory(1, 20);
    let held: Buffer | null = null;
    try {
      await tick(100);
      const quiet = memoryReleases();
      await tick(200);
      expect(memoryReleases()).toBe(quiet);
      // 64 MB outside V8's heap, written so that it is resident.
      held = Buffer.alloc(64 * 1024 * 1024, 1);
      for (let i = 0; i < 50 && memoryReleases() === quiet; i++) await tick(20);
      expect(memoryReleases()).toBeGreaterThan(quiet);
      expect(held.length).toBe(64 * 1024 * 1024);
    } finally {
      held = null;
      stop();
    }
  });

  it('never collects under its target', async () => {
    const stop = watchMemory(1024 * 1024, 20);
    try {
      const before = memoryReleases();
      await garbage(64);
      await tick(200);
      expect(memoryReleases()).toBe(before);
    } finally {
      stop();
    }
  });
});

describe('settling after a big piece of work', () => {
  it('collects twice (finalizers, then what they freed), then returns: its wait is bounded', async () => {
    const before = memoryReleases();
    await settleMemory(600, 50, 200);
    expect(memoryReleases()).toBe(before + 2);
  });
});
