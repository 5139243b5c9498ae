// A player's view of a song's growing HLS playlist, for the pairing bench: from its first audio it plays
// at one second a second while the playlist lists more; when it reaches the end of what is listed
// before the playlist says it is whole (VOD/ENDLIST), it waits: that wait is a pause the viewer hears.
import { parseMediaPlaylist } from '../station/hls-package.js';

export interface PlaybackResult {
  /** Seconds the player waited mid-song for the rest to be listed. */
  pausedSec: number;
  /** The song's listed duration when it was whole. */
  durationSec: number;
  /** Playlist fetches that failed (a player retries them; the bench does too). */
  failedFetches: number;
}

const isWhole = (text: string) => text.includes('#EXT-X-ENDLIST') || text.includes('#EXT-X-PLAYLIST-TYPE:VOD');

/** Follows `playlistUrl` every `pollMs` from now (its first audio) until the playlist is whole. */
export async function followGrowingPlaylist(playlistUrl: string, pollMs = 250, timeoutMs = 600_000): Promise<PlaybackResult> {
  const started = performance.now();
  let last = started;
  let position = 0;
  let pausedSec = 0;
  let failedFetches = 0;
  for (;;) {
    const text = await fetch(playlistUrl).then(async (res) => (res.ok ? res.text() : Promise.reject(new Error(`HTTP ${res.status}`)))).catch(() => undefined);
    if (text === undefined) {
      if (++failedFetches > 20) throw new Error(`${playlistUrl} failed ${failedFetches} times`);
      await new Promise((r) => setTimeout(r, pollMs));
      continue;
    }
    const listed = parseMediaPlaylist(text).reduce((sum, s) => sum + s.duration, 0);
    const now = performance.now();
    const elapsed = (now - last) / 1000;
    last = now;
    // It plays on while there is something listed ahead; past that it waits.
    const playable = Math.max(0, listed - position);
    position += Math.min(elapsed, playable);
    if (elapsed > playable) pausedSec += elapsed - playable;
    if (isWhole(text)) return { pausedSec, durationSec: listed, failedFetches };
    if (now - started > timeoutMs) throw new Error(`${playlistUrl} was not whole after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
