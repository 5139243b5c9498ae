// A song's playlist while the song is made is replaced (renamed over) each time it grows, and once
// more when it turns VOD. express.static streams a file by the size it saw first, so a player could
// get it cut short; the playlist is small, so it is read whole and sent from memory.
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { GROWING_PLAYLIST_CACHE_CONTROL, isGrowingPlaylist } from '../media/cache-policy.js';
import { contentTypeOf } from '../media/content-type.js';

export function growingPlaylists(songsDir: string): (req: Request, res: Response, next: NextFunction) => void {
  const root = resolve(songsDir);
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.endsWith('.m3u8')) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const path = resolve(root, `.${relative}`);
    // Outside the songs folder, or a dot file: left to the static files' own refusal.
    if (!path.startsWith(root + sep) || relative.split('/').some((part) => part.startsWith('.'))) return next();
    if (!isGrowingPlaylist(path, existsSync)) return next();
    readFile(path).then(
      (body) => {
        res.status(200).set({ 'Content-Type': contentTypeOf(path), 'Cache-Control': GROWING_PLAYLIST_CACHE_CONTROL, 'Content-Length': String(body.length) });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => next(),
    );
  };
}
