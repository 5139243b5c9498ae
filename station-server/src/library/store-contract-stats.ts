// The store contract for statistics: minute buckets that add up, across hours and across writers, on every engine.
import { describe, expect, it } from '@jest/globals';
import type { Store } from './store.js';

export function describeStatsContract(store: () => Store): void {
  describe('statistics', () => {
    const h = 29_000_000; // an hour number (2025): its first minute is h * 60
    const at = (minuteOfHour: number, hour = h) => hour * 60 + minuteOfHour;

    it('adds counts to minute buckets and reads a range back, by minute then key, without zeros', async () => {
      const s = store().stats;
      await s.add([
        { minute: at(0), metric: 'listeners', key: 'radio', value: 3 },
        { minute: at(0), metric: 'listeners', key: 'calm', value: 1 },
        { minute: at(59), metric: 'listeners', key: 'radio', value: 7 },
        { minute: at(1, h + 1), metric: 'listeners', key: 'radio', value: 2 },
        { minute: at(0), metric: 'plays', key: 'radio', value: 1 },
        { minute: at(5), metric: 'listeners', key: 'radio', value: 0 },
      ]);
      await s.add([{ minute: at(0), metric: 'listeners', key: 'radio', value: 4 }]);
      expect(await s.range('listeners', at(0), at(0, h + 2))).toEqual([
        { minute: at(0), metric: 'listeners', key: 'calm', value: 1 },
        { minute: at(0), metric: 'listeners', key: 'radio', value: 7 },
        { minute: at(59), metric: 'listeners', key: 'radio', value: 7 },
        { minute: at(1, h + 1), metric: 'listeners', key: 'radio', value: 2 },
      ]);
      // The range is [from, to): minutes outside it are left out even when their row is read.
      expect((await s.range('listeners', at(1), at(1, h + 1))).map((c) => c.minute)).toEqual([at(59)]);
      expect(await s.range('plays', at(0), at(60))).toEqual([{ minute: at(0), metric: 'plays', key: 'radio', value: 1 }]);
      expect(await s.range('nothing', at(0), at(60))).toEqual([]);
      await s.add([]);
    });

    it('sums what several writers add to the same bucket at once', async () => {
      const s = store().stats;
      await Promise.all(Array.from({ length: 8 }, (_, i) => s.add([
        { minute: at(10), metric: 'funnel', key: 'sent', value: 1 },
        { minute: at(10, h + 1), metric: 'funnel', key: 'sent', value: i },
      ])));
      expect(await s.range('funnel', at(0), at(0, h + 2))).toEqual([
        { minute: at(10), metric: 'funnel', key: 'sent', value: 8 },
        { minute: at(10, h + 1), metric: 'funnel', key: 'sent', value: 28 },
      ]);
    });

    it('keeps an hour of a busy series in a few hundred bytes', async () => {
      // What "a year takes a few MB" rests on: the bench measures a whole year (docs/BENCHMARKS.md).
      const { encodeHour } = await import('./stat-buckets.js');
      const minutes = Array.from({ length: 60 }, (_, i) => 9_000 + ((i * 37) % 200));
      expect(encodeHour(new Map([['radio-optimism', minutes]])).length).toBeLessThan(300);
    });
  });
}
