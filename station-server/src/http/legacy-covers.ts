// Covers are JPEG since songs were made smaller; a song made before keeps its PNG until
// `compact-songs` converts it. A request for one form of a cover the folder does not hold is served
// the other form, so old links (a shared page, a TV's cached now-playing) and old folders both work.
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MediaStore } from '../media/media-store.js';
import { otherCoverForm } from '../composer/cover-file.js';

const SONG_ID = /^[A-Za-z0-9_-]{6,32}$/;

/** Mounted at /media/songs, before the files are served. */
export function legacyCovers(songsDir: string, media: MediaStore | undefined): (req: Request, res: Response, next: NextFunction) => void {
  const has = (id: string, file: string): Promise<boolean> => (media ? media.has(`songs/${id}`, file) : Promise.resolve(existsSync(join(songsDir, id, file))));
  return (req, _res, next) => {
    const m = /^\/([^/]+)\/([^/]+)$/.exec(req.path);
    const other = m && otherCoverForm(m[2]!);
    if (!m || !other || !SONG_ID.test(m[1]!) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const [, id, file] = m as unknown as [string, string, string];
    void (async () => {
      if (!(await has(id, file)) && (await has(id, other))) req.url = `/${id}/${other}`;
    })().then(() => next(), () => next());
  };
}
