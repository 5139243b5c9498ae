// HTTP routes of the station (names in docs/ARCHITECTURE.md). Errors leave as {error: {code, message}}, never a stack.
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkSongRequest } from '@radio-optimism/shared';
import type { Store } from '../library/store.js';
import { LibraryError } from '../library/library-error.js';
import { songView } from '../library/song-view.js';
import type { SongQueue } from '../songs/song-queue.js';
import { acceptSong } from '../songs/accepted-songs.js';
import { nextPageUrl, pageParams } from './page-params.js';
import { createRateLimiter } from '../pairing/rate-limit.js';
import type { OperatorGuard } from './operator-auth.js';
import { TV_CONTENT_SECURITY_POLICY } from './tv-csp.js';
import { addressLimit } from './address-limit.js';
import type { MediaStore } from '../media/media-store.js';
import { mediaFiles } from './media-files.js';
import { GROWING_PLAYLIST_CACHE_CONTROL, isGrowingPlaylist } from '../media/cache-policy.js';
import { legacyCovers } from './legacy-covers.js';
import { growingPlaylists } from './growing-playlists.js';

export interface AppDeps {
  store: Store;
  queue: SongQueue;
  /** The local folder songs' files are served from (DATA_DIR/media/songs). */
  songsDir: string;
  /** When it is not a local folder (S3), songs' files are streamed from it instead of songsDir. */
  media?: MediaStore;
  /** Routes mounted before the 404 handler (the radio, the pages). */
  routers?: express.RequestHandler[];
  /** The built TV app, served at /tv/. */
  tvAppDir?: string;
  /** Lets only operators through (POST /api/v1/songs makes songs on the station's composer). */
  operatorOnly: OperatorGuard;
  /** Songs the operator credential may ask for per hour through the API (API_SONG_LIMIT_PER_HOUR). */
  apiSongsPerHour?: number;
  /** Requests per address per minute on these routes (HTTP_LIMIT_PER_MINUTE). */
  requestsPerMinute?: number;
  log?: (line: string) => void;
}

const SONG_ID = /^[A-Za-z0-9_-]{6,32}$/;

// Pinned rather than guessed from a MIME database: ".ts" is also TypeScript to some of them.
const MEDIA_TYPES: Record<string, string> = {
  '.ts': 'video/mp2t',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4a': 'audio/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.wav': 'audio/wav',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.mid': 'audio/midi',
  '.json': 'application/json; charset=utf-8',
};

