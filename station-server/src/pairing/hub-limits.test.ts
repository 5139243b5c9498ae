// The hub's abuse limits against a real station over real sockets: floods close the flooding socket
// only, an address holds a bounded number of sockets, dead peers are cut off, and code guessers
// neither get a fresh budget after a restart nor change the code an honest TV shows.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { createStation, type Station } from '../station.js';
import { loadConfig } from '../config.js';

type Frame = Record<string, unknown> & { type: string };

class Peer {
  readonly frames: Frame[] = [];
  closed: { code: number; reason: string } | undefined;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => this.frames.push(JSON.parse(String(d)) as Frame));
    ws.on('close', (code, reason) => (this.closed = { code, reason: String(reason) }));
  }
  static async open(url: string, options: WebSocket.ClientOptions = {}): Promise<Peer> {
    const ws = new WebSocket(url, options);
    ws.on('error', () => undefined);
    await new Promise((ok, fail) => {
      ws.once('open', ok);
      ws.once('error', fail);
      ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
    });
    return new Peer(ws);
  }
  send(frame: unknown): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }
  async until<T>(what: string, check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; frames ${JSON.stringify(this.frames.slice(-5))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  next(type: string, after = 0): Promise<Frame> {
    return this.until(`a ${type} frame`, () => this.frames.slice(after).find((f) => f.type === type));
  }
  close(): void {
    this.ws.terminate();
  }
}

let dir: string;
let station: Station;
let url: string;
const env = {
  PORT: '0',
  HOST: '127.0.0.1',
  SEED_CATALOG: 'false',
  WS_BUDGET_TV_HELLO: '3/5',
  WS_BUDGET_INVALID: '4/40',
  WS_SOCKETS_PER_ADDRESS: '6',
  WS_HEARTBEAT_SECONDS: '1',
  WRONG_CODE_LIMIT: '3',
};
const start = async () => {
  station = await createStation(loadConfig({ ...env, DATA_DIR: join(dir, 'data'), PLAYLISTS_DIR: join(dir, 'playlists') }, dir), () => undefined);
  url = `ws://127.0.0.1:${station.port}/ws`;
};
/** Each test uses its own loopback address, so budgets of one do not spill into the next. */
const from = (n: number): WebSocket.ClientOptions => ({ localAddress: `127.0.0.${n}` });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-limits-'));
  await cp(resolve(process.cwd(), 'playlists'), join(dir, 'playlists'), { recursive: true });
  await start();
});
afterAll(async () => {
  await station.destroy();
  await rm(dir, { recursive: true, force: true });
});

