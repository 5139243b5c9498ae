// Announcements through the composer's thread API: a packaged item at the station's loudness, with no
// WAV left behind, made while the main thread's event loop keeps turning.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readdir } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startComposerThread } from '../composer-thread.js';
import { decodeAudioFile } from '../master/decode-audio.js';
import { measureLufs } from '../master/loudness.js';
import { readPackage } from '../../station/hls-package.js';
import { SONG_LIMITS } from '../../songcheck/limits.js';
import { ComposerError } from '../errors.js';
import { introText, STATION_IDS } from './words.js';

const thread = startComposerThread({ idleMs: 0 });
let work = '';

afterAll(async () => {
  await thread.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('announcements on the composer thread', () => {
  it('speaks over a bed at the station loudness, packaged, without blocking the main thread', async () => {
    work = await mkdtemp(join(tmpdir(), 'announce-'));
    const dir = join(work, 'intro');
    // The main thread's event loop: a timer every 20 ms; the longest gap between ticks is what a
    // listener's playlist request would wait.
    let last = performance.now();
    let maxGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 20);
    let result;
    try {
      result = await thread.composeAnnouncement({ text: introText('en', 'Sam', 'Alex'), language: 'en', tonic: 7 }, dir);
    } finally {
      clearInterval(ticker);
    }
    // Generous: the bound is about a blocked loop (seconds of synthesis), not about speed.
    expect(maxGap).toBeLessThan(500);

    const packaged = await readPackage(dir);
    expect(packaged).toBeDefined();
    expect(packaged!.segments.length).toBeGreaterThan(0);
    expect(Math.abs(packaged!.durationSec - result.durationSec)).toBeLessThan(0.01);
    expect(result.durationSec).toBeGreaterThan(2);
    expect(await readdir(dir)).toEqual(['hls']); // no WAV kept
    const aired = await decodeAudioFile(join(dir, 'hls', '128k', 'index.m3u8'));
    expect(Math.abs(measureLufs(aired) - SONG_LIMITS.lufsTarget)).toBeLessThanOrEqual(SONG_LIMITS.lufsTolerance);
  }, 120_000);

  it('makes a station ID in Korean and refuses an empty text with a typed error', async () => {
    const made = await thread.composeAnnouncement({ text: STATION_IDS.ko, language: 'ko', tonic: 2 }, join(work, 'id-ko'));
    expect(made.durationSec).toBeGreaterThan(2);
    const empty = thread.composeAnnouncement({ text: '   ', language: 'en' }, join(work, 'empty'));
    await expect(empty).rejects.toBeInstanceOf(ComposerError);
    await expect(empty).rejects.toMatchObject({ code: 'invalid-request' });
  }, 120_000);
});
