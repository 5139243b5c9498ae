// The WebSocket hub on /ws: the only holder of sockets. Every frame is validated before dispatch;
// a bad one gets `error {code, message}` and changes nothing. TVs get pairing codes, phones pair and
// send dedications, and now-playing changes are pushed to subscribers. Every frame is charged to its
// socket's and its address's budget first; a flooding socket is closed before it costs anyone else.
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { checkClientFrame, checkSongRequest, CloseCode, MAX_FRAME_BYTES, ServerMessage, type ClientFrame, type ErrorCode } from '@radio-optimism/shared';
import type { PairingStore } from '../library/pairing-store.js';
import type { Dedications } from './dedications.js';
import { createCodeBook } from './codes.js';
import { createRateLimiter } from './rate-limit.js';
import { addressKey, siteKey } from '../address-key.js';
import { createFrameMeter, type FrameKind } from './frame-budget.js';
import { hubLimits, type HubLimits } from './hub-limits.js';

export { DEFAULT_HUB_LIMITS, type HubLimits } from './hub-limits.js';

export interface HubOptions {
  server: Server;
  store: PairingStore;
  dedications: () => Dedications;
  hasChannel(id: string): boolean;
  now(channel: string): unknown;
  /** Where a phone opens to pair, for the QR code: `${publicUrl}/pair?code=...` (default: the request's host). */
  publicUrl?: string;
  /** Browser origins allowed besides the station's own (the TV app may load from file://). */
  allowedOrigins?: string[];
  codeTtlMs?: number;
  limits?: Partial<HubLimits>;
  log?: (line: string) => void;
  /** The client's address (default: the socket's peer); a unit test's edge, or a trusted proxy's header. */
  addressOf?: (req: IncomingMessage) => string | undefined;
}

export interface Hub {
  publishNow(channel: string, now: unknown): void;
  toPhone(phoneId: string, frame: object): void;
  toTv(tvId: string, frame: object): void;
  clients(): number;
  destroy(): Promise<void>;
}

interface Client {
  ws: WebSocket;
  /** The address key every per-address limit counts under (IPv6 by /64, mapped IPv4 unwrapped). */
  ip: string;
  /** The IPv6 /48 (or the IPv4 address) it belongs to, for the site-wide guessing budget. */
  site: string;
  budget: ReturnType<ReturnType<typeof createFrameMeter>['socket']>;
  alive: boolean;
  closing: boolean;
  host: string;
  channels: Set<string>;
  tvId?: string;
  phoneId?: string;
}

