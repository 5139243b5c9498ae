// Deliveries to a real HTTP receiver on 127.0.0.1, from a real SQLite store: signed bodies, retries
// with backoff, the attempt cap, the timeout and concurrency bound against a receiver that never
// answers, and retries that outlive a restart.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../library/sqlite-store.js';
import type { Store, WebhookRecord } from '../library/store.js';
import { createWebhookDispatcher, backoffAfter, type WebhookDispatcher } from './webhook-dispatcher.js';
import { SIGNATURE_HEADER, verify } from './webhook-body.js';
import { freePort } from '../testing/free-port.js';

interface Received { headers: IncomingMessage['headers']; body: string }

async function receiver(answer: (n: number, req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; got: Received[]; open: () => number; server: Server }> {
  const got: Received[] = [];
  let open = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      open++;
      res.on('close', () => open--);
      answer(got.length, req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got, open: () => open, server };
}

const until = async (what: string, ok: () => boolean | Promise<boolean>, ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('webhook deliveries', () => {
  let dir: string;
  let store: Store;
  const servers: Server[] = [];
  const dispatchers: WebhookDispatcher[] = [];
  const logs: string[] = [];
  const dispatcher = (o: Parameters<typeof createWebhookDispatcher>[2] = {}) => {
    const d = createWebhookDispatcher(store.webhooks, (l) => logs.push(l), { retryCron: '* * * * * *', backoffMs: 40, ...o });
    dispatchers.push(d);
    return d;
  };
  const hook = (url: string, format: 'json' | 'discord' = 'json'): Promise<WebhookRecord> => store.webhooks.add({ url, events: ['song.changed', 'dedication.pending'], format, secret: 'top-secret', createdBy: 'ana' });
  const data = { channel: 'radio-optimism', songId: 's1', title: 'For Ana', startedAt: '2026-01-01T00:00:00.000Z' };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'webhooks-'));
    store = openSqliteStore(dir, { log: () => undefined });
    logs.length = 0;
  });
  afterEach(async () => {
    for (const d of dispatchers.splice(0)) await d.destroy();
    for (const s of servers.splice(0)) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('posts the event as JSON signed with the receiver\'s secret, to receivers of that event only', async () => {
    const r = await receiver((_n, _req, res) => res.writeHead(204).end());
    servers.push(r.server);
    const h = await hook(r.url);
    await store.webhooks.add({ url: r.url, events: ['station.silent'], format: 'json', secret: 'other', createdBy: 'ana' });
    const d = dispatcher();
    await d.notify('song.changed', data);
    await until('the delivery', async () => (await store.webhooks.deliveries({ limit: 5 })).items[0]?.status === 'delivered');
    expect(r.got).toHaveLength(1);
    const { headers, body } = r.got[0]!;
    expect(JSON.parse(body)).toEqual({ event: 'song.changed', at: expect.any(String), data });
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-radio-optimism-event']).toBe('song.changed');
    expect(headers[SIGNATURE_HEADER.toLowerCase()]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verify('top-secret', body, headers[SIGNATURE_HEADER.toLowerCase()] as string)).toBe(true);
    expect(verify('wrong', body, headers[SIGNATURE_HEADER.toLowerCase()] as string)).toBe(false);
    expect((await store.webhooks.deliveries({ limit: 5 }, h.id)).items[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 204, lastError: null });
  });

  it('sends a Discord receiver {content}', async () => {
    const r = await receiver((_n, _req, res) => res.writeHead(200).end('ok'));
    servers.push(r.server);
    await hook(r.url, 'discord');
    await dispatcher().notify('dedication.pending', { dedicationId: 'd1', songId: 's1', to: 'Mom', from: 'Alex', message: 'Thank you for everything' });
    await until('the delivery', () => r.got.length === 1);
    expect(JSON.parse(r.got[0]!.body)).toEqual({ content: expect.stringContaining('Mom') });
    expect(Object.keys(JSON.parse(r.got[0]!.body))).toEqual(['content']);
  });

  it('retries a failing receiver with growing waits, the same signed bytes each time, until it takes it', async () => {
    const r = await receiver((n, _req, res) => res.writeHead(n < 3 ? 503 : 200).end());
    servers.push(r.server);
    const h = await hook(r.url);
    await dispatcher().notify('song.changed', data);
    await until('three attempts', async () => (await store.webhooks.deliveries({ limit: 5 })).items[0]?.status === 'delivered');
    expect(r.got).toHaveLength(3);
    expect(new Set(r.got.map((g) => g.body)).size).toBe(1);
    expect(new Set(r.got.map((g) => g.headers[SIGNATURE_HEADER.toLowerCase()])).size).toBe(1);
    expect((await store.webhooks.deliveries({ limit: 5 }, h.id)).items[0]).toMatchObject({ attempts: 3, lastStatus: 200, lastError: null });
    expect([1, 2, 3, 4, 20].map((n) => backoffAfter(n, 30_000, 3_600_000))).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000]);
  });

  it('gives up after the attempt cap, saying why', async () => {
    const r = await receiver((_n, _req, res) => res.writeHead(500).end());
    servers.push(r.server);
    await hook(r.url);
    await dispatcher({ maxAttempts: 3 }).notify('song.changed', data);
    await until('the give-up', async () => (await store.webhooks.deliveries({ limit: 5 })).items[0]?.status === 'failed');
    const [d] = (await store.webhooks.deliveries({ limit: 5 })).items;
    expect(d).toMatchObject({ status: 'failed', attempts: 3, lastStatus: 500, lastError: 'the receiver answered 500' });
    expect(r.got).toHaveLength(3);
    expect(logs.join('\n')).toContain('given up after 3 attempts');
  });

  it('never waits on a receiver that does not answer: notify returns, attempts time out, at most `concurrency` are open', async () => {
    let maxOpen = 0;
    const r = await receiver(() => undefined); // holds every request open
    servers.push(r.server);
    const probe = setInterval(() => (maxOpen = Math.max(maxOpen, r.open())), 5);
    try {
      await hook(r.url);
      const d = dispatcher({ concurrency: 2, timeoutMs: 300, maxAttempts: 1 });
      for (let i = 0; i < 5; i++) await d.notify('song.changed', { ...data, songId: `s${i}` });
      // Every notify returned while the receiver held its requests.
      expect(r.got.length).toBeLessThanOrEqual(2);
      await until('every attempt to time out', async () => (await store.webhooks.deliveries({ limit: 10 })).items.every((x) => x.status === 'failed'));
      const items = (await store.webhooks.deliveries({ limit: 10 })).items;
      expect(items).toHaveLength(5);
      expect(items.every((x) => /^no answer within 0.3 s$/.test(x.lastError ?? ''))).toBe(true);
      expect(maxOpen).toBeLessThanOrEqual(2);
      expect(r.got).toHaveLength(5);
    } finally {
      clearInterval(probe);
    }
  });

  it('keeps retries across a restart: a delivery due when the station stopped is sent by the next one', async () => {
    let up = false;
    const r = await receiver((_n, _req, res) => res.writeHead(up ? 200 : 502).end());
    servers.push(r.server);
    await hook(r.url);
    const first = dispatcher({ backoffMs: 200 });
    await first.notify('song.changed', data);
    await until('the first failure', async () => (await store.webhooks.deliveries({ limit: 5 })).items[0]?.attempts === 1);
    await first.destroy();
    await first.idle();
    await store.close();
    up = true;
    store = openSqliteStore(dir, { log: () => undefined });
    dispatcher({ backoffMs: 200 });
    await until('the retry after the restart', async () => (await store.webhooks.deliveries({ limit: 5 })).items[0]?.status === 'delivered');
    expect(r.got).toHaveLength(2);
    expect(r.got[0]!.body).toBe(r.got[1]!.body);
  });

  it('ends attempts in flight when it stops, without counting them, so the next start sends them', async () => {
    const r = await receiver(() => undefined); // never answers
    servers.push(r.server);
    await hook(r.url);
    const d = dispatcher({ timeoutMs: 60_000 });
    await d.notify('song.changed', data);
    await until('the attempt to reach the receiver', () => r.got.length === 1);
    await d.destroy();
    await until('the attempt to end', () => r.open() === 0);
    await d.idle();
    expect((await store.webhooks.deliveries({ limit: 5 })).items[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('does not follow redirects and names an unreachable receiver', async () => {
    const r = await receiver((_n, _req, res) => res.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' }).end());
    servers.push(r.server);
    await hook(r.url);
    await hook(`http://127.0.0.1:${await freePort()}/closed`);
    await dispatcher({ maxAttempts: 1 }).notify('song.changed', data);
    await until('both attempts', async () => (await store.webhooks.deliveries({ limit: 5 })).items.every((x) => x.status === 'failed'));
    const errors = (await store.webhooks.deliveries({ limit: 5 })).items.map((x) => x.lastError).sort();
    expect(errors).toEqual(['could not reach the receiver: ECONNREFUSED', 'the receiver answered 302 (a redirect: register the final address)']);
    expect(r.got).toHaveLength(1);
  });
});
