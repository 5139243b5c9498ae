// The pages people open in a browser: the phone companion (/pair), a song's share page (/s/<id>), the
// public feed (/feed), and their built assets (/static/). Every page goes out with a strict CSP.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import express from 'express';
import type { Library, SongRecord } from '../library/library.js';
import { SONG_FILES } from '../composer/manifest.js';
import { html } from './html.js';
import { sendPage } from './page-layout.js';
import { negotiateLanguage, stringsFor } from './page-strings.js';
import { feedPage } from './feed-page.js';
import { hangulFontRoutes } from './hangul-font.js';
import { notFoundPage, sharePage } from './share-page.js';
import { lyricsFromVtt } from './vtt-lines.js';
import { createOriginOf } from './public-origin.js';

export interface PagesDeps {
  library: Library;
  /** The built browser assets (phone.js, phone.css, site.css, fonts/), served at /static/. */
  publicDir: string;
  /** Which songs the public feed shows (e.g. only those that went on air); default: every song. */
  feedFilter?: (song: SongRecord) => boolean;
  /** Origin for absolute URLs in share cards (e.g. https://radio.example); default: the request's host
   *  when it names this machine, else this machine's LAN address (see public-origin.ts). */
  publicUrl?: string;
  /** Names this machine answers to (default: its hostname and addresses); tests pass their own. */
  hostNames?: Set<string>;
  /** How many songs the feed shows at most. */
  feedLimit?: number;
}

const SONG_ID = /^[A-Za-z0-9_-]{6,32}$/;

async function readLyrics(song: SongRecord): Promise<string[][]> {
  try {
    return lyricsFromVtt(await readFile(join(song.dir, SONG_FILES.lyrics), 'utf8'));
  } catch {
    return []; // a song without lyrics still has a page
  }
}

export function pagesRoutes(deps: PagesDeps): express.Router {
  const router = express.Router();
  const feedLimit = deps.feedLimit ?? 100;
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
      const song = SONG_ID.test(id) ? deps.library.get(id) : undefined;
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
      const page = sharePage({ song, lyrics: await readLyrics(song), origin: originOf(req) });
      // A song never changes once made; a short cache still lets a takedown show up quickly.
      sendPage(res, 200, page, 'public, max-age=300');
    } catch (error) {
      next(error);
    }
  });

  router.get('/feed', (req, res) => {
    const filter = deps.feedFilter ?? (() => true);
    const songs = deps.library.list('song').filter(filter).reverse().slice(0, feedLimit);
    sendPage(res, 200, feedPage(songs, negotiateLanguage(req.get('accept-language'))));
  });

  return router;
}
