import { describe, expect, it } from '@jest/globals';
import { decodeRow, encodeRow, groupByRow, MINUTES_PER_ROW } from './stat-buckets.js';

const day = (f: (i: number) => number) => new Map(Array.from({ length: MINUTES_PER_ROW }, (_, i): [number, number] => [i, f(i)]).filter(([, v]) => v !== 0));

describe('statistics rows', () => {
  it('round-trips dense, sparse, negative-free and empty keys, and drops all-zero ones', () => {
    let v = 5_000;
    const row = new Map([
      ['listeners', day((i) => (v += ((i * 31) % 9) - 4))],
      ['song', day((i) => (i === 60 || i === 1439 ? 2 : i === 720 ? 1 : 0))],
      ['early', day((i) => (i < 3 ? 1 : 0))],
      ['nothing', day(() => 0)],
    ]);
    const back = decodeRow(encodeRow(row));
    expect([...back.keys()].sort()).toEqual(['early', 'listeners', 'song']);
    for (const key of ['listeners', 'song', 'early']) expect(back.get(key)).toEqual(row.get(key));
    expect(decodeRow(Buffer.alloc(0)).size).toBe(0);
  });

  it('keeps a busy day of a channel’s listeners in about a kilobyte, and a few plays in tens of bytes', () => {
    // What "a year takes a few MB" rests on; the bench measures a whole year (docs/BENCHMARKS.md).
    let v = 9_000;
    expect(encodeRow(new Map([['radio-optimism', day((i) => (v += ((i * 7919) % 11) - 5))]])).length).toBeLessThan(1500);
    expect(encodeRow(new Map([['a-song-id', day((i) => (i % 180 === 0 ? 1 : 0))]])).length).toBeLessThan(60);
  });

  it('groups counts by metric and day in one order, adding counts for the same minute', () => {
    const rows = groupByRow([
      { minute: 1440 + 5, metric: 'plays', key: 'a', value: 1 },
      { minute: 5, metric: 'plays', key: 'a', value: 1 },
      { minute: 1440 + 5, metric: 'plays', key: 'a', value: 2 },
      { minute: 7, metric: 'funnel', key: 'sent', value: 0 },
      { minute: 7, metric: 'funnel', key: 'sent', value: 1 },
    ]);
    expect(rows.map((r) => [r.metric, r.day])).toEqual([['funnel', 0], ['plays', 0], ['plays', 1]]);
    expect(rows[2]!.add.get('a')!.get(5)).toBe(3);
  });
});
