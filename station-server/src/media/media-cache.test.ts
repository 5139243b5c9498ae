// The read-through cache playout reads when media is remote, filled from a real media store (the
// local one here: the cache only uses the MediaStore interface).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalMediaStore, type LocalMediaStore } from './local-media.js';
import { createMediaCache } from './media-cache.js';

let dir: string;
let source: LocalMediaStore;

async function song(id: string, bytes: number): Promise<void> {
  const at = source.workDir(`songs/${id}`);
  const segments = [{ file: 'seg-00000.ts', duration: 2 }, { file: 'seg-00001.ts', duration: 2 }];
  for (const r of ['128k', '48k']) {
    await mkdir(join(at, 'hls', r), { recursive: true });
    for (const s of segments) await writeFile(join(at, 'hls', r, s.file), Buffer.alloc(bytes, id));
  }
  await writeFile(join(at, 'hls', 'segments.json'), JSON.stringify({ segments, durationSec: 4 }));
  await writeFile(join(at, 'song.m4a'), Buffer.alloc(bytes, 'm'));
  await writeFile(join(at, 'cover.png'), 'not needed by playout');
  await source.publish(`songs/${id}`);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'media-cache-'));
  source = createLocalMediaStore(join(dir, 'source'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('media cache', () => {
  it('fills a song\'s package and stream audio whole, and nothing else', async () => {
    await song('aaaaaa', 100);
    const cache = await createMediaCache({ media: source, dir: join(dir, 'cache'), maxBytes: 1_000_000, log: () => undefined });
    expect(await cache.fill('songs/aaaaaa')).toBe(true);
    const at = join(cache.root, 'songs/aaaaaa');
    expect((await readFile(join(at, 'hls/48k/seg-00001.ts'))).length).toBe(100);
    expect(existsSync(join(at, 'hls/segments.json'))).toBe(true);
    expect(existsSync(join(at, 'song.m4a'))).toBe(true);
    expect(existsSync(join(at, 'cover.png'))).toBe(false);
    expect(cache.bytes()).toBeGreaterThanOrEqual(500);
    expect(await cache.fill('songs/missing')).toBe(false);
  });

  it('keeps nothing of a song still being made (no segments.json yet, its playlist growing), then fills it once whole', async () => {
    const at = source.workDir('songs/growing');
    await mkdir(join(at, 'hls', '128k'), { recursive: true });
    await writeFile(join(at, 'hls', '128k', 'seg-00000.ts'), 'first part');
    await writeFile(join(at, 'hls', '128k', 'index.m3u8'), '#EXTM3U\n#EXT-X-PLAYLIST-TYPE:EVENT\n#EXTINF:2,\nseg-00000.ts\n');
    const cache = await createMediaCache({ media: source, dir: join(dir, 'cache'), maxBytes: 1_000_000, log: () => undefined });
    expect(await cache.fill('songs/growing')).toBe(false);
    expect(existsSync(join(cache.root, 'songs/growing'))).toBe(false);
    await rm(at, { recursive: true });
    await song('growing', 100);
    await writeFile(join(at, 'hls', '128k', 'index.m3u8'), '#EXTM3U\n#EXT-X-PLAYLIST-TYPE:VOD\n');
    expect(await cache.fill('songs/growing')).toBe(true);
    // Playlists are never kept: the station serves a song's playlist from the media store, so a
    // growing one can never be answered stale from here.
    expect(existsSync(join(cache.root, 'songs/growing/hls/128k/index.m3u8'))).toBe(false);
  });

  it('keeps under its size, dropping the least recently used first, and counts what a restart finds', async () => {
    for (const id of ['aaaaaa', 'bbbbbb', 'cccccc']) await song(id, 1000);
    const log: string[] = [];
    // One song is about 5 kB: room for two.
    const cache = await createMediaCache({ media: source, dir: join(dir, 'cache'), maxBytes: 11_000, log: (l) => log.push(l) });
    await cache.fill('songs/aaaaaa');
    await cache.fill('songs/bbbbbb');
    await cache.fill('songs/aaaaaa'); // used again: bbbbbb is now the oldest
    await cache.fill('songs/cccccc');
    expect(existsSync(join(cache.root, 'songs/aaaaaa/hls/segments.json'))).toBe(true);
    expect(existsSync(join(cache.root, 'songs/bbbbbb'))).toBe(false);
    expect(existsSync(join(cache.root, 'songs/cccccc/hls/segments.json'))).toBe(true);
    expect(cache.bytes()).toBeLessThanOrEqual(11_000);
    const again = await createMediaCache({ media: source, dir: join(dir, 'cache'), maxBytes: 11_000, log: () => undefined });
    expect(again.bytes()).toBe(cache.bytes());
    expect(log).toEqual([]);
  });

  it('a package naming a segment the store lacks leaves no folder behind', async () => {
    await song('dddddd', 10);
    await rm(join(source.dirOf('songs/dddddd'), 'hls/128k/seg-00001.ts'));
    const log: string[] = [];
    const cache = await createMediaCache({ media: source, dir: join(dir, 'cache'), maxBytes: 1_000_000, log: (l) => log.push(l) });
    expect(await cache.fill('songs/dddddd')).toBe(false);
    expect(existsSync(join(cache.root, 'songs/dddddd'))).toBe(false);
    expect(log.join('\n')).toContain('seg-00001.ts');
  });
});
