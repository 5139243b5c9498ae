// Fault: media files disappear or break under a running station. The current and next songs' folders
// are moved away, then segments of the song on air are cut short: the station never answers an error
// to a listener, skips what cannot play, goes on with the next playable item, and says so in its log.
// (A wall-clock jump has its own fault test, clock.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readdir, rename, rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, startStation, type RunningStation } from '../station-process.js';
import { listen, stopListeners, toneStationWithIds, until, type FaultStation } from './on-air-probe.js';

interface NowItem {
  songId: string;
  kind: string;
  start: string;
}
let fixture: FaultStation;
let station: RunningStation | undefined;
beforeAll(async () => {
  fixture = await toneStationWithIds([
    { title: 'A', seconds: 24, frequency: 330 },
    { title: 'B', seconds: 22, frequency: 440 },
    { title: 'C', seconds: 26, frequency: 550 },
    { title: 'D', seconds: 24, frequency: 660 },
    { title: 'E', seconds: 22, frequency: 770 },
  ]);
}, 180_000);
afterAll(async () => {
  await stopListeners();
  station?.child.kill('SIGKILL');
  await rm(fixture.dir, { recursive: true, force: true });
});

const now = async (): Promise<{ current: NowItem | null; next: NowItem | null }> => (await fetch(`${station!.base}/api/v1/channels/radio-optimism/now`)).json() as Promise<{ current: NowItem | null; next: NowItem | null }>;
const songDir = (id: string) => join(fixture.dataDir, 'media', 'songs', id);

describe('media that goes missing under a running station', () => {
  it('skips the current and next songs when their folders are moved away, with no error to a listener', async () => {
    station = await startStation(fixture, await freePort());
    const listener = listen(station.base);
    await listener.moreSegments(3);
    let playing: Awaited<ReturnType<typeof now>> = { current: null, next: null };
    await until('a song on air with one after it', async () => {
      playing = await now();
      return playing.current?.kind === 'song' && !!playing.next && playing.next.songId !== playing.current.songId;
    });
    const gone = [playing.current!.songId, playing.next!.songId];
    for (const id of gone) await rename(songDir(id), join(fixture.dir, `moved-${id}`));

    await until('the log line for each missing song', () => gone.every((id) => station!.output().includes(`media-missing: songs/${id}`)));
    await until('another song on air', async () => {
      const { current } = await now();
      return !!current && !gone.includes(current.songId);
    });
    await listener.moreSegments(5);
    const report = await listener.stop();
    expect(report.failures).toEqual([]);
    expect(station.output()).toMatch(/fallback: songs\/\w+ cannot be played \(its files are gone\); going on with the next item/);
    expect(station.child.exitCode).toBeNull();
  }, 240_000);

  it('answers segments cut short with a stand-in and moves on from that song', async () => {
    const listener = listen(station!.base);
    await listener.moreSegments(2);
    let current: NowItem | null = null;
    await until('a song on air', async () => {
      current = (await now()).current;
      return current?.kind === 'song' && Date.parse(current.start) + 4000 > Date.now() - 2000;
    });
    const song = current!.songId;
    // The next few segments to be listed, in both renditions, cut to a few bytes.
    const playedMs = Date.now() - Date.parse(current!.start);
    const from = Math.max(0, Math.floor(playedMs / 2000));
    for (const rendition of ['128k', '48k']) {
      const dir = join(songDir(song), 'hls', rendition);
      const files = (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort();
      for (const f of files.slice(from, from + 4)) if (existsSync(join(dir, f))) await truncate(join(dir, f), 40);
    }
    await until('the log line for the broken segment', () => new RegExp(`media-missing: songs/${song}: .*the file is empty or cut short`).test(station!.output()));
    await until('another song on air', async () => ((await now()).current?.songId ?? song) !== song);
    await listener.moreSegments(4);
    const report = await listener.stop();
    expect(report.failures).toEqual([]);
    expect(station!.output()).not.toMatch(/unhandled rejection|uncaught exception|error playout-failed/);
  }, 240_000);
});
