// A song made a part at a time must sound like one made in one go: at every seam (where the first
// part's render ends and the rest's begins, where the first part sent meets the rest, where the
// encoder was fed its second part) no click and no level jump. Real SoundFont, real voice, real ffmpeg.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SongRequest } from '@radio-optimism/shared';
import { understand } from '../understand/understand.js';
import { writeLyrics } from '../lyrics/lyrics.js';
import { compose } from '../compose/compose.js';
import { composeSong } from '../pipeline.js';
import { closeDefaultRenderPool, renderAccompaniment } from '../render/render.js';
import { disposeSinger, singLines } from '../sing/sing.js';
import { chooseVoice } from '../sing/voice.js';
import { measureLufs } from '../master/loudness.js';
import { decodeWav } from '../master/wav.js';
import { SAMPLE_RATE } from '../types.js';
import { addAt, chooseSplit, firstPartTracks, restTracks } from './split.js';
import { packageSong, parseMediaPlaylist, readPackage, RENDITIONS } from '../../station/hls-package.js';
import { EVENT_TYPE_LINE, VOD_TYPE_LINE } from '../../station/hls-stream.js';

const FS = SAMPLE_RATE;
const request: SongRequest = { message: 'Thank you for everything you do', to: 'Mom', genre: 'pop', vibe: 'heartfelt', language: 'en' };
let work = '';
afterAll(async () => {
  await closeDefaultRenderPool();
  await disposeSinger();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Momentary loudness (400 ms) of a stereo signal just before and just after `at`. */
const either = (x: readonly Float32Array[], at: number): [number, number] => {
  const span = Math.round(0.4 * FS);
  const of = (from: number) => measureLufs({ sampleRate: FS, channels: x.map((c) => c.subarray(from, from + span)) });
  return [of(at - span), of(at)];
};
/** The largest step between neighbouring samples in [from, to). */
const largestStep = (x: readonly Float32Array[], from: number, to: number): number => {
  let worst = 0;
  for (const c of x) for (let i = Math.max(1, from); i < Math.min(c.length, to); i++) worst = Math.max(worst, Math.abs(c[i]! - c[i - 1]!));
  return worst;
};

describe('a song made a part at a time', () => {
  it('renders and sings in two parts that add up to the one-shot band and voice at every seam', async () => {
    const meaning = understand(request);
    const lyrics = writeLyrics(meaning, { genre: request.genre, vibe: request.vibe, seed: 5 });
    const score = compose(lyrics, { genre: request.genre, vibe: request.vibe, seed: 5 });
    const split = chooseSplit(score);
    const first = firstPartTracks(score.tracks, split);

    const whole = await renderAccompaniment(score);
    const one = await renderAccompaniment({ ...score, tracks: first.tracks, durationSec: first.frames / FS });
    const two = await renderAccompaniment({ ...score, tracks: restTracks(score.tracks, split), durationSec: (split.frames - split.seam) / FS });
    const parts = [new Float32Array(split.frames), new Float32Array(split.frames)];
    addAt(parts, one.channels, 0);
    addAt(parts, two.channels, split.seam);
    // The seams of the band: where the rest starts, and where the first part's render (notes, release, reverb) stops.
    for (const at of [split.seam, first.frames]) {
      if (at >= split.frames - FS) continue;
      const [beforeWhole, afterWhole] = either(whole.channels, at);
      const [beforeParts, afterParts] = either(parts, at);
      expect(Math.abs(beforeParts - beforeWhole)).toBeLessThan(0.1);
      expect(Math.abs(afterParts - afterWhole)).toBeLessThan(0.1);
      const window = Math.round(0.01 * FS);
      expect(largestStep(parts, at - window, at + window)).toBeLessThanOrEqual(largestStep(whole.channels, at - window, at + window) * 1.1 + 1e-4);
    }
    // Over the whole song the sum is the one-shot band, but for the reverb tail cut RING_SEC after the first part's notes.
    let diff = 0, energy = 0;
    for (let c = 0; c < 2; c++) for (let i = 0; i < split.frames; i++) {
      diff += (parts[c]![i]! - whole.channels[c]![i]!) ** 2;
      energy += whole.channels[c]![i]! ** 2;
    }
    // (The synthesizer's modulation runs from each render's start, so the parts differ from the one-shot a little.)
    expect(10 * Math.log10(diff / energy)).toBeLessThan(-25);

    // The voice: each line is sung in the part it starts in, and the two parts are the whole voice.
    const input = { language: request.language, vocals: score.vocals, lines: lyrics.sections.flatMap((s) => s.lines), durationSec: score.durationSec, seed: 5 };
    const [voiceWhole, voice1, voice2] = await Promise.all([
      singLines(input, { from: 0, until: Infinity }),
      singLines(input, { from: 0, until: split.seam / FS }),
      singLines(input, { from: split.seam / FS, until: Infinity }),
    ]);
    let worst = 0;
    for (let i = 0; i < voiceWhole.length; i++) worst = Math.max(worst, Math.abs(voice1[i]! + voice2[i]! - voiceWhole[i]!));
    expect(worst).toBeLessThan(1e-5);
  }, 900_000);

  it('plays its first part from a growing playlist, then packages the whole song exactly as a one-shot package, on the loudness target', async () => {
    work = await mkdtemp(join(tmpdir(), 'seams-'));
    const dir = join(work, 'song');
    let atPlayable: { text: string; title: string } | undefined;
    const { manifest } = await composeSong(request, 7, dir, {
      keepWav: true,
      onPlayable: (song) => {
        atPlayable = { text: readFileSync(join(dir, 'hls', '128k', 'index.m3u8'), 'utf8'), title: song.title };
      },
    });
    // When it could first be played: an EVENT playlist with segments, not yet ended, and no segments.json.
    expect(atPlayable).toBeDefined();
    expect(atPlayable!.title).toBe(manifest.title);
    expect(atPlayable!.text).toContain(EVENT_TYPE_LINE);
    expect(atPlayable!.text).not.toContain('#EXT-X-ENDLIST');
    expect(parseMediaPlaylist(atPlayable!.text).length).toBeGreaterThanOrEqual(1);
    // Complete: the song check passed (loudness -16 LUFS ±1.5 on the whole song, peaks, pitch).
    expect(manifest.check.passed).toBe(true);
    expect(Math.abs(manifest.loudness.integratedLufs + 16)).toBeLessThan(0.5);

    // The same master packaged in one go gives the very same segments: feeding the encoder in parts left no seam.
    const oneShot = join(work, 'one-shot');
    await cp(join(dir, 'song.wav'), join(oneShot, 'song.wav'));
    await packageSong(oneShot, 'song.wav');
    for (const r of RENDITIONS) {
      const streamed = await readFile(join(dir, 'hls', r.name, 'index.m3u8'), 'utf8');
      expect(streamed).toContain(VOD_TYPE_LINE);
      expect(streamed).toContain('#EXT-X-ENDLIST');
      expect(streamed).toBe(await readFile(join(oneShot, 'hls', r.name, 'index.m3u8'), 'utf8'));
      for (const segment of parseMediaPlaylist(streamed)) {
        expect((await readFile(join(dir, 'hls', r.name, segment.file))).equals(await readFile(join(oneShot, 'hls', r.name, segment.file)))).toBe(true);
      }
    }
    expect(await readPackage(dir)).toEqual(await readPackage(oneShot));

    // In the master itself, where the first part sent meets the rest: no step larger than the music's own nearby.
    const master = decodeWav(await readFile(join(dir, 'song.wav')));
    const register = chooseVoice(request.language, 7, request.voice).register;
    const split = chooseSplit(compose(writeLyrics(understand(request), { genre: request.genre, vibe: request.vibe, seed: 7 }), { genre: request.genre, vibe: request.vibe, seed: 7, register }));
    const at = split.emit;
    const near = largestStep(master.channels, at - 4, at + 4);
    const around = largestStep(master.channels, at - FS, at - 4);
    expect(near).toBeLessThanOrEqual(around + 1e-3);
  }, 900_000);
});
