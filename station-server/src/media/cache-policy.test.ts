import { GROWING_PLAYLIST_CACHE_CONTROL, IMMUTABLE_CACHE_CONTROL, isGrowingPlaylist, livePlaylistCacheControl, MANIFEST_CACHE_CONTROL, servedCacheControl, storedFileCacheControl } from './cache-policy.js';
import { contentTypeOf, DEFAULT_CONTENT_TYPE } from './content-type.js';
import { TARGET_DURATION } from '../station/hls-package.js';

const maxAge = (header: string) => Number(/max-age=(\d+)/.exec(header)![1]);

describe('cache policy', () => {
  test('segments and song files are cached for a year, immutable', () => {
    expect(IMMUTABLE_CACHE_CONTROL).toBe('public, max-age=31536000, immutable');
    for (const file of ['hls/128k/seg-00001.ts', 'song.m4a', 'cover.png', 'lyrics.vtt', 'karaoke.opus']) expect(storedFileCacheControl(file)).toBe(IMMUTABLE_CACHE_CONTROL);
  });

  test('manifests stored with a song are not immutable', () => {
    for (const file of ['hls/128k/index.m3u8', 'hls/segments.json']) expect(storedFileCacheControl(file)).toBe(MANIFEST_CACHE_CONTROL);
  });

  test.each([1, 1.5, 2, 3, 4, 6, 10, 11])('a live playlist with target %s s is cached at most half of it', (target) => {
    const header = livePlaylistCacheControl(target);
    expect(header).toMatch(/^public, max-age=\d+/);
    expect(maxAge(header)).toBeLessThanOrEqual(target / 2);
    expect(maxAge(header)).toBeGreaterThan(target / 2 - 1);
  });

  test("the station's own target duration gives a positive max-age", () => {
    expect(maxAge(livePlaylistCacheControl(TARGET_DURATION))).toBe(Math.floor(TARGET_DURATION / 2));
  });

  test('a target under 2 s leaves nothing to cache and says so', () => {
    expect(livePlaylistCacheControl(1)).toBe('public, max-age=0, must-revalidate');
  });

  test.each([0, -2, Number.NaN, Number.POSITIVE_INFINITY])('a target of %s is refused', (target) => {
    expect(() => livePlaylistCacheControl(target)).toThrow(RangeError);
  });
});

describe('content types', () => {
  test.each([
    ['hls/48k/seg-00000.ts', 'video/mp2t'],
    ['hls/48k/index.m3u8', 'application/vnd.apple.mpegurl'],
    ['song.m4a', 'audio/mp4'],
    ['video.mp4', 'video/mp4'],
    ['cover.PNG', 'image/png'],
    ['lyrics.vtt', 'text/vtt; charset=utf-8'],
    ['hls/segments.json', 'application/json'],
  ])('%s is %s', (file, type) => expect(contentTypeOf(file)).toBe(type));

  test('a name with no known extension is bytes', () => {
    expect(contentTypeOf('README')).toBe(DEFAULT_CONTENT_TYPE);
    expect(contentTypeOf('dir.d/file')).toBe(DEFAULT_CONTENT_TYPE);
    expect(contentTypeOf('x.unknown')).toBe(DEFAULT_CONTENT_TYPE);
  });
});

describe('a song playlist still growing', () => {
  const files = new Set(['/m/songs/a/hls/segments.json']);
  const exists = (p: string) => files.has(p);
  it('is told apart by its package having no segments.json yet, and only playlists are', () => {
    expect(isGrowingPlaylist('/m/songs/b/hls/128k/index.m3u8', exists)).toBe(true);
    expect(isGrowingPlaylist('/m/songs/a/hls/128k/index.m3u8', exists)).toBe(false);
    expect(isGrowingPlaylist('/m/songs/b/hls/128k/seg-00000.ts', exists)).toBe(false);
    expect(GROWING_PLAYLIST_CACHE_CONTROL).toBe('no-cache');
  });

  test('a playlist stored as growing is served uncached; the finished one and every other file as usual', () => {
    expect(servedCacheControl('hls/128k/index.m3u8', GROWING_PLAYLIST_CACHE_CONTROL)).toBe('no-cache');
    // The VOD playlist that replaces it is stored with the manifest policy.
    expect(servedCacheControl('hls/128k/index.m3u8', MANIFEST_CACHE_CONTROL)).toBe(MANIFEST_CACHE_CONTROL);
    expect(servedCacheControl('hls/128k/index.m3u8', undefined)).toBe(MANIFEST_CACHE_CONTROL);
    // Only a playlist may say no-cache: a segment or a song file stored with any header stays immutable.
    expect(servedCacheControl('hls/128k/seg-00000.ts', GROWING_PLAYLIST_CACHE_CONTROL)).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(servedCacheControl('song.m4a', 'public, max-age=5')).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(servedCacheControl('hls/segments.json', GROWING_PLAYLIST_CACHE_CONTROL)).toBe(MANIFEST_CACHE_CONTROL);
  });
});
