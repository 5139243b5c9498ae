// How long a cache (a CDN, a player) may keep what the station serves. Published media never changes
// under its name, so a CDN can keep it for a year; a live playlist changes every segment, so a cache
// may hold it for at most half a target duration, or players behind it would fall behind the edge.

/** For segments and every file of a published song: its bytes never change under this name. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** For manifests stored with a song (a VOD playlist, segments.json): re-packaging may rewrite them. */
export const MANIFEST_CACHE_CONTROL = 'public, max-age=60';

/**
 * Cache-Control for a live media playlist whose EXT-X-TARGETDURATION is `targetDurationSec`:
 * max-age is the whole seconds in half of it (HTTP has no fractions), 0 for a target under 2 s.
 */
export function livePlaylistCacheControl(targetDurationSec: number): string {
  if (!Number.isFinite(targetDurationSec) || targetDurationSec <= 0) throw new RangeError(`a target duration must be a positive number of seconds, not ${targetDurationSec}`);
  const maxAge = Math.floor(targetDurationSec / 2);
  // With nothing to cache for, a CDN still may collapse concurrent requests, but must ask again after.
  return maxAge === 0 ? 'public, max-age=0, must-revalidate' : `public, max-age=${maxAge}`;
}

const MANIFEST = /\.(m3u8|json)$/i;

/** Cache-Control for one stored file of a published key (`hls/128k/seg-00001.ts`, `cover.png`). */
export function storedFileCacheControl(file: string): string {
  return MANIFEST.test(file) ? MANIFEST_CACHE_CONTROL : IMMUTABLE_CACHE_CONTROL;
}

/** For a song's playlist while the song is still being made (an EVENT playlist that grows): always ask again. */
export const GROWING_PLAYLIST_CACHE_CONTROL = 'no-cache';

/** Whether `path` (a stored song's file on disk) is a media playlist still growing: its package has no
 *  `segments.json` yet, which is written only when the song is complete (station/hls-stream.ts). */
export function isGrowingPlaylist(path: string, exists: (path: string) => boolean): boolean {
  if (!path.endsWith('.m3u8')) return false;
  const hlsRoot = path.replace(/[\\/][^\\/]+[\\/][^\\/]+$/, '');
  return !exists(`${hlsRoot}/segments.json`);
}

/** The Cache-Control a stored song file is served with: its usual policy, except a playlist the
 *  media store holds as still growing (uploaded with `no-cache` while its song is made), which a
 *  cache must ask for again each time, or a player behind it would not see the next segments. */
export function servedCacheControl(file: string, stored: string | undefined): string {
  return file.endsWith('.m3u8') && stored === GROWING_PLAYLIST_CACHE_CONTROL ? GROWING_PLAYLIST_CACHE_CONTROL : storedFileCacheControl(file);
}
