// A real run: the server in its own process, ffmpeg records the main channel for 60 s across item
// boundaries. The recording decodes cleanly and its length matches the wall clock the segments'
// program date times describe.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { run } from './run.js';
import { freePort, startStation, toneStation, type RunningStation, type StationFixture } from './station-process.js';

let fixture: StationFixture;
let station: RunningStation;
beforeAll(async () => {
  fixture = await toneStation([
    { title: 'A', seconds: 14, frequency: 330 },
    { title: 'B', seconds: 12, frequency: 440 },
    { title: 'C', seconds: 16, frequency: 550 },
    { title: 'D', seconds: 13, frequency: 660 },
  ]);
  station = await startStation(fixture, await freePort());
});
afterAll(async () => {
  station?.child.kill('SIGKILL');
  await rm(fixture.dir, { recursive: true, force: true });
});

describe('recording the live channel', () => {
  it('records 60 s across item boundaries that decode cleanly and keep wall-clock time', async () => {
    const recording = join(fixture.dir, 'recording.wav');
    // Watch the playlist while ffmpeg records, to know each segment's program date time.
    const pdt = new Map<string, { at: number; duration: number; item: number }>();
    const kinds = new Set<string>();
    let watching = true;
    const poll = async () => {
        const text = await (await fetch(`${station.base}/live/radio-optimism/128k.m3u8`)).text();
        let at = 0;
        let duration = 0;
        let item = 0;
        for (const line of text.split('\n')) {
          const kind = /X-KIND="(\w+)"/.exec(line)?.[1];
          if (kind) kinds.add(kind);
          if (line.startsWith('#EXT-X-DISCONTINUITY-SEQUENCE:')) item = Number(line.slice(30));
          else if (line === '#EXT-X-DISCONTINUITY') item++;
          else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) at = Date.parse(line.slice(25));
          else if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8));
          else if (line && !line.startsWith('#')) pdt.set(line, { at, duration, item });
        }
    };
    const watcher = (async () => {
      while (watching) {
        await poll();
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    const started = Date.now();
    const result = await run(ffmpegInstaller.path, ['-hide_banner', '-v', 'verbose', '-live_start_index', '-1', '-i', `${station.base}/live/radio-optimism/128k.m3u8`, '-map', '0:a:0', '-t', '60', '-ar', '44100', '-ac', '2', '-y', recording], { timeoutMs: 120_000 });
    const wallSec = (Date.now() - started) / 1000;
    watching = false;
    await watcher;
    await poll(); // the last segment ffmpeg read may have appeared after the watcher's last look
    expect({ code: result.code, log: result.code === 0 ? '' : result.stderr.slice(-1500) }).toEqual({ code: 0, log: '' });
    // It was live: reading 60 s took about 60 s of wall time.
    expect(wallSec).toBeGreaterThan(55);

    const requested = [...result.stderr.matchAll(/HLS request for url '([^']+\.ts)'/g)].map((m) => new URL(m[1]!).pathname);
    const known = requested.map((u) => pdt.get(u)).filter((x) => !!x);
    expect(known.length).toBe(requested.length);
    expect(new Set(known.map((k) => k.item)).size).toBeGreaterThanOrEqual(3); // at least two boundaries crossed
    // Segments follow each other on the wall clock with no gap and no overlap.
    for (let i = 1; i < known.length; i++) expect(Math.abs(known[i]!.at - (known[i - 1]!.at + known[i - 1]!.duration * 1000))).toBeLessThan(5);

    // The main playlist asks for 2 s crossfades: they were rendered and went on air as items.
    expect([...kinds]).toContain('transition');

    const decoded = await run(ffmpegInstaller.path, ['-hide_banner', '-v', 'error', '-i', recording, '-f', 'null', '-']);
    expect(decoded.stderr.trim()).toBe('');
    const probe = await run(ffmpegInstaller.path, ['-hide_banner', '-i', recording]);
    const m = /Duration: (\d+):(\d+):([\d.]+)/.exec(probe.stderr)!;
    const recordedSec = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    expect(Math.abs(recordedSec - 60) / 60).toBeLessThan(0.01);
    // The audio written covers exactly the wall-clock span its segments were scheduled for.
    const first = known[0]!;
    const spanSec = (known[known.length - 1]!.at - first.at) / 1000 + known[known.length - 1]!.duration;
    expect(spanSec).toBeGreaterThanOrEqual(recordedSec - 0.1);
    expect(spanSec - recordedSec).toBeLessThan(known[known.length - 1]!.duration + 0.1);
  }, 150_000);
});
