// The radio over HTTP: channel list, now playing, and the live HLS playlists cut on request.
import { Router, type Response } from 'express';
import type { Library } from '../library/library.js';
import type { Playout } from '../station/playout.js';
import { multivariantPlaylist, itemEndMs, type AirItem } from '../station/timeline.js';
import { TARGET_DURATION } from '../station/hls-package.js';
import { SONG_FILES } from '../composer/manifest.js';

export function itemView(library: Library, item: AirItem | undefined) {
  if (!item) return null;
  const song = library.get(item.songId);
  const media = `/media/songs/${item.songId}`;
  return {
    index: item.index,
    kind: item.kind,
    songId: item.songId,
    title: item.title,
    start: new Date(item.startMs).toISOString(),
    end: new Date(itemEndMs(item)).toISOString(),
    artwork: `${media}/${SONG_FILES.cover}`,
    artworkSmall: `${media}/${SONG_FILES.coverSmall}`,
    lyrics: `${media}/${SONG_FILES.lyrics}`,
    genre: song?.genre ?? null,
    vibe: song?.vibe ?? null,
    language: song?.language ?? null,
    dedication: song && item.kind !== 'jingle' ? { to: song.recipient, from: song.sender, message: song.request.message } : null,
  };
}

export function nowView(library: Library, playout: Playout, channel: string) {
  const { current, next } = playout.nowPlaying(channel);
  return { channel, serverTime: new Date().toISOString(), current: itemView(library, current), next: itemView(library, next) };
}

const sendPlaylist = (res: Response, text: string) => {
  // Playlists change every segment: players must re-fetch, caches may hold them for under a segment.
  res.set({ 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': `public, max-age=${Math.floor(TARGET_DURATION / 2)}` }).send(text);
};

export function liveRoutes(library: Library, playout: Playout): Router {
  const router = Router();
  const notFound = (res: Response) => res.status(404).json({ error: { code: 'unknown-channel', message: 'no such channel' } });

  router.get('/api/v1/channels', (_req, res) => {
    res.json(playout.channels().map((c) => ({ id: c.id, name: c.name, description: c.description, hls: `/live/${c.id}/index.m3u8`, now: itemView(library, playout.nowPlaying(c.id).current) })));
  });
  router.get('/api/v1/channels/:id/now', (req, res) => {
    if (!playout.channel(req.params.id)) return void notFound(res);
    res.set('Cache-Control', 'no-cache').json(nowView(library, playout, req.params.id));
  });
  router.get('/live/:id/index.m3u8', (req, res) => {
    if (!playout.channel(req.params.id)) return void notFound(res);
    sendPlaylist(res, multivariantPlaylist());
  });
  // Media playlists and segments are served by the fast path (live-fast-path.ts).
  return router;
}
