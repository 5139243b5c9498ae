// The roll-up and the report on a real SQLite store: minutes written once, kept when the store
// refuses them, peaks per step, the funnel's "listened", and CSV cells a spreadsheet will not run.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../library/sqlite-store.js';
import type { StatsStore } from '../library/store.js';
import { createStatsRecorder } from './stats-recorder.js';
import { statsReport } from './stats-report.js';
import { csvCell, statsCsv } from './stats-csv.js';
import { DEDICATIONS_AIRED, FUNNEL, LISTENERS, PLAYS, SONG_PLAYS, THEMES } from './metrics.js';

const T0 = Date.UTC(2026, 10, 30, 12, 0, 0); // a whole hour
const M0 = T0 / 60_000;

describe('statistics roll-up and report', () => {
  let dir: string;
  let store: SqliteStore;
  let t: number;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stats-report-'));
    store = openSqliteStore(dir, { log: () => undefined });
    t = T0;
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the peak of each minute, writes finished minutes once, and the current one only at shutdown', async () => {
    const recorder = createStatsRecorder({ store: store.stats, now: () => t });
    recorder.sampleListeners(new Map([['radio', 5]]));
    recorder.sampleListeners(new Map([['radio', 9], ['calm', 1]]));
    recorder.sampleListeners(new Map([['radio', 2]]));
    recorder.count(PLAYS, 'radio');
    t += 60_000;
    recorder.sampleListeners(new Map([['radio', 3]]));
    await recorder.flush();
    await recorder.flush();
    expect(await store.stats.range(LISTENERS, M0, M0 + 10)).toEqual([
      { minute: M0, metric: LISTENERS, key: 'calm', value: 1 },
      { minute: M0, metric: LISTENERS, key: 'radio', value: 9 },
    ]);
    expect(recorder.pending()).toEqual([{ minute: M0 + 1, metric: LISTENERS, key: 'radio', value: 3 }]);
    await recorder.flush(true);
    expect(recorder.pending()).toEqual([]);
    expect((await store.stats.range(LISTENERS, M0 + 1, M0 + 2)).map((c) => c.value)).toEqual([3]);
    expect(await store.stats.range(PLAYS, M0, M0 + 10)).toEqual([{ minute: M0, metric: PLAYS, key: 'radio', value: 1 }]);
  });

  it('keeps counts the store refused for the next flush, and says so once', async () => {
    const lines: string[] = [];
    let refuse = true;
    const flaky: StatsStore = { add: async (c) => (refuse ? Promise.reject(new Error('disk full')) : store.stats.add(c)), range: (...a) => store.stats.range(...a) };
    const recorder = createStatsRecorder({ store: flaky, now: () => t, log: (l) => lines.push(l) });
    recorder.count(FUNNEL, 'sent', 2);
    t += 60_000;
    await recorder.flush();
    await recorder.flush(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/could not write.*disk full/);
    refuse = false;
    recorder.count(FUNNEL, 'sent');
    await recorder.flush(true);
    expect(await store.stats.range(FUNNEL, M0, M0 + 5)).toEqual([
      { minute: M0, metric: FUNNEL, key: 'sent', value: 2 },
      { minute: M0 + 1, metric: FUNNEL, key: 'sent', value: 1 },
    ]);
    expect(lines[1]).toMatch(/written again/);
  });

  it('reports peaks per step, plays, top songs, what people wrote about, and which aired dedications were heard', async () => {
    await store.songs.add('song-aaa1', { title: 'For Mom', language: 'en', genre: 'pop', vibe: 'calm', theme: 'love', durationSec: 60, seed: 1, request: { message: 'm', to: 'Mom', genre: 'pop', vibe: 'calm', language: 'en' } }, 'song');
    // Another instance already wrote minute 0 and 1; this one has minute 1 pending too.
    await store.stats.add([
      { minute: M0, metric: LISTENERS, key: 'radio', value: 4 },
      { minute: M0 + 1, metric: LISTENERS, key: 'radio', value: 6 },
      { minute: M0 + 11, metric: LISTENERS, key: 'radio', value: 2 },
      { minute: M0, metric: PLAYS, key: 'radio', value: 1 },
      { minute: M0 + 5, metric: PLAYS, key: 'radio', value: 1 },
      { minute: M0, metric: SONG_PLAYS, key: 'song-aaa1', value: 2 },
      { minute: M0, metric: SONG_PLAYS, key: 'gone-song', value: 1 },
      { minute: M0, metric: FUNNEL, key: 'sent', value: 3 },
      { minute: M0, metric: FUNNEL, key: 'aired', value: 2 },
      { minute: M0 + 1, metric: DEDICATIONS_AIRED, key: 'radio', value: 1 },
      { minute: M0 + 2, metric: DEDICATIONS_AIRED, key: 'radio', value: 1 }, // nobody listening then
      { minute: M0, metric: THEMES, key: 'love', value: 3 },
      { minute: M0 + 3, metric: THEMES, key: 'thanks', value: 1 },
    ]);
    t = T0 + 59 * 60_000;
    const recorder = createStatsRecorder({ store: store.stats, now: () => t });
    recorder.count(LISTENERS, 'radio', 5, M0 + 1);
    recorder.count(THEMES, 'love');
    const report = await statsReport({ store, recorder, channels: () => [{ id: 'radio', name: 'Radio' }, { id: 'calm', name: 'Calm' }], listenersNow: () => new Map([['radio', 7]]), now: () => t }, 'day');
    expect(report.stepMinutes).toBe(10);
    expect(report.channels).toEqual([{ id: 'radio', name: 'Radio' }, { id: 'calm', name: 'Calm' }]);
    expect(report.times).toHaveLength(144);
    expect(report.to).toBe(new Date(T0 + 60 * 60_000).toISOString());
    const first = report.times.indexOf(M0 * 60);
    // Minute 1 is 6 + 5 across instances; the step's peak is that.
    expect(report.listeners.radio!.slice(first, first + 2)).toEqual([11, 2]);
    expect(report.listeners.calm!.every((v) => v === 0)).toBe(true);
    expect(report.plays.radio![first]).toBe(2);
    expect(report.funnel).toEqual({ sent: 3, made: 0, approved: 0, aired: 2, listened: 1 });
    expect(report.songs).toEqual([{ songId: 'song-aaa1', title: 'For Mom', plays: 2 }, { songId: 'gone-song', title: null, plays: 1 }]);
    expect(report.themes).toEqual({ love: 4, thanks: 1 });
    expect(report.now).toEqual({ radio: 7, calm: 0 });
    expect(statsCsv(report, 'funnel')).toBe('step,dedications\r\nsent,3\r\nmade,0\r\napproved,0\r\naired,2\r\nlistened,1\r\n');
    expect(statsCsv(report, 'themes')).toBe('theme,songs\r\nlove,4\r\nthanks,1\r\n');
    expect(statsCsv(report, 'songs')).toBe('song_id,title,plays\r\nsong-aaa1,For Mom,2\r\ngone-song,,1\r\n');
  });

  it('quotes CSV cells and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell(-3)).toBe('-3');
  });
});
