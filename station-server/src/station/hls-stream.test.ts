import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_DIR, parseMediaPlaylist } from './hls-package.js';
import { ENCODER_PLAYLIST, EVENT_TYPE_LINE, VOD_TYPE_LINE, startHlsStream } from './hls-stream.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const tone = (seconds: number): Float32Array[] => {
  const x = new Float32Array(Math.round(seconds * 44100));
  for (let i = 0; i < x.length; i++) x[i] = 0.3 * Math.sin((2 * Math.PI * 440 * i) / 44100);
  return [x, x];
};

describe('a song packaged while it is made', () => {
  it('never shows a reader a torn playlist: each read is whole and lists at least what the last did', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hls-stream-'));
    const stream = await startHlsStream(dir);
    const playlist = join(dir, PACKAGE_DIR, '128k', 'index.m3u8');
    const audio = tone(30);
    let reading = true;
    const reads: string[] = [];
    // A player polling as fast as it can while the song is written a part at a time.
    const reader = (async () => {
      while (reading) {
        if (existsSync(playlist)) reads.push(await readFile(playlist, 'utf8').catch(() => ''));
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let from = 0; from < audio[0]!.length; from += 44100 * 3) await stream.write(audio, from, Math.min(audio[0]!.length, from + 44100 * 3));
    expect(await stream.listed(1)).toBe(true);
    await stream.end();
    reading = false;
    await reader;

    expect(reads.length).toBeGreaterThan(0);
    let listed = 0;
    for (const text of reads) {
      expect(text.startsWith('#EXTM3U')).toBe(true);
      const count = parseMediaPlaylist(text).length;
      expect(count).toBeGreaterThanOrEqual(listed);
      listed = count;
    }
    const final = await readFile(playlist, 'utf8');
    expect(final).toContain(VOD_TYPE_LINE);
    expect(final).not.toContain(EVENT_TYPE_LINE);
    expect(parseMediaPlaylist(final).reduce((sum, s) => sum + s.duration, 0)).toBeCloseTo(30, 0);
    // The encoder's own playlist is gone: the folder is what a song packaged in one go has.
    expect(existsSync(join(dir, PACKAGE_DIR, '128k', ENCODER_PLAYLIST))).toBe(false);
  }, 120_000);
});
