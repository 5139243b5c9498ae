import { ITEM_CLASS, ItemTimeline } from './itemTimeline';

const range = (n: number, startSec: number, duration: number, cls = ITEM_CLASS) => ({
  id: `item-${n}`,
  class: cls,
  startDate: new Date(startSec * 1000),
  duration,
  attr: { 'X-SONG-ID': `song${n}`, 'X-KIND': n % 2 ? 'jingle' : 'song', 'X-TITLE': `Title ${n}` },
});

describe('ItemTimeline', () => {
  it('follows the stream date, not the order it learned items in', () => {
    const t = new ItemTimeline();
    expect(t.add([range(2, 20, 10), range(1, 10, 10)]).map((i) => i.index)).toEqual([2, 1]);
    expect(t.add([range(2, 20, 10), range(3, 30, 10), range(9, 0, 5, 'other')]).map((i) => i.index)).toEqual([3]);
    expect(t.at(9_999)).toBeUndefined();
    expect(t.at(10_000)?.songId).toBe('song1');
    expect(t.at(19_999)?.kind).toBe('jingle');
    expect(t.at(20_000)?.title).toBe('Title 2');
    expect(t.after(t.at(20_000)!)?.index).toBe(3);
    expect(t.after(t.at(30_000)!)).toBeUndefined();
  });

  it('forgets items long past', () => {
    const t = new ItemTimeline();
    t.add([range(1, 0, 10), range(2, 700, 10)]);
    t.prune(700_000);
    expect(t.size).toBe(1);
  });
});

describe('crossfade transitions', () => {
  const item = (n: number, startSec: number, duration: number, song: string, kind = 'song', extra: Record<string, string> = {}) => ({
    id: `item-${n}`,
    class: ITEM_CLASS,
    startDate: new Date(startSec * 1000),
    duration,
    attr: { 'X-SONG-ID': song, 'X-KIND': kind, 'X-TITLE': song, ...extra },
  });

  it('switches songs in the middle of the fade and carries the song position across items', () => {
    const t = new ItemTimeline();
    t.add([item(1, 0, 10, 'A'), item(2, 10, 4, 'B', 'transition'), item(3, 14, 20, 'B')]);
    expect(t.heard(11_000)).toMatchObject({ songId: 'A', offset: 11 });
    const mid = t.heard(12_500)!;
    expect(mid.songId).toBe('B');
    expect(mid.offset).toBeCloseTo(0.5);
    const body = t.heard(15_000)!;
    expect(body.offset).toBeCloseTo(3);
    expect(body.key).toBe(mid.key);
  });

  it('uses the station’s exact offsets when it gives them', () => {
    const t = new ItemTimeline();
    t.add([
      item(1, 0, 10, 'A'),
      item(2, 10, 5, 'B', 'transition', { 'X-FADE-AT': '3', 'X-SONG-OFFSET': '-2' }),
      item(3, 15, 20, 'B', 'song', { 'X-SONG-OFFSET': '3' }),
    ]);
    expect(t.heard(12_900)!.songId).toBe('A');
    expect(t.heard(13_000)!).toMatchObject({ songId: 'B', offset: 1 });
    expect(t.heard(16_000)!.offset).toBeCloseTo(4);
    expect(t.heard(16_000)!.key).toBe(t.heard(13_000)!.key);
  });

  it('keeps one key for the song when the items’ rounded times disagree by a millisecond', () => {
    const t = new ItemTimeline();
    t.add([
      item(1, 0, 10, 'A'),
      item(2, 10, 5.001, 'B', 'transition', { 'X-FADE-AT': '3', 'X-SONG-OFFSET': '-2' }),
      item(3, 15.001, 20, 'B', 'song', { 'X-SONG-OFFSET': '2.999' }),
    ]);
    expect(t.heard(16_000)!.key).toBe(t.heard(13_000)!.key);
    expect(t.heard(16_000)!.offset).toBeCloseTo(3.998);
  });
});
