// The station's front door: the one TCP listener. Live playlist and segment requests, nearly all of a
// station's traffic, are answered right here with a prebuilt header block; any other connection
// (pages, API, WebSocket upgrades, HTTP/1.0, a request split over packets, anything unusual) is handed,
// bytes and all, to the node:http server, which answers it as if it had accepted it.
// Why by hand: serving the same fixed playlist and segment to 10,000 simulated listeners on this
// 2-core machine cost 54% of a core through node:http (p99 80 ms) and 30% this way (p99 28 ms).
import { createServer, type Server, type Socket } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import type { Playout } from '../station/playout.js';
import { isLivePath, liveAnswer, type LiveAnswer, type PlaylistHeard } from './live-fast-path.js';

const STATUS: Record<number, string> = { 200: 'OK', 206: 'Partial Content', 404: 'Not Found', 416: 'Range Not Satisfiable', 500: 'Internal Server Error' };
const FAILED: LiveAnswer = { status: 500, headers: { 'Content-Type': 'application/json' }, body: '{"error":{"code":"internal","message":"something went wrong on the station"}}' };

interface LiveRequest {
  head: boolean;
  path: string;
  range: string | undefined;
  close: boolean;
  agent: string | undefined;
}

/** A request this door answers itself, or undefined to hand the connection to node:http. */
export function parse(head: string, playout: Playout): LiveRequest | undefined {
  const lineEnd = head.indexOf('\r\n');
  const [method, target, version] = (lineEnd < 0 ? head : head.slice(0, lineEnd)).split(' ');
  if ((method !== 'GET' && method !== 'HEAD') || version !== 'HTTP/1.1' || !target?.startsWith('/live/')) return undefined;
  const path = target.split('?', 1)[0]!;
  if (!isLivePath(playout, path)) return undefined;
  let range: string | undefined;
  let agent: string | undefined;
  let close = false;
  for (const line of lineEnd < 0 ? [] : head.slice(lineEnd + 2).split('\r\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'range') range = value;
    else if (name === 'user-agent') agent = value;
    else if (name === 'connection') close = /\bclose\b/i.test(value);
    // A body, an upgrade or an expectation is not a plain live GET: node:http knows what to do.
    else if (name === 'content-length' || name === 'transfer-encoding' || name === 'upgrade' || name === 'expect') return undefined;
  }
  return { head: method === 'HEAD', path, range, close, agent };
}

let dateSecond = 0;
let dateLine = '';
const date = (): string => {
  const now = Date.now();
  if (now - dateSecond >= 1000) {
    dateSecond = now - (now % 1000);
    dateLine = `Date: ${new Date(dateSecond).toUTCString()}\r\n`;
  }
  return dateLine;
};

// The header block of each answer shape (playlist, whole segment) is built once.
const blocks = new WeakMap<object, string>();
const block = (headers: LiveAnswer['headers']): string => {
  let text = blocks.get(headers);
  if (text === undefined) {
    text = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    blocks.set(headers, text);
  }
  return text;
};

export interface FrontDoor {
  server: Server;
  /** Stops accepting and closes the connections this door still holds (handed-off ones belong to node:http). */
  close(): Promise<void>;
}

/**
 * `idleMs`: how long a kept-alive connection may wait between requests; `headMs`: how long a new one
 * may take to send its first request (a partial head goes on to node:http, which has its own
 * headersTimeout, so a slow head is bounded on every path). `heard` is told of each media playlist
 * answered here, with the client's address and user agent (the listener statistics).
 */
export function createFrontDoor(playout: Playout, http: HttpServer, idleMs: number, headMs = idleMs, heard?: PlaylistHeard): FrontDoor {
  const sockets = new Set<Socket>();

  const write = (socket: Socket, request: LiveRequest, answer: LiveAnswer) => {
    const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
    const head = `HTTP/1.1 ${answer.status} ${STATUS[answer.status] ?? ''}\r\n${date()}${block(answer.headers)}Content-Length: ${body.length}\r\n${request.close ? 'Connection: close\r\n' : `Keep-Alive: timeout=${Math.floor(idleMs / 1000)}\r\n`}\r\n`;
    socket.cork();
    socket.write(head, 'latin1');
    if (!request.head && body.length) socket.write(body);
    socket.uncork();
    if (request.close) socket.end();
  };

  const server = createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setTimeout(Math.min(idleMs, headMs), () => socket.destroy());
    let answered = false;
    let pending = ''; // bytes as latin1, so handing them over restores them exactly
    let waiting = false; // a segment is being read; later requests wait their turn (pipelining)
    const memo = {}; // the listener statistics' note of this connection's session

    const handOff = () => {
      socket.removeListener('data', onData);
      socket.setTimeout(0);
      sockets.delete(socket);
      if (pending) socket.unshift(Buffer.from(pending, 'latin1'));
      pending = '';
      http.emit('connection', socket);
    };
    const pump = () => {
      while (!waiting && pending) {
        const end = pending.indexOf('\r\n\r\n');
        const request = end < 0 ? undefined : parse(pending.slice(0, end), playout);
        if (!request) return handOff();
        pending = pending.slice(end + 4);
        if (!answered) {
          answered = true;
          socket.setTimeout(idleMs); // a player: between its polls it may idle as long as keep-alive allows
        }
        let answer: LiveAnswer | Promise<LiveAnswer>;
        try {
          answer = liveAnswer(playout, request.path, request.range, heard && ((channel) => heard(channel, socket.remoteAddress, request.agent, memo)));
        } catch {
          answer = FAILED; // a throw here would escape the socket's data handler and end the process
        }
        if (!(answer instanceof Promise)) {
          write(socket, request, answer);
          if (request.close) return; // the client asked to close: nothing after this is answered
          continue;
        }
        waiting = true;
        answer
          .catch(() => FAILED)
          .then((a) => {
            waiting = false;
            if (socket.destroyed) return;
            write(socket, request, a);
            if (!request.close) pump();
          });
      }
    };
    const onData = (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      pump();
    };
    socket.on('data', onData);
  });

  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
