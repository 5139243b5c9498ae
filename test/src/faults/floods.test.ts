// Floods and slow clients against a real station process: each WebSocket frame type and each HTTP
// route flooded from one client, connection floods, dead peers, slowloris heads and bodies, and code
// guessing from many loopback addresses (127.0.0.2..30 and ::1). Throughout, a player keeps getting
// the live playlist and segments, and an honest TV and phone can pair. The station listens on "::"
// so that ::1 can guess too and IPv4 clients arrive as ::ffff:127.0.0.x, as on a dual-stack host.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, toneStation, type RunningStation, type StationFixture } from '../station-process.js';
import { Player, quantile, Socket, startStationWith } from './flood-station.js';

let fixture: StationFixture;
let station: RunningStation;
let ws: string;
let player: Player;
const latency: { phase: string; ms: number[] }[] = [];

beforeAll(async () => {
  fixture = await toneStation([
    { title: 'A', seconds: 12, frequency: 330 },
    { title: 'B', seconds: 10, frequency: 440 },
  ]);
  // A stand-in for the built TV app, so /tv/ is served rather than "being built".
  await mkdir(join(fixture.dir, 'tv'));
  await writeFile(join(fixture.dir, 'tv', 'index.html'), '<!doctype html><title>TV</title>');
  station = await startStationWith(fixture, await freePort(), { TV_APP_DIR: join(fixture.dir, 'tv'), HOST: '::', WS_HEARTBEAT_SECONDS: '2', HTTP_HEADERS_TIMEOUT_SECONDS: '2', HTTP_REQUEST_TIMEOUT_SECONDS: '3' });
  ws = `ws://127.0.0.1:${station.port}/ws`;
  player = new Player(station.base);
  await new Promise((r) => setTimeout(r, 3000));
  latency.push({ phase: 'quiet', ms: [...player.playlistMs] });
});

afterAll(async () => {
  await player?.stop();
  for (const { phase, ms } of latency) {
    if (ms.length) process.stdout.write(`live playlist latency, ${phase}: p50 ${quantile(ms, 0.5).toFixed(1)} ms, p99 ${quantile(ms, 0.99).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms over ${ms.length} fetches\n`);
  }
  station?.child.kill('SIGKILL');
  await rm(fixture.dir, { recursive: true, force: true });
});

/** Runs `attack` while the player plays; asserts the player got playlists and new segments, all good. */
async function onAir(phase: string, attack: () => Promise<void>): Promise<void> {
  const before = player.mark();
  const failures = player.failures.length;
  await attack();
  await player.until(() => player.segments >= before.segments + 2 && player.playlistMs.length >= before.playlists + 2);
  latency.push({ phase, ms: player.playlistMs.slice(before.playlists) });
  expect(player.failures.slice(failures)).toEqual([]);
  expect(station.child.exitCode).toBeNull();
}

const request2k = { message: 'x'.repeat(2000), to: 'Ana', genre: 'pop', vibe: 'calm', language: 'en' }; // too long: refused
const validRequest = { message: 'Thank you', to: 'Ana', genre: 'pop', vibe: 'calm', language: 'en' };
const FLOODS: [string, unknown][] = [
  ['channel.subscribe', { type: 'channel.subscribe', channel: 'radio-optimism' }],
  ['tv.hello', { type: 'tv.hello' }],
  ['tv.unpair', { type: 'tv.unpair', phoneId: 'ph_nobody' }],
  ['phone.pair', { type: 'phone.pair', code: 'QQQQQQ' }],
  ['phone.resume', { type: 'phone.resume', sessionToken: 'A'.repeat(32) }],
  ['phone.leave', { type: 'phone.leave' }],
  ['dedication.create (2 KB, invalid)', { type: 'dedication.create', request: request2k, target: 'tv' }],
  ['dedication.create (unpaired)', { type: 'dedication.create', request: validRequest, target: 'radio' }],
  ['ping', { type: 'ping', n: 1 }],
  ['not JSON', `{not json ${'x'.repeat(100)}`],
];

/** An honest TV and phone pair, from addresses no attacker uses. */
async function honestPairing(tvAddress: string, phoneAddress: string): Promise<void> {
  const tv = await Socket.open(ws, tvAddress);
  tv.send({ type: 'tv.hello' });
  const welcome = await tv.next('tv.welcome');
  const phone = await Socket.open(ws, phoneAddress);
  phone.send({ type: 'phone.pair', code: welcome.pairingCode, name: 'Honest' });
  expect(await phone.next('phone.paired')).toMatchObject({ tvId: welcome.tvId });
  await tv.next('tv.phones');
  tv.close();
  phone.close();
}