export function createHub(options: HubOptions): Hub {
  const { store } = options;
  const codes = createCodeBook(options.codeTtlMs ?? 10 * 60_000);
  const limits = hubLimits(options.limits);
  const pairAttempts = createRateLimiter(limits.pairPerIpPerMinute, 60_000);
  // What keeps a code guesser out survives a restart.
  const wrongGuesses = createRateLimiter(limits.wrongCodesPerIp, 10 * 60_000, { store: store.limits('wrong-codes') });
  const wrongBySite = createRateLimiter(limits.wrongCodesPerSite, 10 * 60_000, { store: store.limits('wrong-codes-site') });
  const addressOf = options.addressOf ?? ((req: IncomingMessage) => req.socket.remoteAddress);
  // Across the station, only to tell the operator: replacing codes here would let guessers lock every
  // honest viewer out of pairing, so each address's own budget is what stops them.
  const globalWrong = createRateLimiter(50, 60_000);
  const frames = createFrameMeter(limits.frames);
  const socketsOf = new Map<string, number>();
  const songsPerPhone = createRateLimiter(limits.songsPerPhone, 10 * 60_000);
  const songsPerIp = createRateLimiter(limits.songsPerIpPerHour, 60 * 60_000);
  const clients = new Set<Client>();

  const originAllowed = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    if (!origin || origin === 'null' || origin.startsWith('file://')) return true; // native clients, webOS packages
    try {
      return new URL(origin).host === req.headers.host || (options.allowedOrigins ?? []).includes(origin);
    } catch {
      return false;
    }
  };
  const wss = new WebSocketServer({
    server: options.server,
    path: '/ws',
    maxPayload: MAX_FRAME_BYTES * 2,
    verifyClient: ({ req }: { req: IncomingMessage }, done: (ok: boolean, code?: number, message?: string) => void) => {
      if (!originAllowed(req)) return done(false, 403, 'Forbidden');
      if ((socketsOf.get(addressKey(addressOf(req))) ?? 0) >= limits.socketsPerAddress) return done(false, 429, 'Too Many Requests');
      done(true);
    },
  });
  /** Closes an abusive socket with a reason; if the peer never answers the close, it is cut off. */
  const loggedCloses = createRateLimiter(20, 60_000);
  const shut = (c: Client, code: number, reason: string) => {
    if (c.closing) return;
    c.closing = true;
    // A few lines a minute tell the operator; a reconnecting flooder must not flood the log too.
    if (loggedCloses.take('closes')) options.log?.(`ws ${c.ip}: closed, ${reason}`);
    c.ws.close(code, reason);
    // Read no more of what it sent: a burst already in the socket's buffers costs nothing further.
    c.ws.pause();
    setTimeout(() => c.ws.terminate(), 2000).unref();
  };

  const send = (ws: WebSocket, frame: object) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const error = (c: Client, code: ErrorCode, message: string) => send(c.ws, { type: ServerMessage.Error, code, message });
  const each = (match: (c: Client) => boolean, frame: object) => {
    const text = JSON.stringify(frame);
    for (const c of clients) if (match(c) && c.ws.readyState === c.ws.OPEN) c.ws.send(text);
  };
  const toPhone = (phoneId: string, frame: object) => each((c) => c.phoneId === phoneId, frame);
  const toTv = (tvId: string, frame: object) => each((c) => c.tvId === tvId, frame);
  const phonesOf = (tvId: string) => store.phones(tvId).map((p) => ({ id: p.id, name: p.name, pairedAt: p.pairedAt }));
  const pairingUrl = (c: Client, code: string) => `${options.publicUrl ?? `http://${c.host}`}/pair?code=${code}`;
  const welcome = (c: Client, tvId: string, token?: string) => {
    const { code, expiresAt } = codes.issue(tvId);
    send(c.ws, { type: ServerMessage.TvWelcome, tvId, ...(token ? { token } : {}), pairingCode: code, pairingUrl: pairingUrl(c, code), expiresAt: new Date(expiresAt).toISOString(), phones: phonesOf(tvId) });
  };

  const handlers: { [T in ClientFrame['type']]: (c: Client, frame: Extract<ClientFrame, { type: T }>) => void } = {
    'channel.subscribe': (c, f) => {
      if (!options.hasChannel(f.channel)) return error(c, 'unknown-channel', `no channel "${f.channel}"`);
      c.channels.add(f.channel);
      send(c.ws, { type: ServerMessage.Now, ...(options.now(f.channel) as object) });
    },
    'tv.hello': (c, f) => {
      // A TV that was here before keeps its identity (and its paired phones) with its token.
      const known = f.tvId && f.token ? store.tv(f.tvId, f.token) : undefined;
      if (known) {
        c.tvId = known.id;
        store.tvs.seen(known.id);
        return welcome(c, known.id);
      }
      const tv = store.addTv();
      c.tvId = tv.id;
      welcome(c, tv.id, tv.token);
    },
    'tv.unpair': (c, f) => {
      if (!c.tvId) return error(c, 'not-a-tv', 'say tv.hello first');
      const phone = store.phones(c.tvId).find((p) => p.id === f.phoneId);
      if (!phone) return error(c, 'not-paired', 'that phone is not paired with this TV');
      store.removePhone(phone.id);
      toPhone(phone.id, { type: ServerMessage.PhoneLeft, reason: 'unpaired-by-tv' });
      for (const other of clients) if (other.phoneId === phone.id) delete other.phoneId;
      toTv(c.tvId, { type: ServerMessage.TvPhones, phones: phonesOf(c.tvId) });
    },
    'phone.pair': (c, f) => {
      if (!pairAttempts.take(c.ip) || wrongGuesses.remaining(c.ip) === 0 || wrongBySite.remaining(c.site) === 0) return error(c, 'rate-limited', 'too many tries: wait a few minutes and try again');
      const found = codes.redeem(f.code);
      if (!found || 'expired' in found) {
        wrongGuesses.take(c.ip);
        if (c.site !== c.ip) wrongBySite.take(c.site);
        if (!found && !globalWrong.take('all') && globalWrong.remaining('logged') > 0) {
          globalWrong.take('logged');
          options.log?.('many wrong pairing codes this minute: each address is held to its own budget');
        }
        return error(c, found ? 'code-expired' : 'bad-code', found ? 'that code has expired: look at the TV for a new one' : 'no TV shows that code: check it and try again');
      }
      const name = (f.name ?? '').normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, 40) || 'Phone';
      const { phone, sessionToken } = store.pairPhone(found.tvId, name);
      c.phoneId = phone.id;
      send(c.ws, { type: ServerMessage.PhonePaired, sessionToken, tvId: phone.tvId, phoneId: phone.id });
      toTv(found.tvId, { type: ServerMessage.TvPhones, phones: phonesOf(found.tvId) });
      // The code is used: the TV shows a fresh one for the next phone.
      for (const tv of clients) if (tv.tvId === found.tvId) welcome(tv, found.tvId);
    },
    'phone.resume': (c, f) => {
      const phone = store.phoneBySession(f.sessionToken);
      if (!phone) return error(c, 'not-paired', 'this phone is no longer paired: pair again with the code on the TV');
      c.phoneId = phone.id;
      send(c.ws, { type: ServerMessage.PhonePaired, sessionToken: f.sessionToken, tvId: phone.tvId, phoneId: phone.id });
      // What happened while the phone was away: its latest dedications, as they stand now.
      for (const frame of options.dedications().catchUp(phone.id)) send(c.ws, frame);
    },
    ping: (c, f) => send(c.ws, { type: ServerMessage.Pong, ...(f.n === undefined ? {} : { n: f.n }) }),
    'phone.leave': (c) => {
      if (!c.phoneId) return error(c, 'not-paired', 'this phone is not paired');
      const phone = store.removePhone(c.phoneId);
      toPhone(c.phoneId, { type: ServerMessage.PhoneLeft, reason: 'left' });
      for (const other of clients) if (other.phoneId === phone?.id) delete other.phoneId;
      if (phone) toTv(phone.tvId, { type: ServerMessage.TvPhones, phones: phonesOf(phone.tvId) });
    },
    'dedication.create': (c, f) => {
      const phone = c.phoneId ? store.phoneById(c.phoneId) : undefined;
      if (!phone) return error(c, 'not-paired', 'pair with a TV before sending a song');
      if (!songsPerPhone.take(phone.id) || !songsPerIp.take(c.ip)) return error(c, 'rate-limited', 'that is a lot of songs: wait a few minutes before the next one');
      options.dedications().create(phone, f.request, f.target);
    },
  };
  const charge = (c: Client, kind: FrameKind): boolean => {
    if (c.closing) return false;
    const broke = frames.charge(c.budget, c.ip, kind);
    if (!broke) return true;
    shut(c, CloseCode.TooManyFrames, broke === 'socket' ? `too many ${kind} frames: slow down` : `too many ${kind} frames from your address: slow down`);
    return false;
  };

  wss.on('connection', (ws, req) => {
    const ip = addressKey(addressOf(req));
    const client: Client = { ws, ip, site: siteKey(addressOf(req)), budget: frames.socket(), alive: true, closing: false, host: req.headers.host ?? 'localhost', channels: new Set() };
    const open = (socketsOf.get(ip) ?? 0) + 1;
    socketsOf.set(ip, open);
    clients.add(client);
    let gone = false;
    const leave = () => {
      if (gone) return;
      gone = true;
      clients.delete(client);
      const left = (socketsOf.get(ip) ?? 1) - 1;
      if (left > 0) socketsOf.set(ip, left);
      else socketsOf.delete(ip);
    };
    ws.on('close', leave);
    ws.on('error', leave);
    ws.on('pong', () => (client.alive = true));
    // Upgrades checked at the same moment can pass verifyClient together; the count here is exact.
    if (open > limits.socketsPerAddress) return shut(client, CloseCode.TooManySockets, 'too many connections from your address');
    ws.on('message', (data, isBinary) => {
      if (client.closing) return;
      if (isBinary) return charge(client, 'invalid') && error(client, 'bad-frame', 'frames are JSON text');
      // A song request gets the validator's own words, so the phone can show what to fix.
      const raw = data as Buffer;
      const checked = checkClientFrame(raw);
      if (!charge(client, checked.ok ? checked.frame.type : 'invalid')) return;
      if (!checked.ok) {
        const request = checked.error.code === 'bad-frame' ? requestProblem(raw) : undefined;
        return request ? error(client, 'invalid-request', request) : send(ws, checked.error);
      }
      try {
        (handlers[checked.frame.type] as (c: Client, f: ClientFrame) => void)(client, checked.frame);
      } catch (e) {
        options.log?.(`ws handler ${checked.frame.type} failed: ${e instanceof Error ? e.message : String(e)}`);
        error(client, 'internal', 'something went wrong on the station; please try again');
      }
    });
  });

  // A peer that has not answered the last ping is gone (a TV unplugged, a phone in a tunnel).
  const heartbeat = setInterval(() => {
    for (const c of clients) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      if (c.ws.readyState === c.ws.OPEN) c.ws.ping();
    }
  }, limits.heartbeatMs);
  heartbeat.unref();
  // TVs nobody paired with and not seen for a while are forgotten; a TV still connected counts as seen.
  const expiry = setInterval(() => {
    try {
      for (const c of clients) if (c.tvId) store.tvs.seen(c.tvId);
      const gone = store.tvs.expireUnpaired(Date.now() - limits.unpairedTvMs);
      if (gone) options.log?.(`forgot ${gone} TVs no phone was paired with`);
    } catch (e) {
      options.log?.(`could not expire TVs: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, Math.max(100, Math.min(3600_000, limits.unpairedTvMs / 4)));
  expiry.unref();

  return {
    publishNow(channel, now) {
      each((c) => c.channels.has(channel), { type: ServerMessage.Now, ...(now as object) });
    },
    toPhone,
    toTv,
    clients: () => clients.size,
    async destroy() {
      clearInterval(heartbeat);
      clearInterval(expiry);
      wrongGuesses.destroy();
      wrongBySite.destroy();
      codes.destroy();
      for (const c of clients) c.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function requestProblem(raw: Buffer): string | undefined {
  try {
    const data = JSON.parse(raw.toString()) as { type?: unknown; request?: unknown };
    if (data.type !== 'dedication.create') return undefined;
    const checked = checkSongRequest(data.request);
    return checked.ok ? undefined : `${checked.field}: ${checked.message}`;
  } catch {
    return undefined;
  }
}
