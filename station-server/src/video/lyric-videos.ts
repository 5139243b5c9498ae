// Lyric videos on request: each is made once, on the first request, then kept where the song's files
// are (its local folder, or the bucket: see video-places.ts). A video costs seconds of both cores, so
// only one is made at a time, a few more may wait, and asking again for a video that is being made
// joins that work instead of starting it twice.
import type { VideoSong } from './lyric-video.js';

/** Where a song's video is kept, and how it is made there. */
export interface VideoPlace {
  /** Whether the song's video is made and kept already. */
  has(songId: string): Promise<boolean>;
  /** Makes the song's video and keeps it; rejects when it cannot. */
  make(songId: string, song: VideoSong): Promise<void>;
}

export interface LyricVideosOptions {
  place: VideoPlace;
  /** Videos waiting to be made, beyond the one being made (default 4). */
  queueLimit?: number;
  /** How long a video that failed is not tried again (default 5 minutes). */
  failureHoldMs?: number;
  log?: (line: string) => void;
  now?: () => number;
}

export type VideoAnswer =
  | { ok: true }
  | { ok: false; code: 'video-busy'; message: string; retryAfterSec: number }
  | { ok: false; code: 'video-failed'; message: string; retryAfterSec: number };

export interface LyricVideos {
  /** Whether the song's video is there to send, made first if it is not there yet. */
  get(songId: string, song: VideoSong): Promise<VideoAnswer>;
}

export function createLyricVideos(options: LyricVideosOptions): LyricVideos {
  const { place } = options;
  const queueLimit = options.queueLimit ?? 4;
  const holdMs = options.failureHoldMs ?? 5 * 60_000;
  const log = options.log ?? ((line: string) => console.error(line));
  const now = options.now ?? Date.now;
  const working = new Map<string, Promise<VideoAnswer>>();
  const failedAt = new Map<string, number>();
  let chain: Promise<unknown> = Promise.resolve();

  return {
    async get(songId, song) {
      if (await place.has(songId)) return { ok: true };
      const joined = working.get(songId);
      if (joined) return joined;
      const failed = failedAt.get(songId);
      if (failed !== undefined && now() - failed < holdMs) {
        return { ok: false, code: 'video-failed', message: 'this song’s video could not be made; try again later', retryAfterSec: Math.ceil((holdMs - (now() - failed)) / 1000) };
      }
      // One being made plus `queueLimit` waiting.
      if (working.size > queueLimit) {
        return { ok: false, code: 'video-busy', message: 'many videos are being made right now; try again in a minute', retryAfterSec: 30 * working.size };
      }
      const work = chain.then(async (): Promise<VideoAnswer> => {
        try {
          await place.make(songId, song);
          return { ok: true };
        } catch (error) {
          failedAt.set(songId, now());
          log(`video for ${songId} failed: ${error instanceof Error ? error.message : String(error)}`);
          return { ok: false, code: 'video-failed', message: 'this song’s video could not be made; try again later', retryAfterSec: Math.ceil(holdMs / 1000) };
        } finally {
          working.delete(songId);
        }
      });
      chain = work;
      working.set(songId, work);
      return work;
    },
  };
}