describe('WebSocket floods', () => {
  it.each(FLOODS.map(([name, frame], i) => [name, frame, i] as const))('closes a socket flooding %s with 3,000 frames; the station stays on air and pairs honest viewers', async (_name, frame, i) => {
    await onAir(`${_name} flood`, async () => {
      const flooder = await Socket.open(ws, `127.0.1.${i + 1}`);
      for (let n = 0; n < 3000; n++) flooder.send(frame);
      await honestPairing(`127.0.2.${i + 1}`, `127.0.3.${i + 1}`);
      const closed = await flooder.until('the flooder closed', () => flooder.closed);
      expect(closed.code).toBe(1008);
    });
  });

  it('spreads a tv.hello flood over many sockets of one address: each is closed once the address budget is spent', async () => {
    await onAir('tv.hello flood, 20 sockets of one address', async () => {
      const sockets = await Promise.all(Array.from({ length: 20 }, () => Socket.open(ws, '127.0.4.1')));
      for (const s of sockets) for (let n = 0; n < 200; n++) s.send({ type: 'tv.hello' });
      await honestPairing('127.0.4.2', '127.0.4.3');
      await Promise.all(sockets.map((s) => s.until('closed', () => s.closed)));
      const welcomes = sockets.reduce((n, s) => n + s.frames.filter((f) => f.type === 'tv.welcome').length, 0);
      expect(welcomes).toBeLessThanOrEqual(30); // the address's tv.hello budget per minute
    });
  });

  it('refuses connections past the number one address may hold', async () => {
    await onAir('connection flood', async () => {
      const results = await Promise.allSettled(Array.from({ length: 100 }, () => Socket.open(ws, '127.0.5.1')));
      const open = results.filter((r): r is PromiseFulfilledResult<Socket> => r.status === 'fulfilled').map((r) => r.value);
      // 32 at most stay open (upgrades racing past the check are closed at once; a peer that does
      // not finish the close is cut off after 2 s).
      await new Promise((r) => setTimeout(r, 3000));
      expect(open.filter((s) => !s.closed).length).toBeLessThanOrEqual(32);
      expect(results.filter((r) => r.status === 'rejected').length).toBeGreaterThan(0);
      open.forEach((s) => s.close());
      await honestPairing('127.0.5.2', '127.0.5.3');
    });
  });

  it('closes peers that stop answering pings', async () => {
    const dead = await Promise.all(Array.from({ length: 20 }, (_, i) => Socket.open(ws, `127.0.6.${i + 1}`, { autoPong: false })));
    await Promise.all(dead.map((s) => s.until('the dead peer closed', () => s.closed, 20_000)));
  });
});

describe('a sustained flood', () => {
  it('of every frame type from reconnecting sockets for 10 s: each socket is closed, and the player plays on', async () => {
    const probe = new Player(station.base, 20);
    const closes: number[] = [];
    const stopAt = Date.now() + 10_000;
    // Four attackers, each on its own address, reconnect as soon as they are closed and flood again.
    await Promise.all(Array.from({ length: 4 }, async (_, a) => {
      for (let round = 0; Date.now() < stopAt; round++) {
        const s = await Socket.open(ws, `127.0.10.${a + 1}`).catch(() => undefined);
        if (!s) {
          await new Promise((r) => setTimeout(r, 100)); // its address is over its socket budget for a moment
          continue;
        }
        const frame = FLOODS[(a + round) % FLOODS.length]![1];
        for (let n = 0; n < 3000; n++) s.send(frame);
        closes.push((await s.until('closed', () => s.closed)).code);
      }
    }));
    await probe.until(() => probe.segments >= 2);
    await probe.stop();
    latency.push({ phase: 'sustained WebSocket flood, 4 reconnecting attackers, 10 s', ms: probe.playlistMs });
    expect(probe.failures).toEqual([]);
    expect(closes.length).toBeGreaterThan(4);
    expect(closes.every((c) => c === 1008)).toBe(true);
    await honestPairing('127.0.10.10', '127.0.10.11');
  });
});

