// The hot path of the radio: media playlists and segments. Every listener asks for these every two
// seconds, so each answer must cost next to nothing. `liveAnswer` decides the answer once; the front
// door (live-front-door.ts) writes it straight to the socket, and `serveLive` writes it through
// node:http for the few requests the front door hands over.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Playout } from '../station/playout.js';
import { RENDITIONS, TARGET_DURATION, type RenditionName } from '../station/hls-package.js';
import { IMMUTABLE_CACHE_CONTROL } from '../media/cache-policy.js';

const PATH = /^\/live\/([a-z0-9][a-z0-9-]{0,39})\/(\w+?)(?:\.m3u8|\/(\d{1,12})\.ts)$/;
const RANGE = /^bytes=(\d*)-(\d*)$/;
const renditions = new Set<string>(RENDITIONS.map((r) => r.name));

const CORS = { 'Access-Control-Allow-Origin': '*' };
const PLAYLIST_HEADERS = { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': `public, max-age=${Math.floor(TARGET_DURATION / 2)}`, ...CORS };
const SEGMENT_HEADERS = { 'Content-Type': 'video/mp2t', 'Cache-Control': IMMUTABLE_CACHE_CONTROL, 'Accept-Ranges': 'bytes', ...CORS };
const GONE = Buffer.from('{"error":{"code":"segment-gone","message":"that segment is not on air"}}');

export interface LiveAnswer {
  status: number;
  headers: Readonly<Record<string, string | number>>;
  body: string | Buffer;
}

// The playout hands out the same playlist text until the next segment; encode it once, not per listener.
const encoded = new Map<string, { text: string; bytes: Buffer }>();
function playlistBytes(playout: Playout, channel: string, rendition: RenditionName): Buffer {
  const text = playout.playlist(channel, rendition);
  const key = `${channel}/${rendition}`;
  const hit = encoded.get(key);
  if (hit?.text === text) return hit.bytes;
  const bytes = Buffer.from(text);
  encoded.set(key, { text, bytes });
  return bytes;
}

/** The live playlist or segment a path names, or undefined when the path is not one (someone else answers). */
export function isLivePath(playout: Playout, path: string): boolean {
  const match = PATH.exec(path);
  return !!match && renditions.has(match[2]!) && !!playout.channel(match[1]!);
}

/** A listener fetched a channel's media playlist (the statistics count them: stats/listener-counter.ts);
 *  `memo` is the connection's own, kept between its requests. */
export type PlaylistHeard = (channel: string, address: string | undefined, agent: string | undefined, memo?: object) => void;

/** The answer to a GET or HEAD of a live path (see isLivePath); segments may take a disk read.
 *  `onPlaylist` hears each media playlist answered. */
export function liveAnswer(playout: Playout, path: string, range: string | undefined, onPlaylist?: (channel: string) => void): LiveAnswer | Promise<LiveAnswer> {
  const [, channel, rendition, seq] = PATH.exec(path) as unknown as [string, string, RenditionName, string | undefined];
  if (seq === undefined) {
    onPlaylist?.(channel);
    return { status: 200, headers: PLAYLIST_HEADERS, body: playlistBytes(playout, channel, rendition) };
  }
  return playout.segment(channel, rendition, Number(seq)).then((data): LiveAnswer => {
    if (!data) return { status: 404, headers: { 'Content-Type': 'application/json', ...CORS }, body: GONE };
    const r = RANGE.exec(range ?? '');
    if (r && (r[1] || r[2])) {
      const start = r[1] ? Number(r[1]) : Math.max(0, data.length - Number(r[2]));
      const end = r[1] && r[2] ? Math.min(Number(r[2]), data.length - 1) : data.length - 1;
      if (start > end || start >= data.length) return { status: 416, headers: { 'Content-Range': `bytes */${data.length}`, ...CORS }, body: '' };
      return { status: 206, headers: { ...SEGMENT_HEADERS, 'Content-Range': `bytes ${start}-${end}/${data.length}` }, body: data.subarray(start, end + 1) };
    }
    return { status: 200, headers: SEGMENT_HEADERS, body: data };
  });
}

/** Answers a live media playlist or segment request through node:http; returns false when the request is not one. */
export function serveLive(playout: Playout, req: IncomingMessage, res: ServerResponse, heard?: PlaylistHeard): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url?.startsWith('/live/')) return false;
  const path = req.url.split('?', 1)[0]!;
  if (!isLivePath(playout, path)) return false;
  const send = (a: LiveAnswer) => {
    res.writeHead(a.status, { ...a.headers, 'Content-Length': Buffer.byteLength(a.body) }).end(req.method === 'HEAD' ? undefined : a.body);
  };
  const fail = () => {
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":{"code":"internal","message":"something went wrong on the station"}}');
  };
  const answer = liveAnswer(playout, path, req.headers.range, heard && ((channel) => heard(channel, req.socket.remoteAddress, req.headers['user-agent'])));
  if (answer instanceof Promise) answer.then(send, fail);
  else send(answer);
  return true;
}
