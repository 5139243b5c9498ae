// The hub's per-address limits by address family, on a real hub and real sockets, with the client's
// address taken from a test header (the unit test's edge: loopback cannot be a dozen IPv6 networks).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { openParts as openLibrary, type TestParts as Library } from '../testing/test-parts.js';
import type { Dedications } from './dedications.js';
import { createHub, type Hub } from './hub.js';

let dir: string;
let library: Library;
let server: Server;
let hub: Hub;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-sites-'));
  library = openLibrary(dir);
  server = createServer((_req, res) => res.writeHead(404).end());
  hub = createHub({
    server,
    store: library.store.pairing,
    windows: library.store.limits,
    dedications: () => ({}) as Dedications,
    hasChannel: () => false,
    now: async () => ({}),
    addressOf: (req) => String(req.headers['x-test-address']),
    limits: { wrongCodesPerIp: 5, wrongCodesPerSite: 50, socketsPerAddress: 3 },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`;
});
afterAll(async () => {
  await hub.destroy();
  await new Promise((r) => server.close(r));
  await library.close();
  await rm(dir, { recursive: true, force: true });
});

const open = (address: string): Promise<WebSocket> =>
  new Promise((ok, fail) => {
    const ws = new WebSocket(url, { headers: { 'x-test-address': address } });
    ws.once('open', () => ok(ws));
    ws.once('error', fail);
    ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
  });

/** Sends `n` wrong codes from `address` on one socket; the error codes it got. */
async function guess(address: string, n: number): Promise<string[]> {
  const ws = await open(address);
  const codes: string[] = [];
  ws.on('message', (d) => codes.push(String((JSON.parse(String(d)) as { code: string }).code)));
  for (let i = 0; i < n; i++) ws.send(JSON.stringify({ type: 'phone.pair', code: 'QQQQQQ' }));
  const deadline = Date.now() + 10_000;
  while (codes.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  ws.terminate();
  return codes;
}

const bad = (n: number) => Array<string>(n).fill('bad-code');
const limited = (n: number) => Array<string>(n).fill('rate-limited');

describe('per-address limits by address family', () => {
  it('counts every address of an IPv6 /64 as one', async () => {
    expect(await guess('2001:db8:1:1::1', 3)).toEqual(bad(3));
    expect(await guess('2001:db8:1:1:ffff::2', 3)).toEqual([...bad(2), 'rate-limited']);
    expect(await guess('2001:db8:1:2::1', 1)).toEqual(bad(1)); // the next /64 has its own budget
  });

  it('counts IPv4 and the same IPv4 mapped into IPv6 as one', async () => {
    expect(await guess('10.9.9.9', 3)).toEqual(bad(3));
    expect(await guess('::ffff:10.9.9.9', 3)).toEqual([...bad(2), 'rate-limited']);
  });

  it('holds a whole IPv6 /48 to a site budget, so 65,536 /64s are not 65,536 budgets', async () => {
    for (let net = 0; net < 10; net++) expect(await guess(`2001:db8:2:${net}::1`, 5)).toEqual(bad(5));
    expect(await guess('2001:db8:2:99::1', 2)).toEqual(limited(2)); // a fresh /64 of the same site
    expect(await guess('2001:db8:3:0::1', 1)).toEqual(bad(1)); // another site
  });

  it('counts sockets per /64', async () => {
    const held = await Promise.all(['2001:db8:4:1::1', '2001:db8:4:1::2', '2001:db8:4:1::3'].map(open));
    await expect(open('2001:db8:4:1::4')).rejects.toThrow(/429/);
    const other = await open('2001:db8:4:2::1');
    [...held, other].forEach((ws) => ws.terminate());
  });
});
