// The store contract for channels' air queues: an approved dedication waits until it is marked
// aired, and is marked once only, however many instances try at the same moment.
import { describe, expect, it } from '@jest/globals';
import type { Store } from './store.js';

export function describeAiringContract(store: () => Store): void {
  describe('air queues', () => {
    it('keeps what waits per channel, oldest first, until it is marked aired', async () => {
      const d = store().dedications;
      await d.queueToAir('radio', 's2', 2000);
      await d.queueToAir('radio', 's1', 1000);
      await d.queueToAir('lofi', 's3', 1500);
      await d.queueToAir('radio', 's1', 3000); // again: no change, not a second entry
      expect(await d.waitingToAir('radio', 10)).toEqual(['s1', 's2']);
      expect(await d.waitingToAir('radio', 1)).toEqual(['s1']);
      expect(await d.waitingToAir('lofi', 10)).toEqual(['s3']);
      expect(await d.waitingToAir('nowhere', 10)).toEqual([]);
      expect(await d.markAired('radio', 's1', 4000)).toBe(true);
      expect(await d.waitingToAir('radio', 10)).toEqual(['s2']);
      expect(await d.waitingToAir('lofi', 10)).toEqual(['s3']);
    });

    it('marks a song aired once: a second mark, or queuing it again afterwards, changes nothing', async () => {
      const d = store().dedications;
      await d.queueToAir('radio', 's1', 1000);
      expect(await d.markAired('radio', 's1', 2000)).toBe(true);
      expect(await d.markAired('radio', 's1', 3000)).toBe(false);
      await d.queueToAir('radio', 's1', 4000);
      expect(await d.waitingToAir('radio', 10)).toEqual([]);
    });

    it('marks a song that was never queued (a dedication queued only in memory), once', async () => {
      const d = store().dedications;
      expect(await d.markAired('radio', 'loose', 1000)).toBe(true);
      expect(await d.markAired('radio', 'loose', 2000)).toBe(false);
      expect(await d.waitingToAir('radio', 10)).toEqual([]);
    });

    it('lets one of many simultaneous marks win', async () => {
      const d = store().dedications;
      await d.queueToAir('radio', 'contested', 1000);
      const won = await Promise.all(Array.from({ length: 8 }, (_, i) => d.markAired('radio', 'contested', 2000 + i)));
      expect(won.filter(Boolean)).toHaveLength(1);
    });
  });
}
