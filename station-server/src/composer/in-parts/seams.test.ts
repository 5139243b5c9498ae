// A song made a part at a time must sound like one made in one go: at every cut (where a part's render
// ends and the next begins, where one part sent meets the next, where the encoder was fed the next
// part) no click and no level jump, and what went out never changes. Real SoundFont, real voice, real ffmpeg.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SongRequest } from '@radio-optimism/shared';
import { understand } from '../understand/understand.js';
import { writeLyrics } from '../lyrics/lyrics.js';
import { compose } from '../compose/compose.js';
import { composeSong, type PartEvent, type StageEvent } from '../pipeline.js';
import { closeDefaultRenderPool, renderAccompaniment } from '../render/render.js';
import { disposeSinger, singLines } from '../sing/sing.js';
import { measureLufs } from '../master/loudness.js';
import { decodeWav } from '../master/wav.js';
import { SAMPLE_RATE } from '../types.js';
import { addAt, chooseParts, partLines, partTracks } from './split.js';
import { PartMaster } from '../master/master-by-part.js';
import { planFromFirstPart } from '../master/master-in-parts.js';
import { masterSong } from '../master/master.js';
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
  it('renders, sings and masters in parts that add up to the one-shot song, with no step and no level jump at any cut', async () => {
    const meaning = understand(request);
    const lyrics = writeLyrics(meaning, { genre: request.genre, vibe: request.vibe, seed: 5 });
    const score = compose(lyrics, { genre: request.genre, vibe: request.vibe, seed: 5 });
    const parts = chooseParts(score);
    const count = parts.cuts.length - 1;
    expect(count).toBeGreaterThanOrEqual(5);

    const whole = await renderAccompaniment(score);
    const band: [Float32Array, Float32Array] = [new Float32Array(parts.frames), new Float32Array(parts.frames)];
    const renderEnds: number[] = [];
    for (let k = 0; k < count; k++) {
      const part = partTracks(score.tracks, parts, k);
      const rendered = await renderAccompaniment({ ...score, tracks: part.tracks, durationSec: part.frames / FS });
      addAt(band, rendered.channels, parts.cuts[k]!);
      renderEnds.push(parts.cuts[k]! + part.frames);
    }
    // The seams of the band: where each part starts, and where each part's render (notes, release, reverb) stops.
    for (const at of [...parts.cuts.slice(1, -1), ...renderEnds]) {
      if (at >= parts.frames - FS) continue;
      const [beforeWhole, afterWhole] = either(whole.channels, at);
      const [beforeParts, afterParts] = either(band, at);
      expect(Math.abs(beforeParts - beforeWhole)).toBeLessThan(0.1);
      expect(Math.abs(afterParts - afterWhole)).toBeLessThan(0.1);
      const window = Math.round(0.01 * FS);
      expect(largestStep(band, at - window, at + window)).toBeLessThanOrEqual(largestStep(whole.channels, at - window, at + window) * 1.1 + 1e-4);
    }
    // Over the whole song the sum is the one-shot band, but for the reverb tails cut RING_SEC after each part's notes.
    let diff = 0, energy = 0;
    for (let c = 0; c < 2; c++) for (let i = 0; i < parts.frames; i++) {
      diff += (band[c]![i]! - whole.channels[c]![i]!) ** 2;
      energy += whole.channels[c]![i]! ** 2;
    }
    // (The synthesizer's modulation runs from each render's start, so the parts differ from the one-shot a little.)
    expect(10 * Math.log10(diff / energy)).toBeLessThan(-25);

    // The voice: each line is sung in one part, and the parts are the whole voice.
    const input = { language: request.language, vocals: score.vocals, lines: lyrics.sections.flatMap((s) => s.lines), durationSec: score.durationSec, seed: 5 };
    const voiceWhole = await singLines(input, { from: 0, until: Infinity });
    const voice = new Float32Array(parts.frames);
    const sung: Float32Array[] = [];
    for (let k = 0; k < count; k++) {
      const part = await singLines(input, partLines(parts, k));
      sung.push(part);
      addAt([voice], [part], 0);
    }
    let worst = 0;
    for (let i = 0; i < voiceWhole.length; i++) worst = Math.max(worst, Math.abs(voice[i]! - voiceWhole[i]!));
    expect(worst).toBeLessThan(1e-5);
    // Nothing a later part sings sounds before its cut: a part mastered once its cut is reached is final.
    sung.forEach((part, k) => {
      for (let i = 0; i < parts.cuts[k]!; i++) if (part[i] !== 0) throw new Error(`part ${k} sings at frame ${i}, before its cut at ${parts.cuts[k]}`);
    });

    // Mastered part by part: at every cut, no step larger than the music's own nearby, no level jump beyond a one-shot master's.
    const vin = new Float32Array(parts.frames);
    const bin: [Float32Array, Float32Array] = [new Float32Array(parts.frames), new Float32Array(parts.frames)];
    let master: PartMaster | undefined;
    for (let k = 0; k < count; k++) {
      const known = parts.cuts[k + 1]!;
      addAt([vin], [sung[k]!], 0);
      bin.forEach((c, i) => c.set(band[i]!.subarray(parts.cuts[k]!, known), parts.cuts[k]!));
      master ??= new PartMaster(planFromFirstPart(vin, bin, known), vin, bin);
      master.part(parts.cuts[k]!, known);
    }
    const song = master!.finish();
    expect(Math.abs(song.lufs + 16)).toBeLessThan(0.15);
    const oneShot = masterSong({ sampleRate: FS, channels: [voice] }, { sampleRate: FS, channels: band });
    const span = Math.round(0.4 * FS);
    const jump = (x: readonly Float32Array[], at: number) => measureLufs({ sampleRate: FS, channels: x.map((c) => c.subarray(at, at + span)) }) - measureLufs({ sampleRate: FS, channels: x.map((c) => c.subarray(at - span, at)) });
    for (const at of parts.cuts.slice(1, -1)) {
      expect(Math.abs(jump(song.song.channels, at) - jump(oneShot.song.channels, at))).toBeLessThan(1);
      expect(largestStep(song.song.channels, at - 4, at + 4)).toBeLessThanOrEqual(largestStep(song.song.channels, at - FS, at - 4) + 1e-3);
    }
  }, 900_000);

  it('plays its first part from a growing playlist, then packages the whole song exactly as a one-shot package, on the loudness target', async () => {
    work = await mkdtemp(join(tmpdir(), 'seams-'));
    const dir = join(work, 'song');
    let atPlayable: { text: string; title: string } | undefined;
    const log: string[] = [];
    const events: PartEvent[] = [];
    const { manifest } = await composeSong(request, 7, dir, {
      keepWav: true,
      onStage: (e: StageEvent) => log.push(`${e.stage} ${e.phase}`),
      onPart: (e) => {
        events.push(e);
        log.push(`part ${e.part} ${e.step}`);
      },
      onPlayable: (song) => {
        log.push('playable');
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
    expect(Math.abs(manifest.loudness.integratedLufs + 16)).toBeLessThan(0.15);
    // The parts went out one by one: each written before the next one's render began, the song playable after the first.
    const count = events[0]!.parts;
    expect(count).toBeGreaterThanOrEqual(5);
    expect(events.map((e) => `${e.part} ${e.step}`)).toEqual(Array.from({ length: count }, (_, k) => [`${k} made`, `${k} written`]).flat());
    const renderStarts = log.flatMap((line, i) => (line === 'render start' ? [i] : []));
    expect(renderStarts).toHaveLength(count);
    for (let k = 0; k + 1 < count; k++) expect(log.indexOf(`part ${k} written`)).toBeLessThan(renderStarts[k + 1]!);
    expect(log.indexOf('playable')).toBeGreaterThan(log.indexOf('part 0 written'));
    expect(log.indexOf('playable')).toBeLessThan(renderStarts[1]!);

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

    // In the master itself, at every cut: no step larger than the music's own nearby.
    const master = decodeWav(await readFile(join(dir, 'song.wav')));
    for (const e of events.slice(1).filter((x) => x.step === 'made')) {
      const at = Math.round(e.fromSec * FS);
      expect(largestStep(master.channels, at - 4, at + 4)).toBeLessThanOrEqual(largestStep(master.channels, at - FS, at - 4) + 1e-3);
    }
  }, 900_000);
});
