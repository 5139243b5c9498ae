// The radio over HTTP: channel list, now playing, and the live HLS playlists cut on request.
import { Router, type Response } from 'express';
import type { Library } from '../library/library.js';
import type { Playout } from '../station/playout.js';
import { multivariantPlaylist, itemEndMs, type AirItem } from '../station/timeline.js';
import { RENDITIONS, TARGET_DURATION, type RenditionName } from '../station/hls-package.js';
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
  router.get('/live/:id/:rendition.m3u8', (req, res) => {
    const rendition = RENDITIONS.find((r) => r.name === req.params.rendition)?.name as RenditionName | undefined;
    if (!playout.channel(req.params.id) || !rendition) return void notFound(res);
    sendPlaylist(res, playout.playlist(req.params.id, rendition));
  });
  router.get('/live/:id/:rendition/:seq.ts', async (req, res, next) => {
    try {
      const rendition = RENDITIONS.find((r) => r.name === req.params.rendition)?.name as RenditionName | undefined;
      const seq = Number(req.params.seq);
      if (!rendition || !/^\d{1,12}$/.test(req.params.seq)) return void notFound(res);
      const data = await playout.segment(req.params.id, rendition, seq);
      if (!data) return void res.status(404).json({ error: { code: 'segment-gone', message: 'that segment is not on air' } });
      // A channel's segment never changes once on air (a day is far longer than any live window).
      res.set({ 'Content-Type': 'video/mp2t', 'Cache-Control': 'public, max-age=86400, immutable', 'Accept-Ranges': 'bytes' });
      const range = req.range(data.length);
      if (Array.isArray(range) && range.length === 1 && range.type === 'bytes') {
        const { start, end } = range[0]!;
        res.status(206).set('Content-Range', `bytes ${start}-${end}/${data.length}`).send(data.subarray(start, end + 1));
        return;
      }
      res.send(data);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
