// The hot path of the radio: media playlists and segments, answered on the raw Node server without
// the express stack. Every listener asks for these every two seconds, so each request must cost
// next to nothing; everything else goes to express.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Playout } from '../station/playout.js';
import { RENDITIONS, TARGET_DURATION, type RenditionName } from '../station/hls-package.js';

const PATH = /^\/live\/([a-z0-9][a-z0-9-]{0,39})\/(\w+?)(?:\.m3u8|\/(\d{1,12})\.ts)$/;
const RANGE = /^bytes=(\d*)-(\d*)$/;
const renditions = new Set<string>(RENDITIONS.map((r) => r.name));

const PLAYLIST_HEADERS = {
  'Content-Type': 'application/vnd.apple.mpegurl',
  'Cache-Control': `public, max-age=${Math.floor(TARGET_DURATION / 2)}`,
  'Access-Control-Allow-Origin': '*',
};
const SEGMENT_HEADERS = {
  'Content-Type': 'video/mp2t',
  'Cache-Control': 'public, max-age=86400, immutable',
  'Access-Control-Allow-Origin': '*',
  'Accept-Ranges': 'bytes',
};

/** Answers a live media playlist or segment request; returns false when the request is not one. */
export function serveLive(playout: Playout, req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url?.startsWith('/live/')) return false;
  const match = PATH.exec(req.url.split('?', 1)[0]!);
  if (!match || !renditions.has(match[2]!) || !playout.channel(match[1]!)) return false;
  const [, channel, rendition, seq] = match as unknown as [string, string, RenditionName, string | undefined];
  const head = req.method === 'HEAD';
  if (seq === undefined) {
    const text = playout.playlist(channel, rendition);
    res.writeHead(200, { ...PLAYLIST_HEADERS, 'Content-Length': Buffer.byteLength(text) }).end(head ? undefined : text);
    return true;
  }
  playout.segment(channel, rendition, Number(seq)).then(
    (data) => {
      if (!data) {
        res.writeHead(404, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end('{"error":{"code":"segment-gone","message":"that segment is not on air"}}');
        return;
      }
      const range = RANGE.exec(req.headers.range ?? '');
      if (range && (range[1] || range[2])) {
        const start = range[1] ? Number(range[1]) : Math.max(0, data.length - Number(range[2]));
        const end = range[1] && range[2] ? Math.min(Number(range[2]), data.length - 1) : data.length - 1;
        if (start > end || start >= data.length) {
          res.writeHead(416, { 'Content-Range': `bytes */${data.length}`, 'Access-Control-Allow-Origin': '*' }).end();
          return;
        }
        res.writeHead(206, { ...SEGMENT_HEADERS, 'Content-Range': `bytes ${start}-${end}/${data.length}`, 'Content-Length': end - start + 1 }).end(head ? undefined : data.subarray(start, end + 1));
        return;
      }
      res.writeHead(200, { ...SEGMENT_HEADERS, 'Content-Length': data.length }).end(head ? undefined : data);
    },
    () => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":{"code":"internal","message":"something went wrong on the station"}}');
    },
  );
  return true;
}
