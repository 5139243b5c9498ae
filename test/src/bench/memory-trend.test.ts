// The memory verdict of bench:tv must say "bounded" only when the numbers show it.
import { describe, expect, it } from '@jest/globals';
import { judge, judgePart, type MemorySample } from './memory-trend.js';

const MB = 2 ** 20;
const run = (minutes: number, heap: (m: number) => number, listeners: (m: number) => number = () => 400): MemorySample[] =>
  Array.from({ length: minutes + 1 }, (_, minute) => ({ minute, heapBytes: heap(minute), nodes: 900, listeners: listeners(minute), documents: 1 }));

describe('judge', () => {
  it('calls a heap that wobbles around one level bounded, and ignores the first minute', () => {
    const v = judge(run(30, (m) => (m === 0 ? 5 * MB : 12 * MB + (m % 3) * 40 * 1024)));
    expect(v.bounded).toBe(true);
    expect(v.text).toMatch(/^bounded/);
  });

  it('calls a slow steady climb growth even when the thirds differ by little', () => {
    // 20 KB a minute on 12 MB: about 3% from the first third to the last, 28 MB a day.
    const v = judge(run(30, (m) => 12 * MB + m * 20 * 1024));
    expect(v.heap.growthPct).toBeLessThan(5);
    expect(v.bounded).toBe(false);
  });

  it('calls growing event listeners growth with a flat heap', () => {
    const v = judge(run(30, () => 12 * MB, (m) => 400 + m * 10));
    expect(v.bounded).toBe(false);
    expect(v.grown.map((g) => g.metric)).toEqual(['listeners']);
  });

  it('will not judge a run that is too short', () => {
    expect(judge(run(3, () => 12 * MB)).bounded).toBeUndefined();
  });
});

describe('judgePart', () => {
  const every5 = (bytes: (m: number) => number) => [1, 5, 10, 15, 20, 25, 30].map((minute) => ({ minute, bytes: bytes(minute) }));
  it('calls objects that stay put bounded', () => {
    expect(judgePart('objects', every5((m) => 1.8 * MB + (m % 2) * 8 * 1024)).bounded).toBe(true);
  });
  it('calls objects that pile up growth', () => {
    const v = judgePart('objects', every5((m) => 1.8 * MB + m * 10 * 1024));
    expect(v.bounded).toBe(false);
    expect(v.text).toMatch(/^grows: objects/);
  });
  it('will not judge three snapshots', () => {
    expect(judgePart('objects', [1, 5, 10].map((minute) => ({ minute, bytes: MB }))).bounded).toBeUndefined();
  });
});