describe('the hub under abuse', () => {
  it('closes a socket that floods tv.hello, after its budget, with a policy-violation close', async () => {
    const flooder = await Peer.open(url, from(2));
    for (let i = 0; i < 3000; i++) flooder.send({ type: 'tv.hello' });
    const closed = await flooder.until('the close', () => flooder.closed);
    expect(closed.code).toBe(1008);
    expect(closed.reason).toMatch(/too many tv\.hello/);
    expect(flooder.frames.filter((f) => f.type === 'tv.welcome').length).toBe(3);
    // Another client of the same station is unaffected.
    const tv = await Peer.open(url, from(3));
    tv.send({ type: 'tv.hello' });
    expect(await tv.next('tv.welcome')).toMatchObject({ pairingCode: expect.any(String) });
    tv.close();
  });

  it('counts every socket of one address against the address budget', async () => {
    const first = await Peer.open(url, from(4));
    const second = await Peer.open(url, from(4));
    for (let i = 0; i < 3; i++) first.send({ type: 'tv.hello' });
    await first.until('three welcomes', () => (first.frames.length === 3 ? true : undefined));
    for (let i = 0; i < 3; i++) second.send({ type: 'tv.hello' });
    expect((await second.until('the close', () => second.closed)).reason).toMatch(/from your address/);
    expect(second.frames.length).toBe(2); // 3 + 2 = the address's 5
    first.close();
  });

  it('closes a socket that floods invalid frames', async () => {
    const peer = await Peer.open(url, from(5));
    for (let i = 0; i < 100; i++) peer.send('{not json');
    expect((await peer.until('the close', () => peer.closed)).code).toBe(1008);
    expect(peer.frames.filter((f) => f.code === 'bad-frame').length).toBe(4);
  });

  it('refuses sockets past the number one address may hold, and takes new ones once some close', async () => {
    const peers = await Promise.all(Array.from({ length: 6 }, () => Peer.open(url, from(6))));
    await expect(Peer.open(url, from(6))).rejects.toThrow(/429/);
    const elsewhere = await Peer.open(url, from(7)); // another address is not affected
    elsewhere.close();
    peers[0]!.ws.close();
    await peers[0]!.until('the close', () => peers[0]!.closed);
    // The station hears of the close a moment later; then the address has a free place again.
    let replacement: Peer | undefined;
    for (let i = 0; !replacement; i++) {
      replacement = await Peer.open(url, from(6)).catch((e: Error) => {
        if (i > 100) throw e;
        return new Promise<undefined>((r) => setTimeout(() => r(undefined), 50));
      });
    }
    replacement.close();
    peers.forEach((p) => p.close());
  });

  it('cuts off a peer that stops answering pings, and keeps one that answers', async () => {
    const dead = await Peer.open(url, { ...from(8), autoPong: false });
    const live = await Peer.open(url, from(8));
    await dead.until('the dead peer cut off', () => dead.closed, 15_000);
    await new Promise((r) => setTimeout(r, 2500)); // two more heartbeats
    expect(live.closed).toBeUndefined();
    live.close();
  });
});

describe('code guessing', () => {
  it('never changes the code an honest TV shows, whatever many addresses guess, and the honest phone pairs', async () => {
    const tv = await Peer.open(url, from(9));
    tv.send({ type: 'tv.hello' });
    const welcome = await tv.next('tv.welcome');
    // 3 wrong codes from each of 25 addresses: 75 wrong codes in moments, past any station-wide alarm.
    const guessers = await Promise.all(Array.from({ length: 25 }, (_, i) => Peer.open(url, from(30 + i))));
    for (const g of guessers) for (let i = 0; i < 4; i++) g.send({ type: 'phone.pair', code: 'QQQQQQ' });
    await Promise.all(guessers.map((g) => g.until('four answers', () => (g.frames.length === 4 ? true : undefined))));
    expect(guessers.flatMap((g) => g.frames.map((f) => f.code))).toEqual(Array.from({ length: 25 }, () => ['bad-code', 'bad-code', 'bad-code', 'rate-limited']).flat());
    expect(tv.frames.filter((f) => f.type === 'tv.welcome').length).toBe(1);
    const phone = await Peer.open(url, from(10));
    phone.send({ type: 'phone.pair', code: welcome.pairingCode, name: 'Honest' });
    expect(await phone.next('phone.paired')).toMatchObject({ tvId: welcome.tvId });
    [tv, phone, ...guessers].forEach((p) => p.close());
  });

  it('keeps an address locked out after wrong codes across a restart', async () => {
    const guesser = await Peer.open(url, from(11));
    for (let i = 0; i < 3; i++) guesser.send({ type: 'phone.pair', code: 'QQQQQQ' });
    await guesser.until('three answers', () => (guesser.frames.length === 3 ? true : undefined));
    guesser.close();
    await station.destroy();
    await start();
    const again = await Peer.open(url, from(11));
    again.send({ type: 'phone.pair', code: 'QQQQQQ' });
    expect(await again.next('error')).toMatchObject({ code: 'rate-limited' });
    const other = await Peer.open(url, from(12)); // another address still has its budget
    other.send({ type: 'phone.pair', code: 'QQQQQQ' });
    expect(await other.next('error')).toMatchObject({ code: 'bad-code' });
    [again, other].forEach((p) => p.close());
  });
});
