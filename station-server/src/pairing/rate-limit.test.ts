import { describe, expect, it } from '@jest/globals';
import { createRateLimiter, type SavedWindow, type WindowStore } from './rate-limit.js';

const memoryStore = () => {
  const rows = new Map<string, SavedWindow>();
  let saves = 0;
  const store: WindowStore = {
    load: () => [...rows.values()],
    save(changed, expiredBefore) {
      saves++;
      for (const w of changed) rows.set(w.key, w);
      for (const [k, w] of rows) if (w.start < expiredBefore) rows.delete(k);
    },
  };
  return { store, rows, saves: () => saves };
};

describe('createRateLimiter', () => {
  it('allows the limit per window, then refuses until the window has passed', () => {
    let t = 0;
    const limiter = createRateLimiter(3, 1000, () => t);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    t = 999;
    expect(limiter.take('a')).toBe(false);
    t = 1000;
    expect(limiter.take('a')).toBe(true);
  });

  it('keeps counting when the store refuses a write, and writes those windows with a later one', async () => {
    const { store, rows } = memoryStore();
    let refuse = true;
    const flaky = { load: store.load, save: (c: SavedWindow[], e: number) => (refuse ? (() => { throw new Error('disk full'); })() : store.save(c, e)) };
    const limiter = createRateLimiter(2, 60_000, { store: flaky, flushMs: 1 });
    limiter.take('a');
    await new Promise((r) => setTimeout(r, 20)); // the timed write fails, and nothing is thrown out of it
    expect(rows.size).toBe(0);
    limiter.take('a');
    expect(limiter.take('a')).toBe(false);
    refuse = false;
    limiter.destroy();
    expect(rows.get('a')).toMatchObject({ count: 2 });
  });

  it('keeps its windows across a restart, written together rather than on every attempt', () => {
    let t = 5000;
    const { store, rows, saves } = memoryStore();
    const first = createRateLimiter(2, 60_000, { now: () => t, store, flushMs: 60_000 });
    first.take('10.0.0.1');
    first.take('10.0.0.1');
    expect(first.take('10.0.0.1')).toBe(false);
    expect(saves()).toBe(0); // nothing written on the hot path
    first.destroy();
    expect(saves()).toBe(1);
    expect(rows.get('10.0.0.1')).toEqual({ key: '10.0.0.1', start: 5000, count: 2 });

    t = 30_000;
    const second = createRateLimiter(2, 60_000, { now: () => t, store });
    expect(second.take('10.0.0.1')).toBe(false); // still locked out after the restart
    t = 65_000;
    const third = createRateLimiter(2, 60_000, { now: () => t, store });
    expect(third.take('10.0.0.1')).toBe(true); // an expired window is not brought back
    third.destroy();
  });
});