describe('code guessing', () => {
  it('from 127.0.0.2..30 and ::1: each address is held to its budget, the honest TV keeps its code and its viewer pairs', async () => {
    await onAir('code guessing from 30 addresses', async () => {
      const tv = await Socket.open(ws, '127.0.7.1');
      tv.send({ type: 'tv.hello' });
      const welcome = await tv.next('tv.welcome');
      const addresses = [...Array.from({ length: 29 }, (_, i) => `127.0.0.${i + 2}`), '::1'];
      const guessers = await Promise.all(addresses.map((a) => Socket.open(a === '::1' ? `ws://[::1]:${station.port}/ws` : ws, a)));
      for (const g of guessers) for (let n = 0; n < 8; n++) g.send({ type: 'phone.pair', code: 'QQQQQQ' });
      // The honest viewer types the code on the screen while the guesses pour in.
      const phone = await Socket.open(ws, '127.0.7.2');
      phone.send({ type: 'phone.pair', code: welcome.pairingCode, name: 'Honest' });
      expect(await phone.next('phone.paired')).toMatchObject({ tvId: welcome.tvId });
      await Promise.all(guessers.map((g) => g.until('eight answers', () => (g.frames.length >= 8 ? true : undefined))));
      for (const g of guessers) expect(g.frames.map((f) => f.code)).toEqual([...Array(5).fill('bad-code'), ...Array(3).fill('rate-limited')]);
      // 240 wrong codes from 30 addresses in moments, and the TV was never given another code but for the pairing.
      const welcomes = () => tv.frames.filter((f) => f.type === 'tv.welcome').length;
      await tv.until('the fresh code after the pairing', () => (welcomes() >= 2 ? true : undefined));
      await new Promise((r) => setTimeout(r, 500));
      expect(welcomes()).toBe(2);
      [tv, phone, ...guessers].forEach((s) => s.close());
    });
  });
});

/** Sends `count` requests, `parallel` at a time, from one local address; the statuses. */
async function httpFlood(method: string, path: string, body: string | undefined, count: number, parallel: number): Promise<number[]> {
  const statuses: number[] = [];
  let sent = 0;
  const one = () =>
    new Promise<void>((done) => {
      const req = request({ host: '127.0.0.1', port: station.port, method, path, localAddress: '127.0.8.1', headers: body ? { 'Content-Type': 'application/json' } : {} }, (res) => {
        res.resume();
        res.on('end', () => {
          statuses.push(res.statusCode ?? 0);
          done();
        });
      });
      req.on('error', () => {
        statuses.push(0);
        done();
      });
      req.end(body);
    });
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (sent < count) {
      sent++;
      await one();
    }
  }));
  return statuses;
}

describe('HTTP floods and slow clients', () => {
  const ROUTES: [string, string, string | undefined][] = [
    ['GET', '/healthz', undefined],
    ['GET', '/api/v1/channels', undefined],
    ['GET', '/api/v1/channels/radio-optimism/now', undefined],
    ['GET', '/api/v1/songs', undefined],
    ['GET', '/api/v1/songs/nosuchsong', undefined],
    ['POST', '/api/v1/songs', '{"message":""}'],
    ['GET', '/api/v1/moderation', undefined],
    ['GET', '/feed', undefined],
    ['GET', '/pair', undefined],
    ['GET', '/tv/', undefined],
    ['GET', '/live/radio-optimism/index.m3u8', undefined],
    ['GET', '/live/radio-optimism/128k.m3u8', undefined],
    ['GET', '/no/such/page', undefined],
  ];
  it.each(ROUTES)('answers a flood of %s %s from one client without a 5xx, and stays on air', async (method, path, body) => {
    await onAir(`HTTP flood ${method} ${path}`, async () => {
      const statuses = await httpFlood(method, path, body, 400, 16);
      expect(statuses.length).toBe(400);
      expect(statuses.filter((s) => s === 0 || s >= 500)).toEqual([]);
    });
  });

  it('cuts off slowloris heads and bodies on every path within the configured times', async () => {
    await onAir('slowloris', async () => {
      const heads = [
        'GET /live/radio-optimism/128k.m3u8 HTTP/1.1\r\nHost: x\r\nX-A: ',
        'GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: ',
        'GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nX-A: ',
        `POST /api/v1/songs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"message":"`,
        '',
      ];
      const began = Date.now();
      const closedAfter = await Promise.all(Array.from({ length: 25 }, (_, i) => new Promise<number>((done) => {
        const socket = connect({ host: '127.0.0.1', port: station.port, localAddress: '127.0.9.1' });
        const text = heads[i % heads.length]!;
        let at = 0;
        const timer = setInterval(() => socket.writable && text && socket.write(at < text.length ? text[at++]! : 'a'), 200);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearInterval(timer);
          done(Date.now() - began);
        });
      })));
      // Head 2 s, request 3 s, checked each second: well under the 60 s and 300 s node:http defaults.
      expect(Math.max(...closedAfter)).toBeLessThan(20_000);
    });
  });
});
