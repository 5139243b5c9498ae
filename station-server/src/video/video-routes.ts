// GET /s/<id>/video.mp4: a song's lyric video, made on the first request (lyric-videos.ts bounds
// that work), then sent with byte ranges (from its folder or the bucket: video-places.ts), so players
// can seek and phones can save it.
import express from 'express';
import type { LyricVideos } from './lyric-videos.js';
import type { VideoSong } from './lyric-video.js';
import type { VideoStorage } from './video-places.js';

export interface VideoRouteDeps {
  /** The song behind an id: its kind and what its video shows; undefined when there is none. */
  song(id: string): Promise<{ kind: string; video: VideoSong } | undefined>;
  videos: LyricVideos;
  /** Sends a video that is made. */
  send: VideoStorage['send'];
}

const SONG_ID = /^[A-Za-z0-9_-]{6,32}$/;

export function videoRoutes(deps: VideoRouteDeps): express.Router {
  const router = express.Router();
  router.get('/s/:id/video.mp4', async (req, res, next) => {
    try {
      const id = req.params.id;
      const found = SONG_ID.test(id) ? await deps.song(id) : undefined;
      if (!found || found.kind === 'jingle') {
        res.status(404).type('text/plain').send('There is no song with this id.');
        return;
      }
      if (found.kind === 'removed') {
        res.status(410).set('Cache-Control', 'no-store').type('text/plain').send('This song was taken down.');
        return;
      }
      const answer = await deps.videos.get(id, found.video);
      if (!answer.ok) {
        res.status(503).set('Retry-After', String(answer.retryAfterSec)).type('text/plain').send(answer.message);
        return;
      }
      deps.send(id, req, res, next);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