const TV_APP_BUILDING = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="20"><title>Radio Optimism</title></head>
<body style="background:#1b1030;color:#fff;font:32px/1.4 sans-serif;display:grid;place-items:center;height:100vh;margin:0">
<p>The TV app is being built on the station (first start only). This page reloads by itself in a moment.</p></body></html>`;

export function createApp({ store, queue, songsDir, media, routers = [], tvAppDir, operatorOnly, apiSongsPerHour = 60, requestsPerMinute = 600, log = (line: string) => console.error(line) }: AppDeps): express.Express {
  const app = express();
  // One operator credential, so one budget: a leaked or looping script cannot fill the composer.
  const apiSongs = createRateLimiter(apiSongsPerHour, 60 * 60_000);
  app.disable('x-powered-by');
  app.use(addressLimit(requestsPerMinute));
  app.use(express.json({ limit: '16kb' }));
  // The TV app may be served from elsewhere (a webOS package loads from file://): reads are public.
  app.use((req, res, next) => {
    res.set('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.set({ 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type, Range', 'Access-Control-Max-Age': '600' }).status(204).end();
      return;
    }
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // A page of the library, newest first: still a JSON array (the contract), the next page in a Link header.
  app.get('/api/v1/songs', async (req, res) => {
    const page = pageParams(req.query);
    if (!page.ok) return void res.status(400).json({ error: { code: page.code, message: page.message } });
    try {
      const found = await store.songs.page('song', {}, { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) });
      if (found.next) res.set('Link', `<${nextPageUrl(req, found.next)}>; rel="next"`);
      res.json(found.items.map(songView));
    } catch (error) {
      if (error instanceof LibraryError && error.code === 'bad-cursor') return void res.status(400).json({ error: { code: error.code, message: error.message } });
      throw error;
    }
  });

  // Operator-made songs are private (shareable by their link, on no channel, in no feed), like a TV
  // dedication; the phone flow is how listeners send songs.
  app.post('/api/v1/songs', operatorOnly, async (req, res) => {
    const checked = checkSongRequest(req.body);
    if (!checked.ok) {
      res.status(400).json({ error: { code: 'invalid-request', field: checked.field, message: checked.message } });
      return;
    }
    if (!apiSongs.take('operator')) {
      res.status(429).set('Retry-After', '600').json({ error: { code: 'rate-limited', message: `at most ${apiSongsPerHour} songs an hour through the API: wait and try again` } });
      return;
    }
    const full = await queue.full('operator');
    if (full) {
      res.status(503).set('Retry-After', String(full.retryAfterSec)).json({ error: { code: full.code, message: full.message } });
      return;
    }
    const id = await acceptSong(store, queue, checked.request, 'operator', log);
    const state = await queue.state(id);
    res.status(202).location(`/api/v1/songs/${id}`).json({ id, status: state?.status ?? 'queued', position: state?.position ?? 0 });
  });

  app.get('/api/v1/songs/:id', async (req, res) => {
    const id = req.params.id;
    const song = SONG_ID.test(id) ? await store.songs.get(id) : undefined;
    if (song?.kind === 'removed') {
      res.status(410).json({ error: { code: 'gone', message: 'that song was taken down' } });
      return;
    }
    if (song) {
      res.json(songView(song));
      return;
    }
    const job = SONG_ID.test(id) ? await queue.state(id) : undefined;
    if (job) {
      res.json({ id: job.id, status: job.status, stage: job.stage, ...(job.error ? { error: job.error } : {}) });
      return;
    }
    res.status(404).json({ error: { code: 'not-found', message: 'no song with that id' } });
  });

  for (const router of routers) app.use(router);
  if (tvAppDir) {
    // express.static redirects /tv to /tv/ itself (a route of our own here would also match /tv/ and loop).
    app.use('/tv', (_req: Request, res: Response, next: NextFunction) => {
      res.set({ 'Content-Security-Policy': TV_CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' });
      next();
    });
    app.use('/tv', express.static(tvAppDir, { index: 'index.html', maxAge: 0 }));
    // On a first start the app is built in the background while the station goes on air.
    app.use('/tv', (_req: Request, res: Response, next: NextFunction) => {
      if (existsSync(join(tvAppDir, 'index.html'))) return next();
      res.status(503).set('Retry-After', '20').type('html').send(TV_APP_BUILDING);
    });
  }

  // A song an operator took down is gone: its files are deleted, and this says so rather than 404.
  app.use('/media/songs/:id', async (req: Request, res: Response, next: NextFunction) => {
    const id = String(req.params.id);
    if (SONG_ID.test(id) && (await store.songs.get(id))?.kind === 'removed') {
      res.status(410).set('Cache-Control', 'no-store').json({ error: { code: 'gone', message: 'that song was taken down' } });
      return;
    }
    next();
  });
  app.use('/media/songs', legacyCovers(songsDir, media));
  if (media && media.kind !== 'local') app.use('/media/songs', mediaFiles(media, log));
  app.use('/media/songs', growingPlaylists(songsDir));
  // Song files never change once written, so they can be cached for good.
  app.use(
    '/media/songs',
    express.static(songsDir, {
      immutable: true,
      maxAge: '365d',
      dotfiles: 'deny',
      index: false,
      setHeaders: (res, path) => {
        const type = MEDIA_TYPES[path.slice(path.lastIndexOf('.'))];
        if (type) res.setHeader('Content-Type', type);
        // A song's playlist grows while the song is made: a player must see each new segment.
        if (isGrowingPlaylist(path, existsSync)) res.setHeader('Cache-Control', GROWING_PLAYLIST_CACHE_CONTROL);
      },
    }),
  );

  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not-found', message: 'nothing here' } });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    const message = status === 400 ? 'the request body is not valid JSON' : status === 413 ? 'the request body is too large' : 'something went wrong on the station';
    res.status(status).json({ error: { code: status === 500 ? 'internal' : 'bad-request', message } });
  });
  return app;
}
