// The WebSocket hub on /ws: the only holder of sockets. Every frame is validated before dispatch;
// a bad one gets `error {code, message}` and changes nothing. TVs get pairing codes, phones pair and
// send dedications, and now-playing changes are pushed to subscribers. Every frame is charged to its
// socket's and its address's budget first; a flooding socket is closed before it costs anyone else.
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { checkClientFrame, checkSongRequest, CloseCode, MAX_FRAME_BYTES, ServerMessage, type ClientFrame, type ErrorCode } from '@radio-optimism/shared';
import type { LimitStore, PairingStore } from '../library/store.js';
import type { Dedications } from './dedications.js';
import type { Takes } from './takes.js';
import { draftedFrame } from './lyrics-draft.js';
import { randomInt } from 'node:crypto';
import { LIMITS, type SongRequest } from '@radio-optimism/shared';
import { createCodeBook } from './codes.js';
import { createRateLimiter, type SavedWindow } from './rate-limit.js';
import { addressKey, siteKey } from '../address-key.js';
import { createFrameMeter, type FrameKind } from './frame-budget.js';
import { hubLimits, type HubLimits } from './hub-limits.js';
import type { Bus } from '../cluster/bus.js';

export { DEFAULT_HUB_LIMITS, type HubLimits } from './hub-limits.js';

export interface HubOptions {
  server: Server;
  store: PairingStore;
  /** Where the limits that keep a code guesser out are kept across restarts. */
  windows: LimitStore;
  dedications: () => Dedications;
  /** A phone's takes (same words, new seeds) and the one it sends. */
  takes?: () => Takes;
  /** The writer's words for a request; the station runs it on the composer's process (tens of ms of CPU). */
  draft?: (request: SongRequest, seed: number) => Promise<string>;
  hasChannel(id: string): boolean;
  now(channel: string): Promise<unknown>;
  /** Where a phone opens to pair, for the QR code: `${publicUrl}/pair?code=...` (default: the request's host). */
  publicUrl?: string;
  /** Browser origins allowed besides the station's own (the TV app may load from file://). */
  allowedOrigins?: string[];
  codeTtlMs?: number;
  limits?: Partial<HubLimits>;
  log?: (line: string) => void;
  /** The client's address (default: the socket's peer); a unit test's edge, or a trusted proxy's header. */
  addressOf?: (req: IncomingMessage) => string | undefined;
  /** Other station instances: frames for TVs and phones held elsewhere, and pairing codes, go through it. */
  bus?: Bus;
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
  /** Its frames are handled one after another, in the order they came (each may wait on the store). */
  work: Promise<void>;
}

