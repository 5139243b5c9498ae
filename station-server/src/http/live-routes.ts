// The radio over HTTP: channel list, now playing, and the live HLS playlists cut on request.
import { Router, type Response } from 'express';
import type { Store } from '../library/store.js';
import type { Playout } from '../station/playout.js';
import { multivariantPlaylist, itemEndMs, type AirItem } from '../station/timeline.js';
import { TARGET_DURATION } from '../station/hls-package.js';
import { SONG_FILES } from '../composer/manifest.js';

export async function itemView(store: Store, item: AirItem | undefined) {
  if (!item) return null;
  const song = await store.songs.get(item.songId);
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

export async function nowView(store: Store, playout: Playout, channel: string) {
  const { current, next } = playout.nowPlaying(channel);
  return { channel, serverTime: new Date().toISOString(), current: await itemView(store, current), next: await itemView(store, next) };
}

const sendPlaylist = (res: Response, text: string) => {
  // Playlists change every segment: players must re-fetch, caches may hold them for under a segment.
  res.set({ 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': `public, max-age=${Math.floor(TARGET_DURATION / 2)}` }).send(text);
};

export function liveRoutes(store: Store, playout: Playout): Router {
  const router = Router();
  const notFound = (res: Response) => res.status(404).json({ error: { code: 'unknown-channel', message: 'no such channel' } });

  router.get('/api/v1/channels', async (_req, res) => {
    res.json(await Promise.all(playout.channels().map(async (c) => ({ id: c.id, name: c.name, description: c.description, hls: `/live/${c.id}/index.m3u8`, now: await itemView(store, playout.nowPlaying(c.id).current) }))));
  });
  router.get('/api/v1/channels/:id/now', async (req, res) => {
    if (!playout.channel(req.params.id)) return void notFound(res);
    res.set('Cache-Control', 'no-cache').json(await nowView(store, playout, req.params.id));
  });
  router.get('/live/:id/index.m3u8', (req, res) => {
    if (!playout.channel(req.params.id)) return void notFound(res);
    sendPlaylist(res, multivariantPlaylist());
  });
  // Media playlists and segments are served by the fast path (live-fast-path.ts).
  return router;
}
