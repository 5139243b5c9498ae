// The store contract for statistics: minute buckets that add up, across hours and across writers, on every engine.
import { describe, expect, it } from '@jest/globals';
import type { Store } from './store.js';

export function describeStatsContract(store: () => Store): void {
  describe('statistics', () => {
    const h = 20_400; // a day number (2025); rows hold a day of a metric
    const at = (minuteOfDay: number, day = h) => day * 1440 + minuteOfDay;

    it('adds counts to minute buckets and reads a range back, by minute then key, without zeros', async () => {
      const s = store().stats;
      await s.add([
        { minute: at(0), metric: 'listeners', key: 'radio', value: 3 },
        { minute: at(0), metric: 'listeners', key: 'calm', value: 1 },
        { minute: at(1439), metric: 'listeners', key: 'radio', value: 7 },
        { minute: at(1, h + 1), metric: 'listeners', key: 'radio', value: 2 },
        { minute: at(0), metric: 'plays', key: 'radio', value: 1 },
        { minute: at(5), metric: 'listeners', key: 'radio', value: 0 },
      ]);
      await s.add([{ minute: at(0), metric: 'listeners', key: 'radio', value: 4 }]);
      expect(await s.range('listeners', at(0), at(0, h + 2))).toEqual([
        { minute: at(0), metric: 'listeners', key: 'calm', value: 1 },
        { minute: at(0), metric: 'listeners', key: 'radio', value: 7 },
        { minute: at(1439), metric: 'listeners', key: 'radio', value: 7 },
        { minute: at(1, h + 1), metric: 'listeners', key: 'radio', value: 2 },
      ]);
      // The range is [from, to): minutes outside it are left out even when their row is read.
      expect((await s.range('listeners', at(1), at(1, h + 1))).map((c) => c.minute)).toEqual([at(1439)]);
      expect(await s.range('listeners', at(1, h + 1), at(1, h + 1))).toEqual([]);
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

    it('reads back a busy day exactly, minute by minute', async () => {
      const s = store().stats;
      let v = 9_000;
      const busy = Array.from({ length: 1440 }, (_, i) => ({ minute: at(i), metric: 'listeners', key: 'radio', value: (v += ((i * 7919) % 11) - 5) }));
      await s.add(busy);
      expect(await s.range('listeners', at(0), at(1440))).toEqual(busy);
    });
  });
}
