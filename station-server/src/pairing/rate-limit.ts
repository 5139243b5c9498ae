// Fixed-window counters per key (an address, a phone): enough to stop guessing and flooding, cheap to keep.
export interface RateLimiter {
  /** Counts one attempt; false when the key has used up its window. */
  take(key: string): boolean;
  /** Attempts left in the current window. */
  remaining(key: string): number;
  /** Writes what changed to the store now (it is otherwise written a moment later, off the hot path). */
  flush(): void;
  /** Resolves once the windows kept by the last run are loaded (they count from then on). */
  readonly ready: Promise<void>;
  destroy(): void;
}

/** One key's window as it is kept between restarts. */
export interface SavedWindow {
  key: string;
  start: number;
  count: number;
}

/** Where a limiter that keeps an attack out remembers its windows across a restart (the store implements it). */
export interface WindowStore {
  load(): Promise<SavedWindow[]> | SavedWindow[];
  /** Saves these windows and forgets the ones that started before `expiredBefore`. */
  save(changed: SavedWindow[], expiredBefore: number): Promise<void> | void;
}

export interface RateLimiterOptions {
  now?: () => number;
  store?: WindowStore;
  /** How long changes wait before they are written together (default 1 s). */
  flushMs?: number;
}

export function createRateLimiter(limit: number, windowMs: number, options: RateLimiterOptions | (() => number) = {}): RateLimiter {
  const { now = Date.now, store, flushMs = 1000 } = typeof options === 'function' ? { now: options } : options;
  const windows = new Map<string, { start: number; count: number }>();
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  // Windows kept by the last run; loaded in the background, added to what counted meanwhile.
  const merge = (saved: SavedWindow[]): void => {
    for (const w of saved) {
      if (now() - w.start >= windowMs) continue;
      const mine = windows.get(w.key);
      if (mine) windows.set(w.key, { start: Math.min(mine.start, w.start), count: mine.count + w.count });
      else windows.set(w.key, { start: w.start, count: w.count });
    }
  };
  let ready: Promise<void> = Promise.resolve();
  if (store) {
    const saved = store.load();
    if (Array.isArray(saved)) merge(saved);
    else ready = saved.then(merge, () => undefined);
  }
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!store || dirty.size === 0) return;
    const changed: SavedWindow[] = [];
    for (const key of dirty) {
      const w = windows.get(key);
      if (w) changed.push({ key, ...w });
    }
    dirty.clear();
    // Not written: the windows still count in memory; try again with the next change.
    const keep = () => {
      for (const w of changed) dirty.add(w.key);
    };
    try {
      const saving = store.save(changed, now() - windowMs);
      if (saving) saving.catch(keep);
    } catch (error) {
      keep();
      throw error;
    }
  };
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
      if (store) {
        dirty.add(key);
        if (!timer) {
          timer = setTimeout(() => {
            try {
              flush();
            } catch {
              // kept dirty; written with the next change or on destroy
            }
          }, flushMs);
          timer.unref();
        }
      }
      return true;
    },
    remaining: (key) => Math.max(0, limit - current(key).count),
    flush,
    ready,
    destroy() {
      try {
        flush();
      } catch {
        // the disk refused: the windows were only as good as memory; nothing else to do on the way out
      }
    },
  };
}
