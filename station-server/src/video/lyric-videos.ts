// Lyric videos on request: each is made once, on the first request, then served from the song's
// folder. A video costs seconds of both cores, so only one is made at a time, a few more may wait,
// and asking again for a video that is being made joins that work instead of starting it twice.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { makeLyricVideo, VIDEO_FILE, type VideoSong } from './lyric-video.js';

export interface LyricVideosOptions {
  /** Videos waiting to be made, beyond the one being made (default 4). */
  queueLimit?: number;
  /** How long a video that failed is not tried again (default 5 minutes). */
  failureHoldMs?: number;
  log?: (line: string) => void;
  /** The maker; a unit test's edge puts a fake here. */
  make?: (songDir: string, song: VideoSong) => Promise<string>;
  now?: () => number;
}

export type VideoAnswer =
  | { ok: true; file: string }
  | { ok: false; code: 'video-busy'; message: string; retryAfterSec: number }
  | { ok: false; code: 'video-failed'; message: string; retryAfterSec: number };

export interface LyricVideos {
  /** The video of the song in `songDir`, made first if it is not there yet. */
  get(songId: string, songDir: string, song: VideoSong): Promise<VideoAnswer>;
}

export function createLyricVideos(options: LyricVideosOptions = {}): LyricVideos {
  const queueLimit = options.queueLimit ?? 4;
  const holdMs = options.failureHoldMs ?? 5 * 60_000;
  const make = options.make ?? makeLyricVideo;
  const log = options.log ?? ((line: string) => console.error(line));
  const now = options.now ?? Date.now;
  const working = new Map<string, Promise<VideoAnswer>>();
  const failedAt = new Map<string, number>();
  let chain: Promise<unknown> = Promise.resolve();

  const exists = (file: string) => access(file).then(() => true, () => false);

  return {
    async get(songId, songDir, song) {
      const file = join(songDir, VIDEO_FILE);
      if (await exists(file)) return { ok: true, file };
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
          return { ok: true, file: await make(songDir, song) };
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
