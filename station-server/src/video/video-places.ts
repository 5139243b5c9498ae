// Where lyric videos are made and kept. A local media folder: made beside the song's files, sent as a
// file. A bucket: the cover, the words and the song's audio are fetched into a scratch folder (the
// audio from the playout cache when this instance holds it there), the video is made there, stored
// beside the song's files in the bucket, and sent from the bucket with byte ranges, like the song's
// other files; every instance then finds it made.
import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { NextFunction, Request, Response } from 'express';
import { LEGACY_COVER_FILES, SONG_FILES } from '../composer/manifest.js';
import type { MediaStore } from '../media/media-store.js';
import { sendStoredFile } from '../http/media-files.js';
import { makeLyricVideo, VIDEO_FILE, VideoError, type VideoSong } from './lyric-video.js';
import type { VideoPlace } from './lyric-videos.js';

/** Made once and never changed; a takedown deletes it with the song's files. */
export const VIDEO_HEADERS = { 'Content-Type': 'video/mp4', 'Cache-Control': 'public, max-age=86400' };

/** A place that also sends what it keeps. */
export interface VideoStorage extends VideoPlace {
  /** Sends the song's video (with byte ranges); calls `next` with an error when it cannot. */
  send(songId: string, req: Request, res: Response, next: NextFunction): void;
}

const songKey = (id: string) => `songs/${id}`;
type Maker = (songDir: string, song: VideoSong) => Promise<string>;

/** Videos in each song's local folder (`dirOf(id)`). */
export function folderVideos(dirOf: (songId: string) => string, make: Maker = makeLyricVideo): VideoStorage {
  return {
    has: async (id) => existsSync(join(dirOf(id), VIDEO_FILE)),
    make: async (id, song) => void (await make(dirOf(id), song)),
    send(id, _req, res, next) {
      res.sendFile(join(dirOf(id), VIDEO_FILE), { headers: VIDEO_HEADERS, dotfiles: 'deny' }, (error) => {
        if (error && !res.headersSent) next(error);
      });
    },
  };
}

export interface StoredVideosOptions {
  media: MediaStore;
  /** A local folder for the work (DATA_DIR/scratch); each video's inputs are removed once it is stored. */
  scratchDir: string;
  /** The playout cache's root (songs/<id>/song.m4a), read before the media store when it holds the song. */
  cacheRoot?: string;
  make?: Maker;
}

/** Videos kept in the media store beside each song's files (S3). */
export function storedVideos(options: StoredVideosOptions): VideoStorage {
  const { media } = options;
  const make = options.make ?? makeLyricVideo;

  /** Copies one of the song's files into `dir`; false when the media store has none. */
  const fetchFile = async (id: string, file: string, dir: string): Promise<boolean> => {
    const cached = options.cacheRoot && join(options.cacheRoot, songKey(id), file);
    if (cached && existsSync(cached)) {
      // The cache may drop it meanwhile; then the media store has it.
      const copied = await copyFile(cached, join(dir, file)).then(() => true, () => false);
      if (copied) return true;
    }
    const stored = await media.open(songKey(id), file);
    if (!stored) return false;
    await pipeline(stored.body, createWriteStream(join(dir, file)));
    return true;
  };

  return {
    has: (id) => media.has(songKey(id), VIDEO_FILE),
    async make(id, song) {
      await mkdir(options.scratchDir, { recursive: true });
      const dir = await mkdtemp(join(options.scratchDir, 'video-'));
      try {
        for (const file of [SONG_FILES.lyrics, SONG_FILES.stream]) {
          if (!(await fetchFile(id, file, dir))) throw new VideoError(`${songKey(id)}/${file} is not in the media store`);
        }
        // Today's JPEG cover, or the PNG of a song made before covers were JPEG.
        if (!(await fetchFile(id, SONG_FILES.cover, dir)) && !(await fetchFile(id, LEGACY_COVER_FILES.cover, dir))) throw new VideoError(`${songKey(id)} has no cover in the media store`);
        const video = await make(dir, song);
        await media.put(songKey(id), VIDEO_FILE, { path: video });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    send(id, req, res, next) {
      sendStoredFile(media, songKey(id), VIDEO_FILE, req, res, VIDEO_HEADERS).then(
        (sent) => {
          if (!sent && !res.headersSent) next(new VideoError(`${songKey(id)}/${VIDEO_FILE} went missing from the media store`));
        },
        (error: unknown) => (res.headersSent ? res.destroy() : next(error)),
      );
    },
  };
}
