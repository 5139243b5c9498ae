// Fixed-window counters per key (an IP, a phone): enough to stop guessing and flooding, cheap to keep.
export interface RateLimiter {
  /** Counts one attempt; false when the key has used up its window. */
  take(key: string): boolean;
  /** Attempts left in the current window. */
  remaining(key: string): number;
}

export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string) => {
    const at = now();
    let w = windows.get(key);
    if (!w || at - w.start >= windowMs) {
      w = { start: at, count: 0 };
      windows.set(key, w);
      // Forget idle keys now and then so the map does not grow without bound.
      if (windows.size > 10_000) for (const [k, v] of windows) if (at - v.start >= windowMs) windows.delete(k);
    }
    return w;
  };
  return {
    take(key) {
      const w = current(key);
      if (w.count >= limit) return false;
      w.count++;
      return true;
    },
    remaining: (key) => Math.max(0, limit - current(key).count),
  };
}
