// The statistics of the minutes not yet written: events add to the current minute's counters in
// memory (O(1)), listener counts keep the minute's peak, and flush() adds whole minutes to the
// store's buckets, which other instances add to as well. A store that refuses the write keeps the
// counts here for the next flush (up to a day of them; older ones are dropped and said once).
import type { StatCount, StatsStore } from '../library/store.js';
import { GAUGES, LISTENERS } from './metrics.js';

export interface StatsRecorder {
  /** Adds `by` to a metric's key in the current minute (or the given one). */
  count(metric: string, key: string, by?: number, minute?: number): void;
  /** Notes the listeners per channel now: each minute keeps its peak. */
  sampleListeners(counts: ReadonlyMap<string, number>): void;
  /** What is counted and not yet written. */
  pending(): StatCount[];
  /** Writes the minutes before the current one (`all`: every minute, for a shutdown). */
  flush(all?: boolean): Promise<void>;
}

/** Minutes kept in memory while the store refuses writes. */
const MAX_PENDING_MINUTES = 1440;

export const minuteOf = (ms: number): number => Math.floor(ms / 60_000);

export function createStatsRecorder(opts: { store: StatsStore; now?: () => number; log?: (line: string) => void }): StatsRecorder {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((line: string) => console.error(line));
  // minute → "metric\0key" → value
  const minutes = new Map<number, Map<string, number>>();
  let flushing: Promise<void> = Promise.resolve();
  let failing = false;

  const bucket = (minute: number): Map<string, number> => {
    let b = minutes.get(minute);
    if (!b) {
      minutes.set(minute, (b = new Map()));
      if (minutes.size > MAX_PENDING_MINUTES) {
        const oldest = Math.min(...minutes.keys());
        minutes.delete(oldest);
        log(`statistics: the store has taken no writes for a day; dropping the counts of ${new Date(oldest * 60_000).toISOString()}`);
      }
    }
    return b;
  };
  const toCounts = (entries: Iterable<[number, Map<string, number>]>): StatCount[] => {
    const out: StatCount[] = [];
    for (const [minute, b] of entries) {
      for (const [id, value] of b) {
        const cut = id.indexOf('\u0000');
        out.push({ minute, metric: id.slice(0, cut), key: id.slice(cut + 1), value });
      }
    }
    return out;
  };
  const merge = (counts: readonly StatCount[]) => {
    for (const c of counts) {
      const b = bucket(c.minute);
      const id = `${c.metric}\u0000${c.key}`;
      b.set(id, GAUGES.has(c.metric) ? Math.max(b.get(id) ?? 0, c.value) : (b.get(id) ?? 0) + c.value);
    }
  };

  return {
    count(metric, key, by = 1, minute = minuteOf(now())) {
      const b = bucket(minute);
      const id = `${metric}\u0000${key}`;
      b.set(id, (b.get(id) ?? 0) + by);
    },
    sampleListeners(counts) {
      const b = bucket(minuteOf(now()));
      for (const [channel, n] of counts) {
        const id = `${LISTENERS}\u0000${channel}`;
        if (n > (b.get(id) ?? 0)) b.set(id, n);
      }
    },
    pending: () => toCounts(minutes),
    flush(all = false) {
      flushing = flushing.then(async () => {
        const current = minuteOf(now());
        const due = [...minutes].filter(([minute]) => all || minute < current);
        if (!due.length) return;
        for (const [minute] of due) minutes.delete(minute);
        const counts = toCounts(due);
        try {
          await opts.store.add(counts);
          if (failing) log('statistics: written again');
          failing = false;
        } catch (error) {
          // Kept for the next flush (a gauge merges as a peak, so nothing is counted twice here).
          merge(counts);
          if (!failing) log(`statistics: could not write the last minutes, keeping them for the next try: ${error instanceof Error ? error.message : String(error)}`);
          failing = true;
        }
      });
      return flushing;
    },
  };
}
