// Songs' files served from a media store that is not a local folder (S3): GET and HEAD of
// /media/songs/<id>/<file>, streamed through MediaStore.open with byte ranges, the Content-Type the
// station pins, and the cache policy a CDN in front needs (published files never change; a song's
// playlist stored while the song is made grows, and is served uncached). A body
// nobody reads (HEAD, a client gone) is destroyed, so no S3 connection is held open for it.
import type { NextFunction, Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { MediaStore } from '../media/media-store.js';
import { servedCacheControl } from '../media/cache-policy.js';
import { contentTypeOf } from '../media/content-type.js';

const SONG_ID = /^[A-Za-z0-9_-]{6,32}$/;
const FILE = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){0,4}$/;

type Range = { start: number; end: number } | 'unsatisfiable' | undefined;

/** One `bytes=` range of a file of `size` bytes (several ranges are answered whole, as RFC 9110 allows). */
export function parseRange(header: string | undefined, size: number): Range {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** Sends one stored file of `key`, with byte ranges; undefined when the store has no such file
 *  (nothing is sent then). `headers` replace the ones the file's name implies. */
export async function sendStoredFile(media: MediaStore, key: string, file: string, req: Request, res: Response, headers: Record<string, string> = {}): Promise<true | undefined> {
  const whole = await media.open(key, file);
  if (!whole) return undefined;
  const range = parseRange(req.headers.range, whole.size);
  const all = { 'Content-Type': contentTypeOf(file), 'Cache-Control': servedCacheControl(file, whole.cacheControl), 'Accept-Ranges': 'bytes', ...headers };
  if (range === 'unsatisfiable') {
    whole.body.destroy();
    res.status(416).set({ ...all, 'Content-Range': `bytes */${whole.size}` }).end();
    return true;
  }
  let body = whole.body;
  if (range) {
    whole.body.destroy();
    const part = await media.open(key, file, range);
    if (!part) return undefined;
    body = part.body;
    res.status(206).set({ ...all, 'Content-Range': `bytes ${range.start}-${range.end}/${whole.size}`, 'Content-Length': String(range.end - range.start + 1) });
  } else res.status(200).set({ ...all, 'Content-Length': String(whole.size) });
  if (req.method === 'HEAD') {
    body.destroy();
    res.end();
    return true;
  }
  res.once('close', () => body.destroy());
  await pipeline(body, res).catch(() => undefined);
  return true;
}

export function mediaFiles(media: MediaStore, log: (line: string) => void): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = decodeURIComponent(req.path).replace(/^\//, '');
    const slash = path.indexOf('/');
    const id = path.slice(0, slash);
    const file = path.slice(slash + 1);
    if (slash < 0 || !SONG_ID.test(id) || !FILE.test(file)) return next();
    void (async () => {
      if (!(await sendStoredFile(media, `songs/${id}`, file, req, res))) next();
    })().catch((error: unknown) => {
      log(`media ${path}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.status(503).set('Retry-After', '5').json({ error: { code: 'media-unavailable', message: 'the song\'s files cannot be read just now: try again shortly' } });
      else res.destroy();
    });
  };
}
