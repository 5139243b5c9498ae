// The pages people open in a browser: the phone companion (/pair), a song's share page (/s/<id>), the
// public feed (/feed), and their built assets (/static/). Every page goes out with a strict CSP.
import express from 'express';
import { LANGUAGES, RELATIONS, THEMES } from '@radio-optimism/shared';
import type { SongMatch, SongRecord, Store } from '../library/store.js';
import { LibraryError } from '../library/library-error.js';
import type { MediaStore } from '../media/media-store.js';
import { SONG_FILES } from '../composer/manifest.js';
import { html } from './html.js';
import { sendPage } from './page-layout.js';
import { negotiateLanguage, stringsFor } from './page-strings.js';
import { feedPage } from './feed-page.js';
import { hangulFontRoutes } from './hangul-font.js';
import { notFoundPage, sharePage } from './share-page.js';
import { lyricsFromVtt } from './vtt-lines.js';
import { createOriginOf } from './public-origin.js';
import { nextPageUrl, pageParams } from './page-params.js';

export interface PagesDeps {
  store: Store;
  media: MediaStore;
  /** The built browser assets (phone.js, phone.css, site.css, fonts/), served at /static/. */
  publicDir: string;
  /** Origin for absolute URLs in share cards (e.g. https://radio.example); default: the request's host
   *  when it names this machine, else this machine's LAN address (see public-origin.ts). */
  publicUrl?: string;
  /** Names this machine answers to (default: its hostname and addresses); tests pass their own. */
  hostNames?: Set<string>;
  /** How many songs a page of the feed shows (default 30; `?limit=` up to 200). */
  feedLimit?: number;
}

const SONG_ID = /^[A-Za-z0-9_-]{6,32}$/;

async function readLyrics(media: MediaStore, song: SongRecord): Promise<string[][]> {
  try {
    const text = await media.read(`songs/${song.id}`, SONG_FILES.lyrics);
    return text ? lyricsFromVtt(text.toString('utf8')) : [];
  } catch {
    return []; // a song without lyrics still has a page
  }
}

/** The feed's filters: each a known value, or a one-line reason it was refused. */
const FEED_FILTERS = { language: LANGUAGES, theme: THEMES, relation: RELATIONS } as const;
function feedMatch(query: express.Request['query']): { ok: true; match: SongMatch } | { ok: false; message: string } {
  const match: SongMatch = {};
  for (const [name, known] of Object.entries(FEED_FILTERS) as [keyof typeof FEED_FILTERS, readonly string[]][]) {
    const value = query[name];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string' || !known.includes(value)) return { ok: false, message: `${name} must be one of ${known.join(', ')}` };
    match[name] = [value];
  }
  return { ok: true, match };
}

export function pagesRoutes(deps: PagesDeps): express.Router {
  const router = express.Router();
  const feedLimit = deps.feedLimit ?? 30;
  const originOf = createOriginOf(deps.publicUrl, deps.hostNames);

  router.use(hangulFontRoutes());
  router.use('/static', express.static(deps.publicDir, { index: false, dotfiles: 'deny', maxAge: '5m', fallthrough: true }));

  router.get('/pair', (req, res) => {
    const lang = negotiateLanguage(req.get('accept-language'));
    const s = stringsFor(lang);
    // The phone app renders itself (phone.js) and picks its language from the browser; the shell
    // only holds the mount point and a message for browsers without JavaScript.
    const body = html`<div id="app" class="app"><noscript><p class="noscript">${s.needsScript}</p></noscript></div>`;
    sendPage(res, 200, { lang, title: `${s.pairTitle} · Radio Optimism`, body, stylesheet: 'phone.css', script: 'phone.js', bodyClass: 'phone' });
  });

  router.get('/s/:id', async (req, res, next) => {
    try {
      const id = req.params.id;
      const song = SONG_ID.test(id) ? await deps.store.songs.get(id) : undefined;
      // Private songs (sent to a TV) are shared by their link, which only the sender has; they are in no feed.
      if (!song || song.kind === 'jingle') {
        sendPage(res, 404, notFoundPage(negotiateLanguage(req.get('accept-language'))));
        return;
      }
      // Taken down by an operator: gone for good, and caches should forget it.
      if (song.kind === 'removed') {
        sendPage(res, 410, notFoundPage(negotiateLanguage(req.get('accept-language'))), 'no-store');
        return;
      }
      const page = sharePage({ song, lyrics: await readLyrics(deps.media, song), origin: originOf(req) });
      // A song never changes once made; a short cache still lets a takedown show up quickly.
      sendPage(res, 200, page, 'public, max-age=300');
    } catch (error) {
      next(error);
    }
  });

  router.get('/feed', async (req, res) => {
    const lang = negotiateLanguage(req.get('accept-language'));
    const refuse = (message: string) => sendPage(res, 400, { lang, title: 'Radio Optimism', body: html`<main class="sheet feed"><h1>Radio Optimism</h1><p class="lead">${message}</p><p><a href="/feed">/feed</a></p></main>`, stylesheet: 'site.css', bodyClass: 'site' }, 'no-store');
    const page = pageParams(req.query, feedLimit);
    if (!page.ok) return refuse(page.message);
    const filters = feedMatch(req.query);
    if (!filters.ok) return refuse(filters.message);
    try {
      const found = await deps.store.songs.page('song', filters.match, { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) });
      sendPage(res, 200, feedPage(found.items, lang, found.next ? nextPageUrl(req, found.next) : undefined));
    } catch (error) {
      if (error instanceof LibraryError && error.code === 'bad-cursor') return refuse(error.message);
      throw error;
    }
  });

  return router;
}
