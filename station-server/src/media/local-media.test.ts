// The local media store on a real folder: keys are folders under DATA_DIR/media, files read whole or
// by range, removed whole, listed by prefix, and a key that climbs out of the folder is refused.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { createLocalMediaStore, type LocalMediaStore } from './local-media.js';

const text = async (body: Readable): Promise<string> => {
  let out = '';
  for await (const chunk of body) out += String(chunk);
  return out;
};

let dir: string;
let media: LocalMediaStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'local-media-'));
  media = createLocalMediaStore(join(dir, 'data'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the local media store', () => {
  it('put places one file in the key\'s folder, whole; a file already there stays as it is', async () => {
    await media.put('songs/putone1', 'hls/128k/index.m3u8', { data: Buffer.from('#EXTM3U\n') });
    expect((await media.read('songs/putone1', 'hls/128k/index.m3u8'))?.toString()).toBe('#EXTM3U\n');
    const elsewhere = join(dir, 'video.mp4');
    await writeFile(elsewhere, 'MP4');
    await media.put('songs/putone1', 'video.mp4', { path: elsewhere });
    expect((await media.read('songs/putone1', 'video.mp4'))?.toString()).toBe('MP4');
    expect(existsSync(elsewhere)).toBe(true);
    const inPlace = join(media.workDir('songs/putone1'), 'video.mp4');
    await media.put('songs/putone1', 'video.mp4', { path: inPlace });
    expect((await media.read('songs/putone1', 'video.mp4'))?.toString()).toBe('MP4');
    await expect(media.put('songs/putone1', '../other12/file', { data: Buffer.from('x') })).rejects.toThrow(/outside the media folder/);
    expect(existsSync(join(media.root, 'songs/other12'))).toBe(false);
  });

  it('keeps a key as a folder under DATA_DIR/media, readable whole and by range once published', async () => {
    expect(media.kind).toBe('local');
    const work = media.workDir('songs/abc123');
    expect(work).toBe(join(dir, 'data', 'media', 'songs', 'abc123'));
    await writeFile(join(work, 'lyrics.vtt'), 'WEBVTT\n\nhello');
    await media.publish('songs/abc123');
    expect((await media.read('songs/abc123', 'lyrics.vtt'))?.toString()).toBe('WEBVTT\n\nhello');
    expect(await media.has('songs/abc123', 'lyrics.vtt')).toBe(true);
    expect(await media.has('songs/abc123', 'cover.png')).toBe(false);
    expect(await media.read('songs/abc123', 'cover.png')).toBeUndefined();
    expect(await media.read('songs/nothere', 'lyrics.vtt')).toBeUndefined();
    const whole = (await media.open('songs/abc123', 'lyrics.vtt'))!;
    expect(whole).toMatchObject({ size: 13, contentType: 'text/vtt' });
    expect(await text(whole.body)).toBe('WEBVTT\n\nhello');
    const part = (await media.open('songs/abc123', 'lyrics.vtt', { start: 8, end: 12 }))!;
    expect(part.size).toBe(5);
    expect(await text(part.body)).toBe('hello');
    expect(await media.open('songs/abc123', 'missing.ts')).toBeUndefined();
  });

  it('refuses to publish a key nothing was made for', async () => {
    await expect(media.publish('intros/none')).rejects.toThrow(/nothing was made/);
  });

  it('lists keys by prefix and removes a key whole', async () => {
    media.workDir('songs/one111');
    media.workDir('songs/two222');
    media.workDir('intros/three3');
    await writeFile(join(media.root, 'songs', 'stray.txt'), 'not a key');
    const keys: string[] = [];
    for await (const key of media.keys('songs/')) keys.push(key);
    expect(keys.sort()).toEqual(['songs/one111', 'songs/two222']);
    await media.remove('songs/one111');
    expect(existsSync(media.dirOf('songs/one111'))).toBe(false);
    await media.remove('songs/one111'); // removing what is gone is fine
    const none: string[] = [];
    for await (const key of media.keys('transitions/')) none.push(key);
    expect(none).toEqual([]);
  });

  it('refuses a key or file name that climbs out of the media folder', async () => {
    expect(() => media.workDir('../escape')).toThrow(/outside the media folder/);
    await expect(media.read('songs/abc', '../../../library.sqlite')).rejects.toThrow(/outside the media folder/);
  });
});
