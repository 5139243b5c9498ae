// Hangul for the phone pages (/pair, /s/<id>, /feed): Korean titles and names showed as boxes in a
// browser without a Korean system font. The station serves Pretendard (already carried for the covers)
// straight from its npm package; the pages' CSS declares it with a Hangul-only unicode-range (and an
// installed Korean font by name first), so a browser fetches it only when Hangul is on screen. Same
// origin, so the pages' strict CSP (font-src 'self') allows it.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express from 'express';

/** Where the pages' CSS (src/pages/styles/base.css) finds the faces; the two must agree. */
export const HANGUL_FONT_PATH = '/static/fonts/hangul';

/** The files served: one per weight the pages use (400 text, 700 headings and buttons). */
export const HANGUL_FONT_FILES = ['pretendard-latin-400-normal.woff2', 'pretendard-latin-700-normal.woff2'] as const;

const require = createRequire(import.meta.url);
const fontDir = dirname(require.resolve(`@fontsource/pretendard/files/${HANGUL_FONT_FILES[0]}`));

/** Serves exactly HANGUL_FONT_FILES from the package (nothing else in its folder). */
export function hangulFontRoutes(): express.Router {
  const router = express.Router();
  // A font never changes within a package version: cache for a day.
  const files = express.static(fontDir, { index: false, dotfiles: 'deny', maxAge: '1d', fallthrough: false });
  router.use(HANGUL_FONT_PATH, (req, res, next) => {
    if (!(HANGUL_FONT_FILES as readonly string[]).includes(req.path.slice(1))) {
      next();
      return;
    }
    files(req, res, next);
  });
  return router;
}