export function createHub(options: HubOptions): Hub {
  const { store } = options;
  const codes = createCodeBook(store, options.codeTtlMs ?? 10 * 60_000);
  const limits = hubLimits(options.limits);
  const pairAttempts = createRateLimiter(limits.pairPerIpPerMinute, 60_000);
  // What keeps a code guesser out survives a restart.
  const windowsOf = (kind: string) => ({ load: () => options.windows.load(kind), save: (changed: SavedWindow[], before: number) => options.windows.save(kind, changed, before) });
  const wrongGuesses = createRateLimiter(limits.wrongCodesPerIp, 10 * 60_000, { store: windowsOf('wrong-codes') });
  const wrongBySite = createRateLimiter(limits.wrongCodesPerSite, 10 * 60_000, { store: windowsOf('wrong-codes-site') });
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
    // Read no more of what it sent: a burst already in the socket's buffers costs nothing further.
    c.ws.pause();
    // Frames accepted before the budget broke are answered first (their handlers may wait on the store).
    void c.work.finally(() => c.ws.close(code, reason));
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
  const toPhoneHere = (phoneId: string, frame: object) => each((c) => c.phoneId === phoneId, frame);
  const toTvHere = (tvId: string, frame: object) => each((c) => c.tvId === tvId, frame);
  // With a bus, a frame goes to whichever instance holds the socket (this one included, in order).
  const { bus } = options;
  const via = (kind: 'tv' | 'phone', id: string, frame: object, here: (id: string, frame: object) => void) => {
    if (!bus) return here(id, frame);
    void bus.publish('pairing', { to: { kind, id }, frame: frame as { type: string } }).then((sent) => {
      if (sent.ok || sent.localOnly) return;
      // Refused before sending (too large, say): the sockets held here still get it.
      options.log?.(`pairing frame for ${kind} ${id} not sent to other instances: ${sent.error.message}`);
      here(id, frame);
    });
  };
  const toPhone = (phoneId: string, frame: object) => via('phone', phoneId, frame, toPhoneHere);
  const toTv = (tvId: string, frame: object) => via('tv', tvId, frame, toTvHere);
  const unsubscribe = [
    bus?.subscribe('pairing', ({ to, frame }) => (to.kind === 'tv' ? toTvHere : toPhoneHere)(to.id, frame)),
  ];
  /** Tells a phone it is no longer paired: here at once (its sockets stop being a phone's), elsewhere over the bus. */
  const phoneLeft = (phoneId: string, reason: 'left' | 'unpaired-by-tv') => {
    const frame = { type: ServerMessage.PhoneLeft, reason };
    toPhoneHere(phoneId, frame);
    for (const other of clients) if (other.phoneId === phoneId) delete other.phoneId;
    void bus?.publish('pairing', { to: { kind: 'phone', id: phoneId }, frame });
  };
  // A fresh code for a TV, kept in the store: every instance (and one started later) can redeem it.
  const issue = (tvId: string) => codes.issue(tvId);
  const phonesOf = async (tvId: string) => (await store.phones(tvId)).map((p) => ({ id: p.id, name: p.name, pairedAt: p.pairedAt }));
  const pairingUrl = (c: Client, code: string) => `${options.publicUrl ?? `http://${c.host}`}/pair?code=${code}`;
  const welcome = async (c: Client, tvId: string, token?: string) => {
    const { code, expiresAt } = await issue(tvId);
    send(c.ws, { type: ServerMessage.TvWelcome, tvId, ...(token ? { token } : {}), pairingCode: code, pairingUrl: pairingUrl(c, code), expiresAt: new Date(expiresAt).toISOString(), phones: await phonesOf(tvId) });
  };

  const handlers: { [T in ClientFrame['type']]: (c: Client, frame: Extract<ClientFrame, { type: T }>) => Promise<void> | void } = {
    'channel.subscribe': async (c, f) => {
      if (!options.hasChannel(f.channel)) return error(c, 'unknown-channel', `no channel "${f.channel}"`);
      c.channels.add(f.channel);
      send(c.ws, { type: ServerMessage.Now, ...((await options.now(f.channel)) as object) });
    },
    'tv.hello': async (c, f) => {
      // A TV that was here before keeps its identity (and its paired phones) with its token.
      const known = f.tvId && f.token ? await store.tv(f.tvId, f.token) : undefined;
      if (known) {
        c.tvId = known.id;
        store.tvSeen(known.id);
        return welcome(c, known.id);
      }
      const tv = await store.addTv();
      c.tvId = tv.id;
      await welcome(c, tv.id, tv.token);
    },
    'tv.unpair': async (c, f) => {
      if (!c.tvId) return error(c, 'not-a-tv', 'say tv.hello first');
      const phone = (await store.phones(c.tvId)).find((p) => p.id === f.phoneId);
      if (!phone) return error(c, 'not-paired', 'that phone is not paired with this TV');
      await store.removePhone(phone.id);
      phoneLeft(phone.id, 'unpaired-by-tv');
      toTv(c.tvId, { type: ServerMessage.TvPhones, phones: await phonesOf(c.tvId) });
    },
    'tv.playing': async (c, f) => {
      if (!c.tvId) return error(c, 'not-a-tv', 'say tv.hello first');
      // Only the TV a dedication was sent to can say it plays it; anything else changes nothing.
      await options.dedications().playing(c.tvId, f.id);
    },
    'phone.pair': async (c, f) => {
      if (!pairAttempts.take(c.ip) || wrongGuesses.remaining(c.ip) === 0 || wrongBySite.remaining(c.site) === 0) return error(c, 'rate-limited', 'too many tries: wait a few minutes and try again');
      const found = await codes.redeem(f.code);
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
      const { phone, sessionToken } = await store.pairPhone(found.tvId, name);
      c.phoneId = phone.id;
      send(c.ws, { type: ServerMessage.PhonePaired, sessionToken, tvId: phone.tvId, phoneId: phone.id });
      toTv(found.tvId, { type: ServerMessage.TvPhones, phones: await phonesOf(found.tvId) });
      // The code is used: the TV shows a fresh one for the next phone, on whichever instance holds it.
      const { code, expiresAt } = await issue(found.tvId);
      const shown = [...clients].find((tv) => tv.tvId === found.tvId) ?? c;
      toTv(found.tvId, { type: ServerMessage.TvWelcome, tvId: found.tvId, pairingCode: code, pairingUrl: pairingUrl(shown, code), expiresAt: new Date(expiresAt).toISOString(), phones: await phonesOf(found.tvId) });
    },
    'phone.resume': async (c, f) => {
      const phone = await store.phoneBySession(f.sessionToken);
      if (!phone) return error(c, 'not-paired', 'this phone is no longer paired: pair again with the code on the TV');
      c.phoneId = phone.id;
      send(c.ws, { type: ServerMessage.PhonePaired, sessionToken: f.sessionToken, tvId: phone.tvId, phoneId: phone.id });
      // What happened while the phone was away: its latest dedications, as they stand now.
      for (const frame of await options.dedications().catchUp(phone.id)) send(c.ws, frame);
    },
    ping: (c, f) => send(c.ws, { type: ServerMessage.Pong, ...(f.n === undefined ? {} : { n: f.n }) }),
    'phone.leave': async (c) => {
      if (!c.phoneId) return error(c, 'not-paired', 'this phone is not paired');
      const phoneId = c.phoneId;
      const phone = await store.removePhone(phoneId);
      phoneLeft(phoneId, 'left');
      if (phone) toTv(phone.tvId, { type: ServerMessage.TvPhones, phones: await phonesOf(phone.tvId) });
    },
    'dedication.create': async (c, f) => {
      const phone = c.phoneId ? await store.phoneById(c.phoneId) : undefined;
      if (!phone) return error(c, 'not-paired', 'pair with a TV before sending a song');
      if (!songsPerPhone.take(phone.id) || !songsPerIp.take(c.ip)) return error(c, 'rate-limited', 'that is a lot of songs: wait a few minutes before the next one');
      await options.dedications().create(phone, f.request, f.target);
    },
    'lyrics.draft': async (c, f) => {
      const phone = c.phoneId ? await store.phoneById(c.phoneId) : undefined;
      if (!phone) return error(c, 'not-paired', 'pair with a TV before writing a song');
      if (!options.draft) return error(c, 'internal', 'this station does not write drafts');
      const seed = f.request.seed ?? randomInt(0, LIMITS.seedMax);
      send(c.ws, draftedFrame(f.request, seed, await options.draft(f.request, seed)));
    },
    'take.create': async (c, f) => {
      const phone = c.phoneId ? await store.phoneById(c.phoneId) : undefined;
      if (!phone) return error(c, 'not-paired', 'pair with a TV before sending a song');
      if (!options.takes) return error(c, 'internal', 'this station does not make takes');
      // Each take is a song: it counts against the same limits as a dedication.
      if (!songsPerPhone.take(phone.id) || !songsPerIp.take(c.ip)) return error(c, 'rate-limited', 'that is a lot of songs: wait a few minutes before the next one');
      const refused = await options.takes().create(phone, f.request);
      if (refused) error(c, refused.code, refused.message);
    },
    'take.another': async (c, f) => {
      const phone = c.phoneId ? await store.phoneById(c.phoneId) : undefined;
      if (!phone) return error(c, 'not-paired', 'pair with a TV before sending a song');
      if (!options.takes) return error(c, 'internal', 'this station does not make takes');
      if (!songsPerPhone.take(phone.id) || !songsPerIp.take(c.ip)) return error(c, 'rate-limited', 'that is a lot of songs: wait a few minutes before the next one');
      const refused = await options.takes().another(phone, f.group);
      if (refused) error(c, refused.code, refused.message);
    },
    'take.send': async (c, f) => {
      const phone = c.phoneId ? await store.phoneById(c.phoneId) : undefined;
      if (!phone) return error(c, 'not-paired', 'pair with a TV before sending a song');
      if (!options.takes) return error(c, 'internal', 'this station does not make takes');
      const refused = await options.takes().send(phone, f.take, f.target);
      if (refused) error(c, refused.code, refused.message);
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
    const client: Client = { ws, ip, site: siteKey(addressOf(req)), budget: frames.socket(), alive: true, closing: false, host: req.headers.host ?? 'localhost', channels: new Set(), work: Promise.resolve() };
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
      const frame = checked.frame;
      client.work = client.work
        .then(() => (handlers[frame.type] as (c: Client, f: ClientFrame) => Promise<void> | void)(client, frame))
        .catch((e: unknown) => {
          options.log?.(`ws handler ${frame.type} failed: ${e instanceof Error ? e.message : String(e)}`);
          error(client, 'internal', 'something went wrong on the station; please try again');
        });
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
    for (const c of clients) if (c.tvId) store.tvSeen(c.tvId);
    store
      .expireUnpairedTvs(Date.now() - limits.unpairedTvMs)
      .then((gone) => {
        if (gone) options.log?.(`forgot ${gone} TVs no phone was paired with`);
      })
      .catch((e: unknown) => options.log?.(`could not expire TVs: ${e instanceof Error ? e.message : String(e)}`));
  }, Math.max(100, Math.min(3600_000, limits.unpairedTvMs / 4)));
  expiry.unref();
  // Codes expired a lifetime ago go (until then a late phone hears "expired", not "no such code").
  const codeSweep = setInterval(() => {
    codes.sweep().catch((e: unknown) => options.log?.(`could not forget expired pairing codes: ${e instanceof Error ? e.message : String(e)}`));
  }, 60_000);
  codeSweep.unref();

  return {
    publishNow(channel, now) {
      each((c) => c.channels.has(channel), { type: ServerMessage.Now, ...(now as object) });
    },
    toPhone,
    toTv,
    clients: () => clients.size,
    async destroy() {
      for (const stop of unsubscribe) stop?.();
      clearInterval(heartbeat);
      clearInterval(expiry);
      clearInterval(codeSweep);
      wrongGuesses.destroy();
      wrongBySite.destroy();
      for (const c of clients) c.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function requestProblem(raw: Buffer): string | undefined {
  try {
    const data = JSON.parse(raw.toString()) as { type?: unknown; request?: unknown };
    if (data.type !== 'dedication.create' && data.type !== 'lyrics.draft' && data.type !== 'take.create') return undefined;
    const checked = checkSongRequest(data.request);
    return checked.ok ? undefined : `${checked.field}: ${checked.message}`;
  } catch {
    return undefined;
  }
}
